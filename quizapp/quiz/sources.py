"""Where a question comes from: its cited sentences, highlighted in their paragraphs."""

from collections.abc import Iterable
from dataclasses import dataclass

CONTEXT_LIMIT = 600


@dataclass(frozen=True)
class Segment:
    """A run of article text; ``cited`` when it is one of the question's sentences."""

    text: str
    cited: bool


@dataclass(frozen=True)
class Passage:
    """One paragraph of the article, cut to the cited sentences and some context."""

    segments: tuple[Segment, ...]


def _paragraph_bounds(raw: str, start: int, end: int) -> tuple[int, int]:
    para_start = raw.rfind("\n", 0, start) + 1
    para_end = raw.find("\n", end)
    return para_start, len(raw) if para_end == -1 else para_end


def _trim_before(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text.lstrip()
    cut = text[-limit:]
    return "…" + cut[cut.find(" ") + 1 :]


def _trim_after(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text.rstrip()
    cut = text[:limit]
    return cut[: cut.rfind(" ")] + "…"


def _checked_spans(raw: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    checked = sorted(set(spans))
    for start, end in checked:
        if not (0 <= start < end <= len(raw)):
            raise ValueError("source span outside the article")
    return checked


def _group_by_paragraph(raw: str, spans: list[tuple[int, int]]):
    groups: list[tuple[tuple[int, int], list[tuple[int, int]]]] = []
    for start, end in spans:
        bounds = _paragraph_bounds(raw, start, end)
        if groups and bounds[0] < groups[-1][0][1]:
            (first, last), members = groups[-1]
            groups[-1] = ((first, max(last, bounds[1])), [*members, (start, end)])
        else:
            groups.append((bounds, [(start, end)]))
    return groups


def _passage(raw: str, bounds: tuple[int, int], spans: list[tuple[int, int]], limit: int):
    segments: list[Segment] = []
    position = bounds[0]
    for index, (start, end) in enumerate(spans):
        start = max(start, position)
        if start >= end:
            continue
        gap = raw[position:start]
        if index == 0:
            gap = _trim_before(gap, limit)
        if gap:
            segments.append(Segment(gap, cited=False))
        segments.append(Segment(raw[start:end], cited=True))
        position = end
    tail = _trim_after(raw[position : bounds[1]], limit)
    if tail:
        segments.append(Segment(tail, cited=False))
    return Passage(tuple(segments))


def source_passages(
    raw: str, spans: Iterable[tuple[int, int]], limit: int = CONTEXT_LIMIT
) -> list[Passage]:
    """The paragraphs that hold the cited spans, each span marked as cited.

    Spans in one paragraph share a passage; text before the first and after
    the last is cut at ``limit`` characters on a word boundary, with an
    ellipsis. Raises ValueError for a span outside the article.
    """
    checked = _checked_spans(raw, spans)
    return [
        _passage(raw, bounds, members, limit)
        for bounds, members in _group_by_paragraph(raw, checked)
    ]
