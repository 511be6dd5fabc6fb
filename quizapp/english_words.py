"""English inflection, word frequencies and kind nouns, loaded on first use.

``inflect`` takes seconds to import and ``wordfreq``'s lists are large, so neither
is loaded when the app starts; grading and the question generator share one of each,
and read the kind nouns from one file (``seedgen/data/kinds.toml``) without
importing the generator.
"""

import tomllib
from functools import cache, lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def inflector():
    """The ``inflect`` engine."""
    import inflect

    return inflect.engine()


@lru_cache(maxsize=8192)
def zipf_frequency(word: str) -> float:
    """How often ``word`` is written in English, on the Zipf scale (0 when never)."""
    from wordfreq import zipf_frequency as frequency

    return frequency(word, "en")


@cache
def kinds_data() -> dict:
    """The parsed ``seedgen/data/kinds.toml``: kinds of names and their nouns."""
    path = resources.files("quizapp").joinpath("seedgen", "data", "kinds.toml")
    return tomllib.loads(path.read_text(encoding="utf-8"))


@cache
def answer_heads() -> frozenset[str]:
    """Kind nouns a typed answer may add after a name ("the HiRISE camera" is HiRISE)."""
    return frozenset(kinds_data()["names"]["answer_heads"])
