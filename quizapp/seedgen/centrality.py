"""How central an article's facts are, so that main facts are asked before side details.

A sentence is central when it opens the article (the lead) or shares words with the
title (or the headline and standfirst above the body), when the things it names recur
across the article and across the other articles of its topic, and when it names the
article's main subject (its most repeated terms). Key terms are the words of a sentence
that are not common English (``wordfreq``), in the singular (``inflect``), so "laser"
and "lasers" count as one term and "the" or "said" count for nothing.

A fact is an aside, whatever its sentence, when the sentence tells the backstory in the
past perfect ("The facility had come close before: in August 2021, a shot released 1.3
megajoules") or when the asked part is an approximate restatement tacked on after a
comma ("struck Dimorphos on Sept. 26, 2022, about 11 million kilometers from Earth"), or
when it is the time between the article's event and the event of something the article
names only once ("The landing came four days after Russia's Luna-25 spacecraft ...
crashed"), or when it is a detail of how the event went rather than what happened: a
person's age ("a 62-year-old man"), or a span of seconds, minutes or hours that times a
step ("lasted about four hours", "about 27 minutes after liftoff", "photographed the
region every 10 minutes").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from quizapp.english_words import zipf_frequency
from quizapp.questiontypes.typed_answers import singular

from .candidate import Candidate
from .clauses import IRREGULAR_PAST, VERB, in_side_part, leading, parts
from .facts import ArticleFacts
from .sentences import Sentence
from .stems import BLANK, usable

CENTRAL = 1.0  # the lead or the title's words, or terms that recur and name the subject
LEAD_SENTENCES = 3
COMMON_ZIPF = 5.2  # words at least this frequent in English ("year", "said") are not key
MAX_RECURRENCE = 3
MAIN_TERMS = 2
WORD = re.compile(r"[A-Za-z][\w-]+|\d[\d.,]*\d|\d")
HEADING_WORDS = 5
QUOTATION = re.compile(r"[\"“][^\"”]*[\"”]")
# "had said" or "had told" frames what was said; the words said carry their own tense.
BACKSTORY = re.compile(
    r"\bhad (?:\w+ly )?(?!said\b|told\b)"
    rf"(?:been|come|[a-z]+ed|[a-z]+en|[a-z]+wn|begun|run|{IRREGULAR_PAST})\b",
    re.IGNORECASE,
)
INTERVAL = (
    r"(?:[a-z]+ )?(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?) (?:after|before) "
    r"(?P<event>[^,;:]+)"
)
APPROXIMATELY = r", (?:or )?(?:about|roughly|some|nearly|around|almost) [^,;:]*"
SHORT_SPAN = r"(?:seconds?|minutes?|hours?)\b"
ROUGHLY = r"(?:(?:about|roughly|some|nearly|around|almost|just|only|more than|less than) )?"
STEP_TIMING = (
    r"(?P<part>)-year-old\b",
    rf"\b(?:every|lasted|lasting|lasts|took|taking|spent|for) {ROUGHLY}(?P<part>) {SHORT_SPAN}",
    rf"(?P<part>) {SHORT_SPAN} (?:after|before|later|earlier)\b",
)


def key_terms(text: str) -> frozenset[str]:
    """The uncommon words of ``text``, lower-case and singular."""
    words = [w.lower() for w in WORD.findall(text)]
    numbers = {w for w in words if w[0].isdigit()}
    named = {singular(w) for w in words if len(w) > 2 and zipf_frequency(w) < COMMON_ZIPF}
    return frozenset(numbers | named - numbers)


def headings(raw: str, body_start: int) -> str:
    """The lines above the article body that read like its headline or standfirst:
    five words or more, no menu bars ("Home | Space"), captions or bylines."""
    lines = (line.strip() for line in raw[:body_start].splitlines())
    return " ".join(
        line
        for line in lines
        if len(line.split()) >= HEADING_WORDS
        and "|" not in line
        and not line.startswith(("[", "By ", "Published"))
        and ". " not in line
    )


@dataclass(frozen=True)
class Centrality:
    """Sentence scores by raw start offset, and the names the article uses only once."""

    scores: dict[int, float]
    named_once: frozenset[str]
    body_words: int = 0


def article_centrality(
    facts: ArticleFacts, title: str = "", related: frozenset[str] = frozenset()
) -> Centrality:
    """What ``select`` needs to rank an article's facts by centrality; ``related`` are
    the key terms of the other articles on the same topic."""
    body_words = sum(len(sf.sentence.clean.split()) for sf in facts.sentences)
    scores = sentence_centrality(facts, title, related)
    return Centrality(scores, names_used_once(facts), body_words)


def article_terms(sentences: list[Sentence]) -> frozenset[str]:
    """The key terms of a whole article, to count as recurring in related articles."""
    return frozenset().union(*(key_terms(s.clean) for s in sentences))


def names_used_once(facts: ArticleFacts) -> frozenset[str]:
    """Capitalised words (not opening a sentence) found in just one usable sentence."""
    counts: Counter[str] = Counter()
    for sf in usable(facts):
        counts.update({w.lower() for w in WORD.findall(sf.sentence.clean)[1:] if w[0].isupper()})
    return frozenset(name for name, n in counts.items() if n == 1)


def sentence_centrality(
    facts: ArticleFacts, title: str = "", related: frozenset[str] = frozenset()
) -> dict[int, float]:
    """Centrality of each usable sentence, by its raw start offset (higher is more central).

    One point for the lead or a sentence sharing two key terms with the title; up to
    one for how often its key terms recur in other sentences (a term of a ``related``
    article counts as one more); half a point for naming one of the article's main
    terms."""
    sentences = [sf.sentence for sf in usable(facts)]
    if not sentences:
        return {}
    title = f"{title} {headings(facts.raw, facts.sentences[0].sentence.start)}"
    terms = [key_terms(s.clean) for s in sentences]
    counts = Counter(t for ts in terms for t in ts)
    counts.update(t for t in related if t in counts)
    # Ties broken by the term itself: the sets above iterate in an order that changes
    # from run to run, and the bank must not.
    by_count = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    main = {t for t, n in by_count[:MAIN_TERMS] if n > 1}
    title_terms = key_terms(title)
    scores = {}
    for index, (sentence, own) in enumerate(zip(sentences, terms, strict=True)):
        opening = index < LEAD_SENTENCES or len(own & title_terms) >= 2
        recurrence = [min(counts[t] - 1, MAX_RECURRENCE) / MAX_RECURRENCE for t in sorted(own)]
        score = float(opening) + (sum(recurrence) / len(recurrence) if recurrence else 0.0)
        scores[sentence.start] = score + (0.5 if own & main else 0.0)
    return scores


def asked_part(candidate: Candidate) -> str | None:
    """What the candidate tests in its stem: the blank, or the part a false statement
    changed."""
    if BLANK in candidate.stem:
        return BLANK
    if candidate.type == "truefalse" and candidate.distractors:
        return candidate.distractors[0]
    return None


def is_aside(candidate: Candidate, named_once: frozenset[str] = frozenset()) -> bool:
    """True when the asked fact is backstory, a restatement tacked on, or the time
    between the article's event and one of a thing it names only once (see module)."""
    told = " ".join(s.clean for s in candidate.sources)
    if BLANK in candidate.stem:
        told = candidate.stem  # a stem focused on one clause asks only that clause
    if BACKSTORY.search(QUOTATION.sub("", told)):
        return True
    asked = asked_part(candidate)
    if asked is None:
        return False
    part = rf"(?<![\w.]){re.escape(asked)}(?!\w)"
    if re.search(rf"{APPROXIMATELY}{part}[^,;:]*[.!?]?$", candidate.stem):
        return True
    if any(re.search(p.replace("(?P<part>)", part), candidate.stem) for p in STEP_TIMING):
        return True
    interval = re.search(rf"{part} {INTERVAL}", candidate.stem)
    names = (
        [w.lower() for w in WORD.findall(interval["event"]) if w[0].isupper()] if interval else []
    )
    return bool(names) and all(name in named_once for name in names)


