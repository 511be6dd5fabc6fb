"""The candidate question passed from generators through gates to the bank."""

from __future__ import annotations

from dataclasses import dataclass, field

from .sentences import Sentence


@dataclass
class Candidate:
    """A draft question with what the gates and ranking need to judge it.

    ``stem`` is the prompt text that must not reveal the answer; ``answers`` are the
    strings the cited source must contain; ``distractors`` are the wrong options.
    """

    type: str
    rule: str
    prompt: str
    data: dict
    explanation: str
    sources: tuple[Sentence, ...]
    stem: str
    answers: tuple[str, ...]
    kind: str
    distractors: tuple[str, ...] = ()
    score: float = 0.0
    extra: dict = field(default_factory=dict)

    @property
    def source_start(self) -> int:
        """Raw offset where the cited span starts."""
        return min(s.start for s in self.sources)

    @property
    def source_end(self) -> int:
        """Raw offset where the cited span ends."""
        return max(s.end for s in self.sources)
