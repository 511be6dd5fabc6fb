"""General English kind words (``data/kinds.toml``): the nouns that say what kind of
thing a name is ("Jezero Crater" is a place, "Hazard Cameras" are cameras), how a
question names each kind, and how much an answer of each kind is preferred.

Words of one subject (its craft, its planet, its best-known names) are not here: they
come with that subject's vocabulary (``seed/vocabulary.toml``).
"""

from __future__ import annotations

from functools import cache

from quizapp.english_words import kinds_data

_data = kinds_data


@cache
def name_heads() -> dict[str, str]:
    """Kind of a name by the noun that ends it: {"crater": "place", "rover": "spacecraft"}."""
    kinds = _data()["kind"].items()
    return {noun: kind for kind, entry in kinds for noun in entry.get("heads", ())}


@cache
def asked_nouns() -> dict[str, tuple[str, str]]:
    """How a question names each kind, singular and plural: {"person": ("person", "people")}."""
    kinds = _data()["kind"].items()
    return {kind: tuple(entry["asked"]) for kind, entry in kinds if "asked" in entry}


@cache
def kind_rank() -> dict[str, float]:
    """How much an answer of each kind is preferred when drafts are ranked."""
    return {kind: entry["rank"] for kind, entry in _data()["kind"].items() if "rank" in entry}


@cache
def name_words(group: str) -> frozenset[str]:
    """One lower-case word list of the ``[names]`` table (see ``data/kinds.toml``)."""
    return frozenset(_data()["names"][group])


@cache
def name_titles() -> dict[str, str]:
    """Kind of a name by the capitalised word that opens it: {"Mount": "place"}."""
    kinds = _data()["kind"].items()
    return {title: kind for kind, entry in kinds for title in entry.get("titles", ())}


@cache
def nouns_before_names() -> dict[str, str]:
    """Kind of a name by the noun written before it: {"journal": "publication"}."""
    kinds = _data()["kind"].items()
    return {noun: kind for kind, entry in kinds for noun in entry.get("before", ())}