def is_central(candidate: Candidate, sentence_scores: dict[int, float]) -> bool:
    """True when one of the candidate's sources is a central sentence."""
    return max(sentence_scores.get(s.start, 0.0) for s in candidate.sources) >= CENTRAL


def asked_position(candidate: Candidate) -> int | None:
    """Where the asked part stands in the whole first source sentence, read before any
    cut (the occurrence whose preceding words the stem shares), or None."""
    asked = asked_part(candidate)
    sentence = candidate.sources[0].clean
    if asked is None:
        return None
    if asked == BLANK:
        if not candidate.answers:
            return None
        before = candidate.stem[: candidate.stem.find(BLANK)]
        asked = candidate.answers[0]
    else:
        before = ""
    found = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(asked)}(?!\w)", sentence)]
    if not found:
        return None
    return max(found, key=lambda at: shared_tail(sentence[:at], before))


def asked_in_side_clause(candidate: Candidate) -> bool:
    """True when the asked part lies in a side clause of the whole source sentence (a
    relative or participle clause, an appositive, a trailing second clause): a stem cut
    to the clause that holds the blank no longer shows it."""
    position = asked_position(candidate)
    return position is not None and in_side_part(candidate.sources[0].clean, position)


def asked_in_subject(candidate: Candidate) -> bool:
    """True when the asked part stands before the first verb of the sentence's main
    clause (the first part that is not a leading adverbial): in its subject."""
    position = asked_position(candidate)
    if position is None:
        return False
    sentence = candidate.sources[0].clean
    for start, end in parts(sentence):
        if leading(sentence[start:end]):
            continue
        verb = VERB.search(sentence, start, end)
        if verb is None or not start <= position < verb.start():
            return False
        # "measures 6.5 meters across and is made of ...": a present-tense verb the
        # pattern misses came first, and the verb found opens a second predicate.
        return " and " not in sentence[position : verb.start()]
    return False


def shared_tail(a: str, b: str) -> int:
    """How many characters ``a`` and ``b`` share at their ends."""
    count = 0
    while count < min(len(a), len(b)) and a[-1 - count] == b[-1 - count]:
        count += 1
    return count
