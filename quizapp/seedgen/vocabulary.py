"""The domain vocabulary (``seed/vocabulary.toml``) as plain data.

Terms say what kind of thing a name is (camera, spacecraft, place, ...) and, for
spacecraft and organisations, what sort of that kind (rover, orbiter; agency,
university) so that a swapped-in name plays the same role; events name
things that can happen, recognised by phrases. Neither is a source of facts.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

KINDS = (
    "camera", "instrument", "microphone", "spacecraft", "place", "organisation", "person",
    "hardware", "rover part",
)  # fmt: skip


@dataclass(frozen=True)
class Term:
    """A known name, its spelling variants and its kind."""

    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    role: str = ""
    mounted: str = ""
    also_true: tuple[str, ...] = ()

    @property
    def spellings(self) -> tuple[str, ...]:
        """The name followed by its aliases."""
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class EventType:
    """An event the pipeline recognises by any of its lower-case phrases."""

    label: str
    phrases: tuple[str, ...]


@dataclass(frozen=True)
class Vocabulary:
    """Terms and event types; an empty vocabulary is valid.

    ``obvious`` names every reader of the subject knows, too easy to be an answer;
    ``not_names`` are capitalised words of the subject that open no name ("Mars rover"
    is a rover on Mars); both lower-case. ``asked`` says how a question names a kind,
    singular and plural, where the subject words it better than ``data/kinds.toml``.
    """

    terms: tuple[Term, ...] = ()
    events: tuple[EventType, ...] = field(default_factory=tuple)
    obvious: frozenset[str] = frozenset()
    not_names: frozenset[str] = frozenset()
    asked: tuple[tuple[str, tuple[str, str]], ...] = ()

    def asked_noun(self, kind: str, plural: bool = False) -> str | None:
        """How a question names ``kind`` in this subject, if the vocabulary says."""
        forms = dict(self.asked).get(kind)
        return forms[1 if plural else 0] if forms else None

    def kind_of(self, name: str) -> str | None:
        """The kind of a known name or alias (case-insensitive), else None."""
        lowered = name.lower()
        for term in self.terms:
            if term.kind != "rover part" and lowered in (s.lower() for s in term.spellings):
                return term.kind
        return None

    def term_for(self, name: str) -> Term | None:
        """The term whose name or alias is ``name`` (case-insensitive)."""
        lowered = name.lower()
        for term in self.terms:
            if lowered in (s.lower() for s in term.spellings):
                return term
        return None


def load_vocabulary(path: Path | str | None) -> Vocabulary:
    """Read a vocabulary TOML file; ``None`` or a missing file gives an empty vocabulary."""
    if path is None or not Path(path).exists():
        return Vocabulary()
    data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    terms = []
    for entry in data.get("term", []):
        if entry["kind"] not in KINDS:
            raise ValueError(f"unknown kind {entry['kind']!r} for {entry['name']!r}")
        aliases = tuple(entry.get("aliases", ()))
        role, mounted = entry.get("role", ""), entry.get("mounted", "")
        also_true = tuple(w.lower() for w in entry.get("also_true", ()))
        terms.append(Term(entry["name"], entry["kind"], aliases, role, mounted, also_true))
    events = tuple(
        EventType(entry["label"], tuple(p.lower() for p in entry["phrases"]))
        for entry in data.get("event", [])
    )
    obvious = frozenset(name.lower() for name in data.get("obvious", ()))
    not_names = frozenset(word.lower() for word in data.get("not_names", ()))
    asked = tuple((kind, tuple(forms)) for kind, forms in data.get("asked", {}).items())
    return Vocabulary(tuple(terms), events, obvious, not_names, asked)
