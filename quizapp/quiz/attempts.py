"""The attempt engine: start, save, submit and close attempts.

Every function takes plain values and works inside the current database
session; the views only translate HTTP into these calls. The database
enforces the rules that matter under concurrency (one open attempt per user
and quiz, unique attempt numbers); these functions turn a lost race into
the outcome the winner produced.
"""

import logging
import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload

from quizapp.classes.terms import AssignmentTerms
from quizapp.database import writes
from quizapp.extensions import db
from quizapp.jobs import periodic
from quizapp.models import (
    Attempt,
    AttemptState,
    LatePolicy,
    QuestionVersion,
    Quiz,
    Response,
)
from quizapp.models.base import utcnow
from quizapp.questiontypes import get_type
from quizapp.quiz.selection import draw_for_quiz

logger = logging.getLogger(__name__)


class AttemptError(Exception):
    """A request the attempt rules refuse; the message is shown to the student."""


class QuizUnavailable(AttemptError):
    pass


class NoAttemptsLeft(AttemptError):
    pass


class AttemptClosed(AttemptError):
    pass


@dataclass(frozen=True)
class StartResult:
    resumed: bool
    attempt_id: int  # known before the commit: redirecting with it costs no query

    @property
    def attempt(self) -> Attempt:
        """The attempt itself (read from the database when asked for)."""
        return db.session.get_one(Attempt, self.attempt_id)


@dataclass(frozen=True)
class QuizRules:
    """The quiz settings a start checks, read before the write transaction.

    Committing the read transaction expires the ORM quiz; reading it again
    inside the write lock would make every start of a class wait longer.
    """

    id: int
    is_published: bool
    opens_at: datetime | None
    closes_at: datetime | None
    time_limit_seconds: int | None
    attempts_allowed: int | None

    @classmethod
    def of(cls, quiz: Quiz) -> "QuizRules":
        return cls(
            quiz.id,
            quiz.is_published,
            quiz.opens_at,
            quiz.closes_at,
            quiz.time_limit_seconds,
            quiz.attempts_allowed,
        )


def quiz_availability(quiz: Quiz | QuizRules, now: datetime) -> str | None:
    """Why the quiz cannot be started now, or None when it can."""
    if not quiz.is_published:
        return "This quiz is not available."
    if quiz.opens_at is not None and now < quiz.opens_at:
        return f"This quiz opens on {quiz.opens_at:%d %B %Y at %H:%M} UTC."
    if quiz.closes_at is not None and now >= quiz.closes_at:
        return "This quiz has closed."
    return None


# Starting an attempt runs these on every press of Start: built once.
_USER_AND_QUIZ = (
    Attempt.user_id == sa.bindparam("user_id"),
    Attempt.quiz_id == sa.bindparam("quiz_id"),
)
_OPEN_ATTEMPT = sa.select(Attempt).where(*_USER_AND_QUIZ, Attempt.state == AttemptState.OPEN)
_OPEN_ATTEMPT_ID = sa.select(Attempt.id).where(*_USER_AND_QUIZ, Attempt.state == AttemptState.OPEN)
_ATTEMPT_COUNTS = sa.select(
    sa.func.count(Attempt.id).filter(Attempt.is_preview.is_(False)),
    sa.func.count(Attempt.id),
    sa.func.max(Attempt.id).filter(Attempt.state == AttemptState.OPEN),
).where(*_USER_AND_QUIZ)
# Core statements on the session's connection: no ORM bookkeeping for rows
# nothing in this request reads back.
_NEW_ATTEMPT = sa.insert(Attempt.__table__).returning(Attempt.__table__.c.id)
_NEW_RESPONSES = sa.insert(Response.__table__)


def open_attempt(user_id: int, quiz_id: int) -> Attempt | None:
    """The user's open attempt at the quiz, if any."""
    return db.session.scalar(_OPEN_ATTEMPT, {"user_id": user_id, "quiz_id": quiz_id})


@dataclass(frozen=True)
class AttemptCounts:
    """The user's attempts at a quiz: counted ones, previews too, and the open one's id."""

    used: int
    including_previews: int
    open_id: int | None = None


def attempt_counts(user_id: int, quiz_id: int) -> AttemptCounts:
    """Counted in one statement, with the id of the open attempt (the database allows one)."""
    row = db.session.execute(_ATTEMPT_COUNTS, {"user_id": user_id, "quiz_id": quiz_id}).one()
    return AttemptCounts(*row)


