"""The editorial review of the seed banks (``seed/reviews.toml``), applied by ``seed build``.

Generated questions are drafts; what ships is what a reviewer kept. The file has one
table per question id::

    [awestruck-0123456789]
    decision = "keep"

    [awestruck-abcdef0123]
    decision = "reject"
    reason = "asks who said a quote, not a fact of the landing"

    [perseverance-sneak-peek-0011223344]
    decision = "edit"
    why = "the blank's singular unit gave the number away"
    prompt = "..."          # any of EDITABLE, replacing the generated value

A draft the generator sets aside as not confident (``confidence.py``) is not in the
bank; it comes back only by the reviewer's explicit choice, a keep or an edit with
``restore``, the reason the draft is sound although a condition doubts it::

    [perseverance-sneak-peek-c5eb6ecf73]
    decision = "edit"
    restore = "the count of the rover's wheels is a fact to learn once the photo goes"
    why = "ask for the number of wheels directly, not through a photo caption"
    prompt = "How many wheels does NASA's Perseverance rover have?"

A decision for an id the pipeline no longer makes (neither in a bank nor set aside) is
*stale* and reported, as is a ``restore`` for a draft the generator no longer sets
aside, so the file is kept in step with the generator. Every review is counted per rule
in the report: kept as generated, edited or rejected; the report also counts the drafts
restored, and those set aside that the review rejects as well.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from quizapp.questiontypes import get_type

DECISIONS = ("keep", "edit", "reject")
EDITABLE = frozenset(
    {"prompt", "explanation", "topic", "difficulty", "type", "answer", "answers", "options",
     "pairs", "items", "tolerance", "unit", "fractions", "feedback"}
)  # fmt: skip
TOPICS = ("landing", "instruments", "mission")
DIFFICULTIES = ("easy", "medium", "hard")


class ReviewError(ValueError):
    """The review file is malformed or an edit makes an unusable question."""


@dataclass(frozen=True)
class Review:
    """One editorial decision about one question."""

    decision: str
    note: str = ""
    changes: dict = field(default_factory=dict)
    restore: str = ""


@dataclass
class ReviewTally:
    """Decisions applied in one build: per (rule, outcome), plus stale and missing ids."""

    outcomes: Counter = field(default_factory=Counter)
    stale: list[str] = field(default_factory=list)
    unreviewed: list[str] = field(default_factory=list)
    restored: list[str] = field(default_factory=list)
    needless_restores: list[str] = field(default_factory=list)
    set_aside_and_rejected: list[str] = field(default_factory=list)


def _review(question_id: str, table: object) -> Review:
    if not isinstance(table, dict):
        raise ReviewError(f"[{question_id}] must be a table")
    decision = table.get("decision")
    if decision not in DECISIONS:
        raise ReviewError(f"[{question_id}] decision must be one of {', '.join(DECISIONS)}")
    note_key = {"keep": None, "edit": "why", "reject": "reason"}[decision]
    note = str(table.get(note_key, "")) if note_key else ""
    if note_key and not note.strip():
        raise ReviewError(f"[{question_id}] a {decision} needs a {note_key!r}")
    restore = table.get("restore", "")
    if not isinstance(restore, str) or ("restore" in table and not restore.strip()):
        raise ReviewError(f"[{question_id}] a restore needs the reason the draft is sound")
    if restore and decision == "reject":
        raise ReviewError(f"[{question_id}] only a keep or an edit may restore a draft")
    changes = {k: v for k, v in table.items() if k not in ("decision", "why", "reason", "restore")}
    unknown = sorted(set(changes) - EDITABLE)
    if unknown:
        raise ReviewError(f"[{question_id}] cannot edit {', '.join(unknown)}")
    if decision != "edit" and changes:
        raise ReviewError(f"[{question_id}] only an edit may change fields")
    if decision == "edit" and not changes:
        raise ReviewError(f"[{question_id}] an edit must change something")
    return Review(decision, note, changes, restore)


def restored_ids(reviews: dict[str, Review]) -> frozenset[str]:
    """Ids of the drafts a reviewer brings back after the generator set them aside."""
    return frozenset(question_id for question_id, review in reviews.items() if review.restore)


def load_reviews(path: Path) -> dict[str, Review]:
    """Decisions by question id; an absent file means nothing was reviewed."""
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ReviewError(f"{path}: {exc}") from exc
    return {question_id: _review(question_id, table) for question_id, table in data.items()}


def _edited(question: dict, review: Review) -> dict:
    edited = {**question, **review.changes}
    if edited["type"] != question["type"]:  # a new type brings all of its own answer data
        for key in EDITABLE - set(review.changes) - {"prompt", "explanation", "topic"}:
            if key != "difficulty":
                edited.pop(key, None)
    if edited["topic"] not in TOPICS or edited["difficulty"] not in DIFFICULTIES:
        raise ReviewError(f"[{question['id']}] topic or difficulty is not a known value")
    data = {k: v for k, v in edited.items() if k in EDITABLE - {"prompt", "explanation"}}
    problems = get_type(edited["type"]).validate_data(data)
    if problems:
        raise ReviewError(f"[{question['id']}] the edit is not a usable question: {problems[0]}")
    return edited


def apply_reviews(bank: dict, reviews: dict[str, Review], tally: ReviewTally) -> dict:
    """The bank as reviewed: rejected questions removed, edits applied, tallies counted."""
    shipped = []
    for question in bank["questions"]:
        review = reviews.get(question["id"])
        if review is None:
            tally.unreviewed.append(question["id"])
            tally.outcomes[(question["rule"], "unreviewed")] += 1
            shipped.append(question)
        elif review.decision == "reject":
            tally.outcomes[(question["rule"], "rejected")] += 1
        elif review.decision == "edit":
            tally.outcomes[(question["rule"], "edited")] += 1
            shipped.append(_edited(question, review))
        else:
            tally.outcomes[(question["rule"], "kept as generated")] += 1
            shipped.append(question)
    return {**bank, "questions": shipped}


def note_stale(reviews: dict[str, Review], made: set[str], tally: ReviewTally) -> None:
    """Record decisions about ids the pipeline no longer makes (``made`` holds the drafts
    set aside too), and restores of drafts it no longer sets aside."""
    tally.stale = sorted(set(reviews) - made)
    tally.needless_restores = sorted(restored_ids(reviews) & made - set(tally.restored))


def note_set_aside(
    reviews: dict[str, Review], set_aside: list[str], restored: list[str], tally: ReviewTally
) -> None:
    """Record the drafts the review restored and those set aside that it rejects too."""
    tally.restored += restored
    rejected = [i for i in set_aside if i in reviews and reviews[i].decision == "reject"]
    tally.set_aside_and_rejected += rejected


def review_lines(tally: ReviewTally) -> list[str]:
    """Report lines: per rule, drafts kept as generated, edited, rejected, unreviewed."""
    outcomes = ("kept as generated", "edited", "rejected", "unreviewed")
    rules = sorted({rule for rule, _ in tally.outcomes})
    lines = ["== review (seed/reviews.toml), per rule: " + ", ".join(outcomes)]
    for rule in rules:
        counts = ", ".join(str(tally.outcomes[(rule, o)]) for o in outcomes)
        lines.append(f"  {rule}: {counts}")
    totals = [sum(tally.outcomes[(r, o)] for r in rules) for o in outcomes]
    reviewed = sum(totals[:3])
    if reviewed:
        kept = 100 * totals[0] / reviewed
        lines.append(f"  total: {', '.join(map(str, totals))} ({kept:.0f}% kept as generated)")
    lines.append(
        f"  set aside by the generator and restored by review: {len(tally.restored)}; "
        f"set aside and rejected by review too: {len(tally.set_aside_and_rejected)}"
    )
    if tally.stale:
        lines.append(f"  stale decisions (no such question): {', '.join(tally.stale)}")
    if tally.needless_restores:
        lines.append(
            f"  restores of drafts no longer set aside: {', '.join(tally.needless_restores)}"
        )
    return lines
