"""Stem and explanation helpers shared by the question rules."""

from __future__ import annotations

from collections.abc import Iterator

from .facts import ArticleFacts, SentenceFacts

BLANK = "___"


def cloze(text: str, start: int, end: int) -> str:
    """``text`` with ``text[start:end]`` replaced by a blank."""
    return f"{text[:start]}{BLANK}{text[end:]}"


def quote(sentence_text: str) -> str:
    """A sentence prepared for embedding in a prompt."""
    return sentence_text.strip()


def says(sf: SentenceFacts) -> str:
    """The explanation that quotes a source sentence as the article wrote it."""
    return f'The article says: "{sf.sentence.quoted}"'


def options_in_order(options: list[str]) -> list[str]:
    """Options in the stored, deterministic order: case-insensitive alphabetical."""
    return sorted(options, key=lambda o: (o.lower(), o))


def usable(facts: ArticleFacts) -> Iterator[SentenceFacts]:
    """Sentences that may be question sources."""
    return (s for s in facts.sentences if s.unusable is None)
