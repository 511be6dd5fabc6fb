"""The dates a news page gives in its own chrome: when it was published and updated.

A news page states when it was published on a date line near its headline or byline,
above the article body: "Published April 23, 2024, 8:05 a.m. PT", "Published: 17
November 2023", "July 6, 2023, 6:12 p.m. ET | Updated July 7, 2023", "Thursday 4 July
2024 02.00 BST | Last modified Thursday 4 July 2024 10.45 BST", "Sept. 24, 2023 |
Updated 6:40 p.m. MDT". Only the header is read (the lines above the first paragraph
``extract_blocks`` keeps), so a date inside the body's sentences never counts.

A header line is split at its separators ("|", "·", "•", a dash set off by spaces, a
run of spaces) into segments. A segment is a *date segment* when it holds nothing but
an optional label ("Published", "Posted", "Updated", "Last modified"), an optional
weekday that agrees with the date, a calendar date with its year written in words and
digits, US or UK order ("Oct. 12, 2022", "17 November 2023", "2024-03-03"), and an
optional time of day with its zone ("at 4:45 p.m. ET", "02.00 BST", "9:12 PM
GMT+5:30"). Dates written in digits only ("07/06/2023") are ambiguous between US and UK
order and are not read.

The publication date is the one date the header's "Published" and unlabelled date
segments agree on; failing those, the one date its "Updated" segments agree on. Two
different such dates, or an update earlier than the publication, conflict: the page
then gives no publication date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from dateutil import parser

from .extract import extract_blocks

PUBLISHED_LABEL = r"(?:first |originally )?published|posted"
UPDATED_LABEL = r"(?:last )?updated|(?:last )?modified|revised"
WEEKDAY_NAME = r"(?:Mon|Tue|Tues|Wed|Weds|Thu|Thur|Thurs|Fri|Sat|Sun)(?:[a-z]*day)?\.?"
MONTH_WORD = r"[A-Z][a-z]{2,8}\.?"
DAY = r"\d{1,2}(?:st|nd|rd|th)?"
DATE_TEXT = (
    rf"(?P<us>{MONTH_WORD} {DAY},? \d{{4}})|(?P<uk>{DAY} {MONTH_WORD},? \d{{4}})|"
    r"(?P<iso>\d{4}-\d{2}-\d{2})"
)
DATE_SEGMENT = re.compile(
    rf"^(?:(?P<label>{PUBLISHED_LABEL}|{UPDATED_LABEL})\s*:?\s*(?:on\s+)?)?"
    rf"(?:(?P<weekday>{WEEKDAY_NAME}),?\s+)?(?:{DATE_TEXT})(?P<rest>.*)$",
    re.IGNORECASE,
)
TIME_OF_DAY = re.compile(
    r"^(?:,?\s*(?:at\s+)?\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?\s?m\.?|AM|PM)?"
    r"(?:\s+(?:[A-Z]{1,5}(?:[+-]\d{1,2}(?::?\d{2})?)?|(?:[A-Z][a-z]+ )?time))?)?\s*$"
)
SEPARATOR = re.compile(r"\s*[|·•]\s*|\s+[—–-]\s+|\s{3,}")


@dataclass(frozen=True)
class HeaderDate:
    """One date segment of the page header: ``label`` is "published", "updated" or
    "dated" (no label)."""

    label: str
    day: dt.date


def header_text(raw: str) -> str:
    """The page chrome above the article body (all of ``raw`` when it has no body)."""
    blocks = extract_blocks(raw)
    return raw[: blocks[0].start] if blocks else raw


def parse_segment(segment: str) -> HeaderDate | None:
    """The date of a header segment that is a date segment (see module docstring)."""
    match = DATE_SEGMENT.match(segment.strip())
    if not match or not TIME_OF_DAY.match(match["rest"]):
        return None
    written = match["us"] or match["uk"] or match["iso"]
    try:
        day = parser.parse(written, dayfirst=bool(match["uk"])).date()
    except (ValueError, OverflowError):
        return None  # "Share 24, 2023" is no date
    weekday = match["weekday"]
    if weekday and not calendar.day_name[day.weekday()].lower().startswith(
        weekday.rstrip(".").lower()[:3]
    ):
        return None  # "Thursday 5 July 2024": the weekday and the date disagree
    label = (match["label"] or "").lower()
    if not label:
        return HeaderDate("dated", day)
    published = re.fullmatch(PUBLISHED_LABEL, label)
    return HeaderDate("published" if published else "updated", day)


def header_dates(raw: str) -> list[HeaderDate]:
    """Every date segment of the page header, in page order."""
    found = []
    for line in header_text(raw).splitlines():
        for segment in SEPARATOR.split(line):
            if (date := parse_segment(segment)) is not None:
                found.append(date)
    return found


def publication_date(raw: str) -> dt.date | None:
    """The date the page says it was published, or None when its header gives none or
    two that conflict (see module docstring)."""
    dates = header_dates(raw)
    stated = {d.day for d in dates if d.label in ("published", "dated")}
    updates = {d.day for d in dates if d.label == "updated"}
    chosen = stated or updates
    if len(chosen) != 1:
        return None
    day = next(iter(chosen))
    return None if any(update < day for update in updates) else day


def last_update(raw: str) -> dt.date | None:
    """The latest date the page header says it was updated, or None."""
    return max((d.day for d in header_dates(raw) if d.label == "updated"), default=None)
