"""Ranking and de-duplication of candidates that passed the gates.

Score (higher is better), all from visible properties of the candidate:

* sentences of 10-35 words read best as stems (-1 outside that range);
* answers of some kinds beat others (``rank`` in ``data/kinds.toml``: instruments and
  cameras, then spacecraft and places, before organisations); the vocabulary's
  ``obvious`` names ("NASA", the article's main rover) are too easy to guess (-2);
* structured types (matching, ordering, multi, numeric) get +1 for variety;
* questions asking for the same answer from the same sentence are duplicates;
* real wh-questions (rules ``*.wh_*``) read better than fill-in-the-blank (+1.5);
* a multiple-choice question with three same-kind wrong options (not dates) beats
  typing the answer (+1; +0.75 with two).

Central facts (``centrality``) are all considered before any other, and asides
(backstory, a restatement tacked on after a comma) are dropped once the bank has
``ENOUGH`` questions. Within each of those tiers, a number asked in a side clause (",
which stand about ___ kilometers apart") is considered after every other draft, so
the places of a sentence go to its own claim before its peripheral numbers.

Selection keeps, per source sentence, at most one question per type (numeric
questions about different units count as different) and at most
``PER_SENTENCE`` questions; an aside whose stem holds the answer of a kept question
of its sentence, while that question's stem holds the aside's answer ("The operation
took place on ___ and lasted about four hours" beside "... lasted about ___ hours"), is
dropped whatever the size of the bank: it adds nothing the kept one does not state
(two main claims that give each other away are both kept, since a quiz draw never
takes two questions citing one sentence); true/false keeps the true or the false version of a
sentence alternately so the bank is about half true. Near-duplicates (same type and
answer, or stems sharing most words) keep the better-ranked one.
"""

from __future__ import annotations

import hashlib

from .candidate import Candidate
from .centrality import Centrality, is_aside, is_central
from .clauses import in_side_part
from .gates import content_words, normalise
from .kinds import kind_rank
from .stems import BLANK

PER_SENTENCE = 3
ENOUGH = 6
TYPE_BONUS = {"matching": 3, "ordering": 3, "multi": 1.5, "numeric": 1.5, "short": 0.5}


def score(candidate: Candidate, obvious: frozenset[str] = frozenset()) -> float:
    """Rank of a candidate (see module docstring); ``obvious`` names are too easy."""
    words = len(candidate.sources[0].clean.split())
    value = 0.0 if 10 <= words <= 35 or len(candidate.sources) > 1 else -1.0
    value += kind_rank().get(candidate.kind, 0) + TYPE_BONUS.get(candidate.type, 0)
    if any(normalise(a) in obvious for a in candidate.answers):
        value -= 2
    if ".wh_" in candidate.rule:
        value += 1.5
    if candidate.type == "mcq" and candidate.kind != "date" and len(candidate.distractors) >= 2:
        value += 0.75 if len(candidate.distractors) == 2 else 1  # same-kind wrong options
        # from the articles beat a typed answer
    if candidate.type == "short" and len(candidate.answers[0]) > 25:
        value -= 1
    return value


def stable_key(candidate: Candidate) -> str:
    """A tie-breaker that depends only on the candidate's content."""
    text = f"{candidate.rule}|{candidate.source_start}|{candidate.prompt}"
    return hashlib.sha256(text.encode()).hexdigest()


def near_duplicate(a: Candidate, b: Candidate) -> bool:
    """Same type and answer in overlapping stems, or stems that share most words."""
    if a.stem and a.stem == b.stem:
        return True  # the same blank asked as two types
    asks = a.answers and "truefalse" not in (a.type, b.type)
    same = {normalise(x) for x in a.answers} == {normalise(x) for x in b.answers}
    if asks and same and a.source_start == b.source_start:
        return True  # the same answer from the same sentence, asked another way
    if a.type != b.type or (a.type == "numeric" and a.data["unit"] != b.data["unit"]):
        return False  # numbers of different things are different facts
    words_a, words_b = content_words(a.stem or a.prompt), content_words(b.stem or b.prompt)
    overlap = len(words_a & words_b) / max(1, len(words_a | words_b))
    same_answer = [normalise(x) for x in a.answers] == [normalise(x) for x in b.answers]
    return overlap >= 0.75 or (same_answer and overlap >= 0.4)


