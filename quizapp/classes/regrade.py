"""Regrade a question's past answers against a corrected version.

:func:`preview` says which attempts' scores would change and by how much;
:func:`apply` does it in one transaction and records a Regrade with one
RegradeChange per changed answer. Answers stay pinned to the version the
student saw; only scores change, and the review page says so.
"""

from dataclasses import dataclass

import sqlalchemy as sa

from quizapp import audit
from quizapp.database import writes
from quizapp.extensions import db
from quizapp.models import (
    Attempt,
    AttemptState,
    Question,
    QuestionVersion,
    Quiz,
    Regrade,
    RegradeChange,
    Response,
    User,
)
from quizapp.questiontypes import get_type


class RegradeError(Exception):
    """A regrade that cannot be done; the message says why."""


@dataclass(frozen=True)
class ScoreChange:
    """How one answer's score, and its attempt's, would change."""

    response_id: int
    attempt_id: int
    student: str
    quiz: str
    old_score: float
    new_score: float
    old_attempt_score: float
    new_attempt_score: float

    @property
    def delta(self) -> float:
        return self.new_attempt_score - self.old_attempt_score


def versions(question_id: int, from_number: int) -> tuple[QuestionVersion, QuestionVersion]:
    """The version to regrade and the question's current version."""
    question = db.session.get(Question, question_id)
    rows = db.session.scalars(
        sa.select(QuestionVersion).where(
            QuestionVersion.question_id == question_id,
            QuestionVersion.number.in_([from_number, question.current_version]),
        )
    ).all()
    by_number = {version.number: version for version in rows}
    if from_number >= question.current_version or from_number not in by_number:
        raise RegradeError("Regrade needs an older version than the current one.")
    return by_number[from_number], by_number[question.current_version]


def preview(question_id: int, from_number: int) -> list[ScoreChange]:
    """The answers to version ``from_number`` whose score the current version changes.

    Answers are graded with the current version's key, and with the prompt of
    the version the student was shown: a typed answer may restate that prompt.
    """
    old, new = versions(question_id, from_number)
    grade = get_type(new.type).grade
    answered = db.session.execute(
        sa.select(Response.id, Response.attempt_id, Response.answer, Response.score)
        .join(Attempt, Attempt.id == Response.attempt_id)
        .where(Response.question_version_id == old.id, Attempt.state != AttemptState.OPEN)
    ).all()
    rescored = {}
    for response_id, attempt_id, answer, score in answered:
        new_score = grade(new.data, answer, prompt=old.prompt)
        if abs(new_score - (score or 0.0)) > 1e-9:
            rescored[response_id] = (attempt_id, score or 0.0, new_score)
    if not rescored:
        return []
    touched = sa.select(Response.attempt_id).where(Response.question_version_id == old.id)
    totals = db.session.execute(
        sa.select(
            Attempt.id,
            Attempt.score,
            sa.func.sum(sa.func.coalesce(Response.score, 0.0)),
            sa.func.count(Response.id),
            User.display_name,
            Quiz.title,
        )
        .join(Response, Response.attempt_id == Attempt.id)
        .join(User, User.id == Attempt.user_id)
        .join(Quiz, Quiz.id == Attempt.quiz_id)
        .where(Attempt.id.in_(touched), Attempt.state != AttemptState.OPEN)
        .group_by(Attempt.id, User.display_name, Quiz.title)
    ).all()
    attempts = {row[0]: row[1:] for row in totals}
    changes = []
    for response_id, (attempt_id, old_score, new_score) in rescored.items():
        attempt_score, total, count, student, quiz = attempts[attempt_id]
        new_total = min(1.0, max(0.0, (total - old_score + new_score) / count))
        changes.append(
            ScoreChange(
                response_id,
                attempt_id,
                student,
                quiz,
                old_score,
                new_score,
                attempt_score,
                new_total,
            )
        )
    changes.sort(key=lambda change: (change.student, change.attempt_id))
    return changes


@writes
def apply(question_id: int, from_number: int, teacher_id: int, note: str = "") -> Regrade:
    """Apply the regrade in one transaction and record it; RegradeError when nothing changes."""
    db.session.execute(sa.select(Question.id).where(Question.id == question_id).with_for_update())
    try:
        changes = preview(question_id, from_number)
        _, new = versions(question_id, from_number)
    except RegradeError:
        db.session.rollback()
        raise
    if not changes:
        db.session.rollback()
        raise RegradeError("No score changes: nothing to regrade.")
    regrade = Regrade(
        question_id=question_id,
        from_version=from_number,
        to_version=new.number,
        teacher_id=teacher_id,
        note=note.strip(),
    )
    db.session.add(regrade)
    db.session.flush()
    db.session.execute(
        sa.update(Response),
        [{"id": change.response_id, "score": change.new_score} for change in changes],
    )
    db.session.execute(
        sa.update(Attempt),
        [{"id": change.attempt_id, "score": change.new_attempt_score} for change in changes],
    )
    db.session.add_all(
        RegradeChange(
            regrade_id=regrade.id,
            response_id=change.response_id,
            attempt_id=change.attempt_id,
            old_score=change.old_score,
            new_score=change.new_score,
            old_attempt_score=change.old_attempt_score,
            new_attempt_score=change.new_attempt_score,
        )
        for change in changes
    )
    audit.record(
        "question.regraded",
        target_type="question",
        target_id=question_id,
        summary=f"Regraded version {from_number} against {new.number}: {len(changes)} answers",
        after={"regrade": regrade.id, "answers": len(changes)},
        actor_id=teacher_id,
    )
    db.session.commit()
    return regrade


@dataclass(frozen=True)
class RegradeNote:
    """What the student's review says about a regraded question."""

    old_score: float
    new_score: float
    version: QuestionVersion


# Every results page runs this query: built once, with the attempt bound.
_REGRADES_OF_ATTEMPT = (
    sa.select(Response.position, RegradeChange, QuestionVersion)
    .join(RegradeChange, RegradeChange.response_id == Response.id)
    .join(Regrade, Regrade.id == RegradeChange.regrade_id)
    .join(
        QuestionVersion,
        sa.and_(
            QuestionVersion.question_id == Regrade.question_id,
            QuestionVersion.number == Regrade.to_version,
        ),
    )
    .where(Response.attempt_id == sa.bindparam("attempt_id"))
    .order_by(Regrade.id)
)


def notes_for_attempt(attempt_id: int) -> dict[int, RegradeNote]:
    """The attempt's regraded questions by position, with the version that fixed them."""
    rows = db.session.execute(_REGRADES_OF_ATTEMPT, {"attempt_id": attempt_id}).all()
    notes: dict[int, RegradeNote] = {}
    for position, change, version in rows:
        first = notes.get(position)
        old = first.old_score if first else change.old_score
        notes[position] = RegradeNote(old, change.new_score, version)
    return notes
