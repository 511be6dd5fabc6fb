"""Recognise a question file's format from its content."""

import re

# Only the start of a file is looked at: enough to tell the formats apart, cheap on huge files.
SAMPLE = 64 * 1024
_AIKEN_ANSWER = re.compile(r"^ANSWER\s*:\s*[A-Z]\s*$", re.MULTILINE)
_AIKEN_OPTION = re.compile(r"^[A-Z][.)]\s+\S", re.MULTILINE)
_CSV_HEADER = re.compile(r"^\"?type\"?\s*[,;]|[,;]\s*\"?type\"?\s*[,;]|[,;]\s*\"?type\"?\s*$")
_GIFT_HINTS = re.compile(r"(?<!\\)\{[^{}]*(?<!\\)\}|^::|^\$CATEGORY:", re.MULTILINE)


def detect_format(text: str) -> str | None:
    """The format name ("gift", "aiken", "moodlexml", "csv", "json") or ``None`` if unclear."""
    head = text.lstrip("\ufeff \t\r\n")[:SAMPLE]
    if head.startswith("<"):
        return "moodlexml" if "<quiz" in head[:5000] else None
    if head.startswith("{"):
        return "json"
    first = head.split("\n", 1)[0][:2000].lower()
    if _CSV_HEADER.search(first) and "prompt" in first:
        return "csv"
    if _AIKEN_ANSWER.search(head) and _AIKEN_OPTION.search(head) and "{" not in head:
        return "aiken"
    if _GIFT_HINTS.search(head) or ("{" in head and "}" in text):
        return "gift"
    return None