def same_slot(a: Candidate, b: Candidate) -> bool:
    """Two questions of one type from one sentence fill the same slot, except numeric
    questions about different units ("25 cameras", "two microphones") and questions
    from different rules (not clozes) asking for different phrases ("What is expected
    to fire ...?" and the word in quotation marks that names the mast)."""
    if a.type != b.type:
        return False
    if a.type == "numeric":
        return a.data["unit"] == b.data["unit"]
    asks = "cloze" not in a.rule and "cloze" not in b.rule and a.rule != b.rule
    different = {normalise(x) for x in a.answers}.isdisjoint(normalise(x) for x in b.answers)
    return not (asks and different)


def gives_away(asker: Candidate, other: Candidate) -> bool:
    """True when ``asker``'s stem (or statement) holds one of ``other``'s answers, also
    as part of a hyphenated word ("a 62-year-old man" holds 62)."""
    stem = f" {normalise((asker.stem or asker.prompt).replace('-', ' '))} "
    return any(f" {normalise(a)} " in stem for a in other.answers if normalise(a))


def side_number(candidate: Candidate) -> bool:
    """True when the candidate asks a number that sits in a side clause of its stem."""
    if candidate.type != "numeric":
        return False
    position = candidate.stem.find(BLANK)
    return position >= 0 and in_side_part(candidate.stem, position)


CENTRAL, OTHER, ASIDE = range(3)


def crowds(candidate: Candidate, same_sentence: list[Candidate], tier: dict[int, int]) -> bool:
    """True when the candidate is an aside and it and a kept question of its sentence
    hold each other's answers (see module docstring)."""
    return tier[id(candidate)] == ASIDE and any(
        gives_away(c, candidate) and gives_away(candidate, c) for c in same_sentence
    )


def centrality_tier(candidate: Candidate, centrality: Centrality | None) -> int:
    """``CENTRAL`` for a central fact, ``ASIDE`` for backstory or a tacked-on
    restatement, else ``OTHER``; every candidate is ``OTHER`` without scores."""
    if centrality is None:
        return OTHER
    if is_aside(candidate, centrality.named_once):
        return ASIDE
    return CENTRAL if is_central(candidate, centrality.scores) else OTHER


def select(
    candidates: list[Candidate],
    obvious: frozenset[str] = frozenset(),
    centrality: Centrality | None = None,
) -> tuple[list[Candidate], int]:
    """The kept candidates in rank order, and how many were dropped as duplicates;
    ``obvious`` names (lower-case) are too easy to be answers and rank lower. With
    ``centrality`` (see ``centrality.py``), central facts come first, then
    the rest, and asides are kept only while the bank has fewer than ``ENOUGH``."""
    for candidate in candidates:
        candidate.score = score(candidate, obvious)
    tier = {id(c): centrality_tier(c, centrality) for c in candidates}
    ranked = sorted(
        candidates, key=lambda c: (tier[id(c)], side_number(c), -c.score, stable_key(c))
    )
    kept: list[Candidate] = []
    per_sentence: dict[int, list[Candidate]] = {}
    last_truth = None
    dropped = 0
    for candidate in ranked:
        start = candidate.source_start
        same_sentence = per_sentence.get(start, [])
        if tier[id(candidate)] == ASIDE and len(kept) >= ENOUGH:
            break
        if len(same_sentence) >= PER_SENTENCE or any(
            same_slot(c, candidate) for c in same_sentence
        ):
            continue
        if crowds(candidate, same_sentence, tier):
            continue
        if candidate.type == "truefalse" and candidate.data["answer"] == last_truth:
            continue
        if any(near_duplicate(candidate, k) for k in kept):
            dropped += 1
            continue
        if candidate.type == "truefalse":
            last_truth = candidate.data["answer"]
        kept.append(candidate)
        per_sentence.setdefault(start, []).append(candidate)
    return kept, dropped
