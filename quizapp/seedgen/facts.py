"""Facts of an article: per-sentence names, quantities and dates, plus article-wide
abbreviations, same-kind name pools and a timeline of recognised events.

A sentence is *usable* as a question source when it is a complete statement written
in the third person: it ends like a sentence, has at least seven words, has a verb
cue (an auxiliary, a past form or a present-tense verb before its object), and the
writer is not speaking as "I"/"we" (opinion and narration, not checkable facts).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from .entities import Mention, PersonRole, abbreviation_pairs, find_mentions
from .quantities import DateMention, Quantity, find_dates, find_quantities
from .sentences import Sentence
from .vocabulary import Vocabulary

AUXILIARIES = re.compile(
    r"\b(is|are|was|were|be|been|being|has|have|had|will|would|can|could|should|may|"
    r"might|must|did|does|do|got|sent|took|went|came|saw|led|made|found|said|says|gave|began|"
    r"flew|left|kept|held|built|drove|fell|ran|wrote|won|became)\b|\b\w{3,}ed\b|"
    r"\b\w{3,} (the|a|an|its|their|where|that|space|images|from)\b",
    re.IGNORECASE,
)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
RELATIVE_TIMES = (
    (re.compile(r"\bin the days to come\b|\bin the next few days\b", re.I), 3.0),
    (re.compile(r"\bin the (following|coming|next) weeks\b", re.I), 14.0),
    (re.compile(r"\b(one or two|a few|several|two or three) months\b", re.I), 45.0),
)
CAPTION_LABEL = re.compile(
    r"^(?:\[(?:photo|image|picture|video|caption|illustration|graphic)\]|"
    r"(?:photo|image|picture|caption|illustration)\s*:)",
    re.IGNORECASE,
)
CREDIT = re.compile(
    r"\((?:photo|image|picture|illustration|credit|video)s?(?: by)?\s*:?[^()]*\)$"
    r"|^\([^()]{1,60}\)$",
    re.IGNORECASE,
)
AFTER_PREVIOUS = re.compile(r"\bafter which\b|\band then\b", re.I)
LATER_STILL = re.compile(r"\beven longer\b|\blater still\b", re.I)


@dataclass(frozen=True)
class SentenceFacts:
    """What one sentence says, in terms the generators use."""

    sentence: Sentence
    mentions: tuple[Mention, ...]
    people: tuple[PersonRole, ...]
    quantities: tuple[Quantity, ...]
    dates: tuple[DateMention, ...]
    unusable: str | None = None


@dataclass(frozen=True)
class TimedEvent:
    """A recognised event placed on the article's own timeline (days after publication)."""

    label: str
    when: float
    sentence: Sentence


@dataclass
class ArticleFacts:
    """All facts of one article, and the day it was published when known."""

    raw: str
    sentences: list[SentenceFacts]
    abbreviations: dict[str, str] = field(default_factory=dict)
    events: list[TimedEvent] = field(default_factory=list)
    published: dt.date | None = None

    @property
    def published_year(self) -> int | None:
        """The year the page was published, when known: a date the page writes without
        its year falls in it as a rule."""
        return self.published.year if self.published else None

    def names_of_kind(self, kind: str) -> list[str]:
        """Distinct names of one kind in article order (longest spelling per name kept)."""
        names: list[str] = []
        for facts in self.sentences:
            for mention in facts.mentions:
                if mention.kind == kind and mention.text not in names:
                    names.append(mention.text)
        return names


def unusable_reason(sentence: Sentence) -> str | None:
    """Why a sentence cannot be a question source, or None (see module docstring)."""
    text = sentence.clean
    if CAPTION_LABEL.match(text) or CREDIT.search(text):
        return "photo caption"
    if not re.search(r"[.!?][\"”’)]?$", text):
        return "not a full sentence"
    if len(text.split()) < 7:
        return "too short"
    if sentence.first_person:
        return "first person"
    if not AUXILIARIES.search(text):
        return "no verb"
    return None


def timeline(sentences: list[Sentence], vocabulary: Vocabulary, published: dt.date | None):
    """Recognised events that the article places in time, ordered by time."""
    events: list[TimedEvent] = []
    for sentence in sentences:
        text = sentence.clean
        lowered = text.lower()
        previous_when: float | None = None
        hits = []
        for event in vocabulary.events:
            positions = [lowered.find(p) for p in event.phrases if p in lowered]
            if positions:
                hits.append((min(positions), event.label))
        hits.sort()
        for number, (position, label) in enumerate(hits):
            window_start = hits[number - 1][0] if number else 0
            window_end = hits[number + 1][0] if number + 1 < len(hits) else len(text)
            when = time_before(text[window_start:position], published, previous_when)
            if when is None:
                when = time_before(text[position:window_end], published, previous_when, True)
            if when is not None:
                events.append(TimedEvent(label, when, sentence))
                previous_when = when
    return sorted(events, key=lambda e: (e.when, e.sentence.start))


