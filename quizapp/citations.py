"""Choosing the sentences a question cites: the article body split into sentences.

The body and the sentences come from the same extractor and splitter the
seed pipeline uses, so a generated question's spans are among the choices.
A span a question already cites that the splitter does not produce (an
imported or older question) is offered too, so re-picking never loses it.
"""

from dataclasses import dataclass
from functools import lru_cache
from typing import Any


@dataclass(frozen=True)
class Choice:
    """One sentence a teacher may cite: its raw span, its text and its paragraph."""

    start: int
    end: int
    text: str
    paragraph: int

    @property
    def value(self) -> str:
        """The form value naming this sentence."""
        return f"{self.start}-{self.end}"


@lru_cache(maxsize=16)
def _sentences(raw: str) -> tuple[Choice, ...]:
    # The splitter (spaCy) is imported here, when an editor first needs it, not at start-up.
    from quizapp.seedgen.extract import extract_blocks
    from quizapp.seedgen.sentences import split_sentences

    return tuple(
        Choice(s.start, s.end, s.text, s.block) for s in split_sentences(raw, extract_blocks(raw))
    )


def _valid_span(raw: str, source: Any) -> bool:
    try:
        start, end = source["start"], source["end"]
        return 0 <= start < end <= len(raw) and raw[start:end] == source["text"]
    except (KeyError, TypeError):
        return False


def sentence_choices(raw: str, cited: list[dict[str, Any]]) -> list[Choice]:
    """The article's sentences in reading order, plus any cited span they do not include."""
    choices = list(_sentences(raw))
    known = {(c.start, c.end) for c in choices}
    for source in cited:
        if _valid_span(raw, source) and (source["start"], source["end"]) not in known:
            choices.append(Choice(source["start"], source["end"], source["text"], -1))
            known.add((source["start"], source["end"]))
    return sorted(choices, key=lambda c: (c.start, c.end))


def paragraphs(choices: list[Choice]) -> list[list[Choice]]:
    """Group choices into runs that share a paragraph, for showing the article."""
    groups: list[list[Choice]] = []
    for choice in choices:
        if groups and groups[-1][-1].paragraph == choice.paragraph:
            groups[-1].append(choice)
        else:
            groups.append([choice])
    return groups


def sources_for(raw: str, values: list[str], choices: list[Choice]) -> list[dict[str, Any]]:
    """The ``{start, end, text}`` list for the chosen form values; ValueError for a stranger."""
    by_value = {choice.value: choice for choice in choices}
    picked = []
    for value in dict.fromkeys(values):
        choice = by_value.get(value)
        if choice is None:
            raise ValueError("Choose sentences of this article only.")
        picked.append(choice)
    picked.sort(key=lambda c: c.start)
    return [{"start": c.start, "end": c.end, "text": raw[c.start : c.end]} for c in picked]
