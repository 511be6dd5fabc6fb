"""Questions on the month and year of an event: "DART launched ... in November 2021." ->
"Which month fills the blank?", with months near it as wrong options.

The date is asked only when it is the time of the sentence's main verb, found as the
year rule finds it (``years.main_event_year``): not in a side or relative clause, not
qualifying a noun, not one of two. A past event's wrong options are never later than
the latest year the page mentions; an event the sentence puts in the future ("will
enter orbit in April 2030") may have later ones, but a hedged one ("was expected to
decide in December 2023", "could begin in May 2025") is not asked.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator

from dateutil.relativedelta import relativedelta

from .candidate import Candidate
from .facts import ArticleFacts
from .stems import cloze, date_choice, usable
from .vocabulary import Vocabulary
from .years import in_main_clause, latest_year, main_event_year

MONTHS = "|".join(calendar.month_name[1:])
MONTH_YEAR_IN = re.compile(
    rf"\b[Ii]n (?P<year>(?P<month>{MONTHS}) (?P<number>1\d{{3}}|20\d{{2}}))"
    r"(?=[,.;:]|$| [—–] | (?:and|but|at|by|with|after|before|when|as|from|for|on|aboard|"
    r"under|to|between|during)\b)(?! and (?:in )?[A-Z\d])"
)
FUTURE = re.compile(r"\b(?:will|shall|is due to|are due to|is scheduled to|are scheduled to)\b")
HEDGED = re.compile(
    r"\b(?:would|could|may|might|expected|hopes?|hoped|plans?|planned|aims?|likely)\b", re.I
)
MONTH_OFFSETS = (-2, 2, -4, 4, -6, 6, -12, 12)


def event_tense(text: str, match: re.Match) -> str | None:
    """ "past" or "future" when the month and year in ``match`` time the sentence's main
    event, else None (a side part, a hedged forecast, no verb)."""
    if HEDGED.search(text):
        return None
    if FUTURE.search(text[: match.start()]):
        return "future" if in_main_clause(text, match) else None
    return "past" if main_event_year(text, match) else None


def written(month: dt.date) -> str:
    """A month written as the article writes one: "April 2030"."""
    return f"{calendar.month_name[month.month]} {month.year}"


def nearby_months(match: re.Match, stem: str, latest: int | None) -> list[str]:
    """Three months near the asked one, built with date arithmetic, none later than the
    year ``latest`` (when given) and none whose year the stem already names beside a month."""
    asked = dt.date(int(match["number"]), list(calendar.month_name).index(match["month"]), 1)
    months = [asked + relativedelta(months=offset) for offset in MONTH_OFFSETS]
    if latest is not None:
        months = [m for m in months if m.year <= latest]
    return [written(m) for m in months if written(m) not in stem][:3]


def month_year_questions(facts: ArticleFacts, vocabulary: Vocabulary) -> Iterator[Candidate]:
    """mcq.event_month: blank the month and year of the sentence's main event."""
    latest = latest_year(facts.raw)
    for sf in usable(facts):
        text = sf.sentence.clean
        for match in MONTH_YEAR_IN.finditer(text):
            answer = match["year"]
            stem = cloze(text, match.start("year"), match.end("year"))
            tense = event_tense(text, match)
            if tense is None or answer in stem:
                continue
            wrong = nearby_months(match, stem, latest if tense == "past" else None)
            if len(wrong) < 3:
                continue
            yield date_choice(
                "mcq.event_month", sf, stem, answer, wrong, "Which month and year fill the blank?"
            )


MONTH_YEAR_RULES = (month_year_questions,)