def start_attempt(
    user_id: int,
    quiz: Quiz,
    now: datetime | None = None,
    rng: random.Random | None = None,
    terms: AssignmentTerms | None = None,
    preview: bool = False,
) -> StartResult:
    """Resume the user's open attempt at the quiz or start a new one.

    ``terms`` are the rules of the class assignment the attempt is made for,
    if any. A ``preview`` (a teacher trying their own quiz) ignores
    publication, dates and attempt limits and is never counted. Raises
    QuizUnavailable or NoAttemptsLeft with a message for the student.

    The questions are drawn before the write transaction begins, so that a
    class starting together holds the database's write lock only for the
    checks and the two inserts.
    """
    now = now or utcnow()
    rng = rng or random.Random()
    is_open = db.session.scalar(_OPEN_ATTEMPT_ID, {"user_id": user_id, "quiz_id": quiz.id})
    drawn = None if is_open else _drawn_rows(quiz, rng)
    rules = QuizRules.of(quiz)
    return _open_or_resume(user_id, quiz, rules, drawn, now, rng, terms, preview)


def _drawn_rows(quiz: Quiz, rng: random.Random) -> list[dict[str, Any]]:
    """The questions of a new attempt, as the rows to insert (without the attempt's id)."""
    return [
        {
            "position": position,
            "question_version_id": version.id,
            "option_order": get_type(version.type).shown_order(
                version.data, rng, quiz.shuffle_options
            ),
        }
        for position, version in enumerate(draw_for_quiz(quiz, rng), start=1)
    ]


@writes
def _open_or_resume(
    user_id: int,
    quiz: Quiz,
    rules: QuizRules,
    drawn: list[dict[str, Any]] | None,
    now: datetime,
    rng: random.Random,
    terms: AssignmentTerms | None,
    preview: bool,
) -> StartResult:
    counts = attempt_counts(user_id, rules.id)
    if counts.open_id is not None:
        current = db.session.get_one(Attempt, counts.open_id)
        if not close_if_expired(current, now):
            if current.is_preview == preview:
                return StartResult(resumed=True, attempt_id=current.id)
            if not current.is_preview:
                raise QuizUnavailable("Finish your open attempt at this quiz before previewing it.")
            finish_attempt(current.id, AttemptState.SUBMITTED, now)
    if not preview:
        _check_may_start(counts, rules, now, terms)
    if drawn is None:  # the open attempt seen before has closed since
        drawn = _drawn_rows(quiz, rng)
    if not drawn:
        raise QuizUnavailable("This quiz has no questions yet.")
    try:
        attempt_id = _insert_attempt(user_id, rules, counts, now, terms, preview, drawn)
    except IntegrityError:
        # Another request started an attempt at the same moment: use that one.
        db.session.rollback()
        winner = open_attempt(user_id, rules.id)
        if winner is None:
            raise NoAttemptsLeft("You have used all your attempts at this quiz.") from None
        return StartResult(resumed=True, attempt_id=winner.id)
    db.session.commit()
    return StartResult(resumed=False, attempt_id=attempt_id)


def _insert_attempt(
    user_id: int,
    rules: QuizRules,
    counts: AttemptCounts,
    now: datetime,
    terms: AssignmentTerms | None,
    preview: bool,
    drawn: list[dict[str, Any]],
) -> int:
    """Insert the attempt and its response rows; return the attempt's id."""
    attempt = {
        "user_id": user_id,
        "quiz_id": rules.id,
        "number": counts.including_previews + 1,
        "question_count": len(drawn),
        "state": AttemptState.OPEN,
        "started_at": now,
        "deadline": _deadline(rules, now, terms),
        "assignment_id": terms.assignment_id if terms else None,
        "is_late": bool(terms and terms.is_past_due(now)),
        "is_preview": preview,
    }
    connection = db.session.connection()
    attempt_id = connection.execute(_NEW_ATTEMPT, attempt).scalar_one()
    connection.execute(_NEW_RESPONSES, [row | {"attempt_id": attempt_id} for row in drawn])
    return attempt_id


def _check_may_start(
    counts: AttemptCounts, quiz: QuizRules, now: datetime, terms: AssignmentTerms | None
) -> None:
    reason = quiz_availability(quiz, now) or (terms.refusal(now) if terms else None)
    if reason:
        raise QuizUnavailable(reason)
    allowed = quiz.attempts_allowed
    if allowed is not None and terms is not None:
        allowed += terms.extra_attempts
    if allowed is not None and counts.used >= allowed:
        raise NoAttemptsLeft("You have used all your attempts at this quiz.")


def _deadline(
    quiz: Quiz | QuizRules, now: datetime, terms: AssignmentTerms | None = None
) -> datetime | None:
    deadline = None
    if terms is not None:
        limit = terms.time_limit(quiz.time_limit_seconds)
    elif quiz.time_limit_seconds:
        limit = timedelta(seconds=quiz.time_limit_seconds)
    else:
        limit = None
    if limit is not None:
        deadline = now + limit
    closes = [quiz.closes_at]
    if terms is not None and terms.late_policy == LatePolicy.REFUSE:
        # Work is not accepted after the due date: the attempt ends there.
        closes.append(terms.due_at)
    for moment in closes:
        if moment is not None and (deadline is None or moment < deadline):
            deadline = moment
    return deadline


