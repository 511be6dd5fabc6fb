"""Where a question comes from: its source sentence within its paragraph."""

from dataclasses import dataclass

CONTEXT_LIMIT = 600


@dataclass(frozen=True)
class SourceContext:
    """A cited sentence with the text around it in its paragraph."""

    before: str
    sentence: str
    after: str


def _paragraph_bounds(raw: str, start: int, end: int) -> tuple[int, int]:
    para_start = raw.rfind("\n", 0, start) + 1
    para_end = raw.find("\n", end)
    return para_start, len(raw) if para_end == -1 else para_end


def source_context(raw: str, start: int, end: int, limit: int = CONTEXT_LIMIT) -> SourceContext:
    """Split the cited span's paragraph into the text before, the span and the text after.

    Long paragraphs are cut at ``limit`` characters either side, on a word
    boundary, with an ellipsis.
    """
    if not (0 <= start < end <= len(raw)):
        raise ValueError("source span outside the article")
    para_start, para_end = _paragraph_bounds(raw, start, end)
    before = raw[para_start:start]
    after = raw[end:para_end]
    if len(before) > limit:
        cut = before[-limit:]
        before = "…" + cut[cut.find(" ") + 1 :]
    if len(after) > limit:
        cut = after[:limit]
        after = cut[: cut.rfind(" ")] + "…"
    return SourceContext(before=before.lstrip(), sentence=raw[start:end], after=after.rstrip())
