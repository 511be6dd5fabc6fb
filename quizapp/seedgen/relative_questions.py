"""Questions on the date of an event a news page gives relative to its publication:
"The agency on Thursday approved ..." on a page published July 6, 2023 -> "The agency
on ___ approved ..." with the key "July 6, 2023" (``relativedates`` resolves the day).

Three ways of writing a time are resolved, each only when the page's publication date
is known and the time is the time of the sentence's main, past event (not hedged, not
a forecast, not in a side or relative clause; see ``years.in_main_clause``):

* a weekday after "on" ("on Thursday", "late on Sunday night"): asked as a date,
  "mcq.relative_date"; the weekday and its part of the day take the blank ("late on
  ___"), so the stem filled with the article's words is the sentence. A possessive
  ("Monday's launch"), a weekday written beside its date ("Saturday, Feb. 20") or one
  of a list ("on Monday and Tuesday") is not resolved, and a stem still holding a
  weekday is refused by ``gates.no_stale_time``;
* a day and month without a year ("on March 16"): asked as a date with its year,
  "mcq.relative_date";
* a month after "in" without a day or year ("in January", "in late June"): asked as a
  month and year like ``monthyears``, "mcq.relative_month".

The wrong options are the days around the key that ``mcq.date_cloze`` offers (two
before, one after), or the months two, four, six or twelve away of ``monthyears``, none in
a year after publication: a student who does not see the page cannot rule out a day
after it, but a later year would mark itself out. The question's source is the sentence
as the article wrote it, and its explanation says how the article gave the time and
when the page was published.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

from .candidate import Candidate
from .clauses import VERB, parts
from .facts import ArticleFacts, SentenceFacts
from .focus import REPORTING_VERB
from .monthyears import FUTURE, HEDGED, MONTH_OFFSETS, written
from .pagedates import last_update
from .quantities import DATE, DateMention
from .relativedates import (
    month_day_on_or_before,
    month_on_or_before,
    resolved_weekday,
    weekday_number,
)
from .stems import (
    MONTH_ABBREVIATION,
    WEEKDAY,
    cloze,
    date_choice,
    says,
    usable,
    weekday_start,
)
from .vocabulary import Vocabulary
from .years import ANY_YEAR, PAST_VERB, in_main_clause

MONTH_NAMES = "|".join(calendar.month_name[1:])
WEEKDAY_ON = re.compile(
    rf"\b[Oo]n (?P<asked>(?P<weekday>{WEEKDAY})(?: (?P<part>morning|afternoon|evening|night))?)"
    rf"(?![\w'’])(?!,? ?(?:{MONTH_ABBREVIATION}|\d))(?! (?:and|or) (?:on )?{WEEKDAY})"
)
MONTH_IN = re.compile(
    rf"\b[Ii]n (?:(?:early|late) )?(?P<asked>(?P<month>{MONTH_NAMES}))\b"
    r"(?!,? \d)(?! (?:and|or|to) (?:in )?[A-Z\d])"
)
# Where the clause holding a time ends: a conjunction, a relative or subordinating word.
CLAUSE_END = re.compile(
    r"\b(?:and|or|but|that|which|who|whom|whose|when|where|after|before|because|as|while|"
    r"if|since|until|so)\b"
)
DAY_OFFSETS = (-2, -1, 1, 2, -3)
QUOTED = re.compile(r"[\"“][^\"”]*[\"”]")
# Who reported the sentence's claim, after it: "..., the agency told reporters on
# Tuesday". The time is when the claim was reported, not when its event happened.
ATTRIBUTION = re.compile(rf", (?:[\w'’.-]+ ){{1,6}}{REPORTING_VERB} $")


@dataclass(frozen=True)
class RelativeTime:
    """A time in a sentence and the calendar date it names: ``text[start:end]`` is the
    blank, ``asked`` the article's words there ("Sunday night"), ``given`` how the
    article gives the time ("on Sunday night") and ``key`` the date or month as asked
    ("September 24, 2023")."""

    start: int
    end: int
    asked: str
    given: str
    day: dt.date
    key: str


def long_date(day: dt.date) -> str:
    """A date written in full: "July 6, 2023"."""
    return f"{calendar.month_name[day.month]} {day.day}, {day.year}"


def reported_or_quoted(text: str, match: re.Match) -> bool:
    """True when the time in ``match`` is inside a quotation or times an attribution
    after the claim ("..., the agency said on Monday")."""
    quoted = any(q.start() < match.start() < q.end() for q in QUOTED.finditer(text))
    return quoted or bool(ATTRIBUTION.search(text[: match.start()]))


def verb_timed_is_past(text: str, match: re.Match) -> bool:
    """True when the verb the time in ``match`` goes with is past: the nearest verb of
    its part of the sentence before it, else the first verb after it ("On Thursday, the
    agency approved ..."). A time with a verb before it and another after it in its own
    clause dates a clause describing the subject ("The change the detectors recorded in
    May was ...") and is not the sentence's."""
    start, end = next(((s, e) for s, e in parts(text) if s <= match.start() <= e), (0, len(text)))
    if HEDGED.search(text[start:end]):
        return False
    before = VERB.findall(text[start : match.start()])
    if before and VERB.search(CLAUSE_END.split(text[match.end() : end])[0]):
        return False
    after = VERB.findall(text[match.end() :])
    verb = before[-1] if before else (after[0] if after else "")
    return bool(PAST_VERB.fullmatch(verb))


def times_past_event(text: str, match: re.Match) -> bool:
    """True when the time in ``match`` times the sentence's main, past event: no future
    verb comes before it, it sits in the main clause, is neither quoted nor the time of
    an attribution, and its part of the sentence is not hedged and goes with a past verb."""
    if FUTURE.search(text[: match.start()]) or not in_main_clause(text, match):
        return False
    return not reported_or_quoted(text, match) and verb_timed_is_past(text, match)


def weekday_times(text: str, published: dt.date, updated: dt.date | None) -> Iterator[RelativeTime]:
    """Weekdays after "on" that time the sentence's past event, resolved."""
    for match in WEEKDAY_ON.finditer(text):
        day = resolved_weekday(weekday_number(match["weekday"]), published, updated)
        if day is None or not times_past_event(text, match):
            continue
        yield RelativeTime(
            match.start("asked"), match.end("asked"), match["asked"], match.group(), day,
            long_date(day),
        )  # fmt: skip


def yearless_dates(sf: SentenceFacts, published: dt.date) -> Iterator[RelativeTime]:
    """Days of a month written without a year ("on March 16") that time the sentence's
    past event, resolved; a weekday written before the date goes with it."""
    text = sf.sentence.clean
    for date in sf.dates:
        match = DATE.match(text, date.start)
        day = month_day_on_or_before(date.month, date.day, published)
        if date.year is not None or day is None or not times_past_event(text, match):
            continue
        start = weekday_start(text, date.start)
        asked = text[start : date.end]
        yield RelativeTime(start, date.end, asked, asked, day, f"{date.text}, {day.year}")


def month_times(text: str, published: dt.date) -> Iterator[RelativeTime]:
    """Months after "in" without a day or year that time the sentence's past event."""
    for match in MONTH_IN.finditer(text):
        month = list(calendar.month_name).index(match["month"])
        if times_past_event(text, match):
            day = month_on_or_before(month, published)
            yield RelativeTime(
                match.start("asked"), match.end("asked"), match["month"], match.group(), day,
                written(day),
            )  # fmt: skip


def nearby_days(time: RelativeTime, latest: int, stem: str, article_style: bool) -> list[str]:
    """Three days near the resolved one, none in a year after ``latest`` nor written in
    the stem; written like the article's date ("Aug. 15, 2023") when ``article_style``."""
    days = [time.day + dt.timedelta(days=o) for o in DAY_OFFSETS]
    days = [d for d in days if d.year <= latest]
    if article_style:
        mention = DateMention(time.key, 0, 0, time.day.month, time.day.day, time.day.year)
        texts = [mention.shifted((d - time.day).days) for d in days]
    else:
        texts = [long_date(d) for d in days]
    return [t for t in texts if t not in stem][:3]


def nearby_month_names(time: RelativeTime, latest: int, stem: str) -> list[str]:
    """Three months near the resolved one, none in a year after ``latest`` nor written in
    the stem."""
    months = [time.day + relativedelta(months=o) for o in MONTH_OFFSETS]
    return [written(m) for m in months if m.year <= latest and written(m) not in stem][:3]


def explained(sf: SentenceFacts, time: RelativeTime, unit: str, published: dt.date) -> str:
    """The explanation: the source sentence, how it gives the time, when it was published."""
    return (
        f'{says(sf)} The article gives the {unit} as "{time.given}"; it was published on '
        f"{long_date(published)}."
    )


def years_around(facts: ArticleFacts, sf: SentenceFacts) -> set[int]:
    """The years written in a sentence and in the sentence before it in its paragraph."""
    previous = [
        other.sentence.clean
        for other in facts.sentences
        if other.sentence.index == sf.sentence.index - 1
        and other.sentence.block == sf.sentence.block
    ]
    return {int(y) for y in ANY_YEAR.findall(" ".join([*previous[:1], sf.sentence.clean]))}


def times_in(
    facts: ArticleFacts, sf: SentenceFacts, updated: dt.date | None
) -> list[tuple[str, RelativeTime]]:
    """The resolved times of one sentence, each with its unit ("day", "date", "month").
    A day or month written without a year is left alone when the sentence or the one
    before it names another year ("launched in 2021 and reached orbit on Feb. 18"): that
    year, not the publication's, may be the one meant."""
    published = facts.published
    text = sf.sentence.clean
    asked = [("day", t) for t in weekday_times(text, published, updated)]
    years = years_around(facts, sf)
    asked += [("date", t) for t in yearless_dates(sf, published) if years <= {t.day.year}]
    asked += [("month", t) for t in month_times(text, published) if years <= {t.day.year}]
    return asked


def relative_time_question(
    sf: SentenceFacts, unit: str, time: RelativeTime, published: dt.date
) -> Candidate | None:
    """The question on one resolved time of a sentence, or None without three wrong
    options."""
    text = sf.sentence.clean
    stem = cloze(text, time.start, time.end)
    if unit == "month":
        wrong = nearby_month_names(time, published.year, stem)
        rule, question = "mcq.relative_month", "Which month and year fill the blank?"
    else:
        wrong = nearby_days(time, published.year, stem, unit == "date")
        rule, question = "mcq.relative_date", "Which date fills the blank?"
    if len(wrong) < 3:
        return None
    explanation = explained(sf, time, unit, published)
    return date_choice(rule, sf, stem, time.key, wrong, question, explanation, time.asked)


def relative_time_questions(facts: ArticleFacts, vocabulary: Vocabulary) -> Iterator[Candidate]:
    """mcq.relative_date and mcq.relative_month: blank a time the article gives relative
    to its publication and ask for the calendar date or month it names."""
    if facts.published is None:
        return
    updated = last_update(facts.raw)
    for sf in usable(facts):
        for unit, time in times_in(facts, sf, updated):
            question = relative_time_question(sf, unit, time, facts.published)
            if question is not None:
                yield question


RELATIVE_TIME_RULES = (relative_time_questions,)