def grace() -> timedelta:
    """How late an answer may arrive after the deadline and still count."""
    from flask import current_app

    return timedelta(seconds=current_app.config["DEADLINE_GRACE_SECONDS"])


def is_past_deadline(attempt: Attempt, now: datetime) -> bool:
    """Whether answers for the attempt no longer count."""
    return attempt.deadline is not None and now > attempt.deadline + grace()


def close_if_expired(attempt: Attempt, now: datetime | None = None) -> bool:
    """Close an open attempt whose deadline has passed; True when it is (now) closed."""
    now = now or utcnow()
    if not attempt.is_open:
        return True
    if not is_past_deadline(attempt, now):
        return False
    finish_attempt(attempt.id, AttemptState.TIMED_OUT, attempt.deadline)
    db.session.refresh(attempt)
    return True


def closed_message(attempt: Attempt) -> str:
    """Why a closed attempt takes no more answers, in the student's words."""
    if attempt.state == AttemptState.TIMED_OUT:
        return "Time is up: this attempt was closed with the answers saved before."
    return "This attempt has already been submitted."


_LOCK_ATTEMPT = (
    sa.select(Attempt)
    .where(Attempt.id == sa.bindparam("attempt_id"))
    .with_for_update()
    .execution_options(populate_existing=True)
)
_SAVE_ANSWER = (
    sa.update(Response)
    .where(
        Response.attempt_id == sa.bindparam("of_attempt"),
        Response.position == sa.bindparam("at_position"),
    )
    .values(
        answer=sa.bindparam("new_answer", type_=Response.answer.type),
        saved_at=sa.bindparam("now", type_=Response.saved_at.type),
    )
    .execution_options(synchronize_session=False)  # the transaction commits at once
)


_RESPONSE_AT = (
    sa.select(Response)
    .where(
        Response.attempt_id == sa.bindparam("attempt_id"),
        Response.position == sa.bindparam("position"),
    )
    .options(joinedload(Response.version))
)


def response_at(attempt_id: int, position: int) -> Response | None:
    """The attempt's response at ``position`` with the question version it shows."""
    parameters = {"attempt_id": attempt_id, "position": position}
    return db.session.scalars(_RESPONSE_AT, parameters).one_or_none()


def lock_attempt(attempt_id: int) -> Attempt | None:
    """Load the attempt with a row lock (PostgreSQL) for a change that depends on its state."""
    return db.session.scalar(_LOCK_ATTEMPT, {"attempt_id": attempt_id})


@writes
def save_answer(attempt_id: int, position: int, answer: Any, now: datetime | None = None) -> None:
    """Store the answer to one question of an open attempt.

    Raises AttemptClosed when the attempt was submitted or its time is up;
    the answer is then not stored.
    """
    now = now or utcnow()
    attempt = lock_attempt(attempt_id)
    if attempt is None or not attempt.is_open:
        db.session.rollback()
        raise AttemptClosed(
            closed_message(attempt) if attempt else "This attempt has already been submitted."
        )
    if is_past_deadline(attempt, now):
        db.session.rollback()
        close_if_expired(attempt, now)
        raise AttemptClosed("Time is up: this attempt was closed with the answers saved before.")
    result = db.session.execute(
        _SAVE_ANSWER,
        {"of_attempt": attempt_id, "at_position": position, "new_answer": answer, "now": now},
    )
    if result.rowcount != 1:
        db.session.rollback()
        raise AttemptError("There is no such question in this attempt.")
    db.session.commit()


# Closing an attempt: built once, since a whole class submits at the same moment.
# The changes are committed at once, so objects in the session are not synchronised.
_CLAIM_OPEN_ATTEMPT = (
    sa.update(Attempt)
    .where(Attempt.id == sa.bindparam("attempt_id"), Attempt.state == AttemptState.OPEN)
    .values(
        state=sa.bindparam("new_state", type_=Attempt.state.type),
        submitted_at=sa.bindparam("at", type_=Attempt.submitted_at.type),
        score=0.0,
    )
    .execution_options(synchronize_session=False)
)
_ANSWERS_TO_GRADE = (
    sa.select(
        Response.id,
        Response.saved_at,
        Response.answer,
        QuestionVersion.type,
        QuestionVersion.data,
        QuestionVersion.prompt,
    )
    .join(QuestionVersion, Response.question_version_id == QuestionVersion.id)
    .where(Response.attempt_id == sa.bindparam("attempt_id"))
)
_ANSWER_SAVE_TIMES = sa.select(Response.id, Response.saved_at).where(
    Response.attempt_id == sa.bindparam("attempt_id")
)
_STORE_RESPONSE_SCORE = (
    sa.update(Response.__table__)
    .where(Response.__table__.c.id == sa.bindparam("response_id"))
    .values(score=sa.bindparam("new_score"))
)
_STORE_ATTEMPT_SCORE = (
    sa.update(Attempt)
    .where(Attempt.id == sa.bindparam("attempt_id"))
    .values(score=sa.bindparam("new_score", type_=Attempt.score.type))
    .execution_options(synchronize_session=False)
)


