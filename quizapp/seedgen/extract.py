"""Body extraction: keep an article's prose and captions, drop the page chrome.

Raw captures put one paragraph on each line. Every non-empty line is a candidate
block; a block is kept when it reads like prose and is not boilerplate. The rules
are general (no line numbers, no per-site switches):

* once prose has started, the article ends at the first *end marker* line
  ("Related News", "Cite this text", "How useful was this post", "News Media Contact",
  "Leave a Reply", ...);
* lines that start with a chrome prefix ("Credit:", "RELATED:", "Sources:", a
  language switch like "[SK]") or contain a URL, e-mail address or phone number
  are dropped;
* lines that are not sentence-like are dropped: fewer than six words, no final
  sentence punctuation, Title Case or ALL CAPS headings, or no English function
  word at all (a paragraph in another language);
* reader instructions ("click on the image") and sponsor notices are dropped;
* a line repeating an earlier kept line (a caption printed twice) is dropped.

Offsets always index the raw, UTF-8-decoded text: ``raw[block.start:block.end] ==
block.text``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

END_MARKERS = (
    "related news",
    "cite this text",
    "how useful was this post",
    "news media contact",
    "you may also like",
    "leave a reply",
    "before you leave",
    "about the author",
    "share this article",
)
CHROME_PREFIXES = re.compile(
    r"^(credit|credits|related|sources?|photo credit|image credit|read more|see also|tags)\s*:"
    r"|^\[[A-Z]{2}\]",
    re.IGNORECASE,
)
CONTACT = re.compile(
    r"https?://|www\.|\S+@\S+\.\w+|\b\d{3}[-. ]\d{3}[-. ]\d{4}\b",
)
READER_INSTRUCTIONS = re.compile(
    r"\b(click|tap|scroll|subscribe|sign up|move the mouse|share this)\b", re.IGNORECASE
)
SPONSOR_NOTICES = re.compile(
    r"solely responsible for all content|receives support from|all rights reserved",
    re.IGNORECASE,
)
FUNCTION_WORDS = frozenset(
    "the a an of to in on and is was were are by with for from at as that it this".split()
)
SENTENCE_END = (".", "!", "?", ":", '"', "”", "’", "'", ")")
MIN_WORDS = 6
HEADING_LOWER_CASE_WORDS = 3  # a Title Case heading has fewer lower-case words than this


@dataclass(frozen=True)
class Block:
    """A kept paragraph: ``text`` equals ``raw[start:end]``."""

    start: int
    end: int
    text: str


def candidate_lines(raw: str) -> list[Block]:
    """Split ``raw`` into non-empty lines with their raw offsets, outer whitespace trimmed."""
    lines = []
    for match in re.finditer(r"[^\n]+", raw):
        text = match.group()
        stripped = text.strip()
        if not stripped:
            continue
        start = match.start() + (len(text) - len(text.lstrip()))
        lines.append(Block(start, start + len(stripped), stripped))
    return lines


def is_end_marker(line: str) -> bool:
    """True when ``line`` is a heading that starts the page's trailing chrome."""
    return line.lower().rstrip(" :?!.").strip() in END_MARKERS


def is_heading(words: list[str]) -> bool:
    """True for Title Case or ALL CAPS lines, which are headings and menu items; a
    sentence full of names still has lower-case words of its own ("The James Webb Space
    Telescope left Earth ... aboard an Ariane 5 rocket from Europe's spaceport ...")."""
    letters = [w for w in words if w[:1].isalpha() and w.lower() not in FUNCTION_WORDS]
    if not letters:
        return True
    capitalised = sum(1 for w in letters if w[0].isupper())
    lower_case = len(letters) - capitalised
    return capitalised / len(letters) > 0.7 and lower_case < HEADING_LOWER_CASE_WORDS


def rejection_reason(line: str) -> str | None:
    """Why ``line`` is page chrome rather than article prose, or None to keep it."""
    words = line.split()
    if CHROME_PREFIXES.search(line):
        return "chrome prefix"
    if CONTACT.search(line):
        return "contact or link"
    if SPONSOR_NOTICES.search(line):
        return "sponsor notice"
    if READER_INSTRUCTIONS.search(line):
        return "reader instruction"
    if len(words) < MIN_WORDS:
        return "too short"
    if not line.endswith(SENTENCE_END):
        return "no sentence ending"
    if is_heading(words):
        return "heading"
    if not any(w.lower().strip(",.;:") in FUNCTION_WORDS for w in words):
        return "not English prose"
    return None


def normalise_line(line: str) -> str:
    """Comparison key for spotting repeated lines."""
    return re.sub(r"\W+", " ", line).strip().lower()


def extract_blocks(raw: str) -> list[Block]:
    """Return the article body of ``raw`` as blocks with raw character offsets."""
    kept: list[Block] = []
    seen: set[str] = set()
    for line in candidate_lines(raw):
        if is_end_marker(line.text):
            if kept:
                break
            continue  # a share bar or similar above the article
        if rejection_reason(line.text):
            continue
        key = normalise_line(line.text)
        if key in seen:
            continue
        seen.add(key)
        kept.append(line)
    return kept