def time_before(
    prefix: str, published: dt.date | None, previous: float | None, first: bool = False
) -> float | None:
    """Days after publication named by the last (or ``first``) time expression in ``prefix``."""
    candidates: list[tuple[int, float]] = []
    for pattern, days in RELATIVE_TIMES:
        candidates += [(m.start(), days) for m in pattern.finditer(prefix)]
    if previous is not None:
        candidates += [(m.start(), previous + 0.5) for m in AFTER_PREVIOUS.finditer(prefix)]
        candidates += [(m.start(), previous + 30.0) for m in LATER_STILL.finditer(prefix)]
    if published is not None:
        for date in find_dates(prefix):
            day = dt.date(date.year or published.year, date.month, date.day)
            candidates.append((date.start, float((day - published).days)))
        for match in re.finditer(r"\b(" + "|".join(WEEKDAYS) + r")\b", prefix, re.I):
            offset = (WEEKDAYS.index(match.group().lower()) - published.weekday()) % 7
            candidates.append((match.start(), float(offset)))
    if not candidates:
        return None
    return min(candidates)[1] if first else max(candidates)[1]


def article_facts(
    raw: str, sentences: list[Sentence], vocabulary: Vocabulary, published: dt.date | None
) -> ArticleFacts:
    """Extract the facts of every sentence and the article-wide abbreviations and events."""
    per_sentence = []
    abbreviations: dict[str, str] = {}
    for sentence in sentences:
        mentions, people = find_mentions(sentence.clean, vocabulary)
        for short, long, _, _ in abbreviation_pairs(sentence.clean):
            abbreviations[short] = long
        per_sentence.append(
            SentenceFacts(
                sentence,
                tuple(mentions),
                tuple(people),
                tuple(find_quantities(sentence.clean)),
                tuple(find_dates(sentence.clean)),
                unusable_reason(sentence),
            )
        )
    per_sentence = with_captions_marked(per_sentence)
    events = timeline(sentences, vocabulary, published)
    joined = []
    for previous, facts in zip(per_sentence, per_sentence[1:], strict=False):
        joined.append(previous)
        if (extra := with_referent(raw, previous, facts, vocabulary)) is not None:
            joined.append(extra)
    joined += per_sentence[-1:]
    return ArticleFacts(raw, joined, abbreviations, events, published)


def with_captions_marked(per_sentence: list[SentenceFacts]) -> list[SentenceFacts]:
    """Sentences followed in their paragraph by a bracketed credit marked as captions."""
    marked = list(per_sentence)
    for number, facts in enumerate(per_sentence[1:], start=1):
        caption = marked[number - 1]
        same_block = caption.sentence.block == facts.sentence.block
        if same_block and CREDIT.search(facts.sentence.clean) and caption.unusable is None:
            marked[number - 1] = replace(caption, unusable="photo caption")
    return marked


DEFINITE_PICTURE = re.compile(r"^The (?P<noun>video|image|photo|photograph|picture|footage) ")


def with_referent(
    raw: str, previous: SentenceFacts, current: SentenceFacts, vocabulary: Vocabulary
) -> SentenceFacts | None:
    """A sentence opening with "The video ..." joined to the sentence before it when that
    one introduces "a ... video" in the same block: one two-sentence source whose facts
    are only those of the second sentence (the first gives the referent).

    "On February 22, 2021, a unique video of the landing itself was published ... The
    video captures the landing maneuver, from throwing off the heat shield, ..."
    """
    first, second = previous.sentence, current.sentence
    match = DEFINITE_PICTURE.match(second.clean)
    if not match or first.block != second.block or previous.unusable or current.unusable:
        return None
    if not re.search(rf"\ban? (?:[\w-]+ ){{0,3}}{match['noun']}\b", first.clean):
        return None
    clean = f"{first.clean} {second.clean}"
    offset = len(first.clean) + 1
    sentence = Sentence(second.index, second.block, first.start, second.end,
                        raw[first.start : second.end], clean)  # fmt: skip
    mentions, people = find_mentions(clean, vocabulary)
    return SentenceFacts(
        sentence,
        tuple(m for m in mentions if m.start >= offset),
        tuple(p for p in people if p.start >= offset),
        tuple(q for q in find_quantities(clean) if q.start >= offset),
        tuple(d for d in find_dates(clean) if d.start >= offset),
        None,
    )