@dataclass(frozen=True)
class GradedAnswers:
    """An attempt's answers graded, with the moment each was saved when it was read."""

    saved_at: dict[int, datetime | None]
    scores: list[dict[str, Any]]

    def still_current(self, attempt_id: int) -> bool:
        """Whether no answer was saved since (asked after the attempt was claimed)."""
        rows = db.session.execute(_ANSWER_SAVE_TIMES, {"attempt_id": attempt_id})
        return dict(rows.all()) == self.saved_at


def grade_answers(attempt_id: int) -> GradedAnswers:
    """Grade every saved answer of the attempt as it stands, against the prompt it answered."""
    rows = db.session.execute(_ANSWERS_TO_GRADE, {"attempt_id": attempt_id}).all()
    scores = [
        {
            "response_id": row.id,
            "new_score": get_type(row.type).grade(row.data, row.answer, prompt=row.prompt),
        }
        for row in rows
    ]
    return GradedAnswers({row.id: row.saved_at for row in rows}, scores)


@writes
def finish_attempt(
    attempt_id: int,
    state: AttemptState = AttemptState.SUBMITTED,
    at: datetime | None = None,
    graded: GradedAnswers | None = None,
) -> bool:
    """Grade and close an open attempt; False when it was already closed.

    The conditional update from ``open`` is what makes a second, parallel
    submission a no-op: only one transaction can move the row out of ``open``.
    ``graded`` are the answers graded before the transaction began; they are
    used when no answer was saved since, else the answers are graded again.
    """
    at = at or utcnow()
    claimed = db.session.execute(
        _CLAIM_OPEN_ATTEMPT, {"attempt_id": attempt_id, "new_state": state, "at": at}
    )
    if claimed.rowcount != 1:
        db.session.rollback()
        return False
    if graded is None or not graded.still_current(attempt_id):
        graded = grade_answers(attempt_id)
    scores = graded.scores
    if scores:
        db.session.execute(_STORE_RESPONSE_SCORE, scores)
    total = sum(score["new_score"] for score in scores) / len(scores) if scores else 0.0
    db.session.execute(
        _STORE_ATTEMPT_SCORE, {"attempt_id": attempt_id, "new_score": min(1.0, total)}
    )
    db.session.commit()
    return True


def submit_attempt(attempt_id: int, now: datetime | None = None) -> bool:
    """Submit an attempt for grading; False when it had already been closed.

    An attempt whose deadline has passed is closed as timed out at its
    deadline instead, with the answers saved before it. The answers are
    graded before the write transaction begins, so that a class submitting
    together holds the database's write lock only to store the scores.
    """
    now = now or utcnow()
    return _close_submitted(attempt_id, now, grade_answers(attempt_id))


@writes
def _close_submitted(attempt_id: int, now: datetime, graded: GradedAnswers) -> bool:
    attempt = lock_attempt(attempt_id)
    if attempt is None or not attempt.is_open:
        db.session.rollback()
        return False
    if is_past_deadline(attempt, now):
        return finish_attempt(attempt_id, AttemptState.TIMED_OUT, attempt.deadline)
    return finish_attempt(attempt_id, AttemptState.SUBMITTED, now, graded)


def close_expired_attempts(now: datetime | None = None, **scope: int) -> int:
    """Close every open attempt whose deadline (plus grace) has passed; the number closed.

    Each is closed as timed out at its deadline with the answers saved before
    it, exactly as when its student comes back. ``scope`` narrows the search
    (``quiz_id=...`` or ``assignment_id=...``). Results, analysis and exports
    call this first, and the job consumer runs it every minute, so an attempt
    nobody looked at still counts as what it is.
    """
    now = now or utcnow()
    query = sa.select(Attempt.id, Attempt.deadline).where(
        Attempt.state == AttemptState.OPEN,
        Attempt.deadline.is_not(None),
        Attempt.deadline < now - grace(),
    )
    for column, value in scope.items():
        query = query.where(getattr(Attempt, column) == value)
    expired = db.session.execute(query).all()
    closed = 0
    for attempt_id, deadline in expired:
        closed += finish_attempt(attempt_id, AttemptState.TIMED_OUT, deadline)
    return closed


@periodic("close_expired_attempts", minute="*")
def close_all_expired_attempts() -> None:
    """Housekeeping: time out every attempt left open past its deadline."""
    closed = close_expired_attempts()
    if closed:
        logger.info("Closed %d attempts past their deadline", closed)
