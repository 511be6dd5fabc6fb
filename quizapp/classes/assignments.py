"""Quizzes given to classes: windows, late work, per-student adjustments.

:func:`terms_for` turns a student's assignment (and adjustment) into the
plain :class:`~quizapp.quiz.attempts.AssignmentTerms` the attempt engine
enforces; nothing here trusts the browser.
"""

from dataclasses import dataclass
from datetime import datetime
from functools import cache

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from quizapp import audit
from quizapp.classes.terms import AssignmentTerms
from quizapp.database import writes
from quizapp.extensions import db
from quizapp.models import (
    Assignment,
    AssignmentAdjustment,
    Attempt,
    AttemptState,
    Classroom,
    Enrollment,
    LatePolicy,
    Quiz,
    User,
)
from quizapp.permissions import is_admin


class AssignmentError(Exception):
    """An assignment the rules refuse; the message is shown to the teacher."""


def assignable_quizzes(teacher: User) -> list[Quiz]:
    """Published quizzes the teacher may give to a class: their own and the site's."""
    query = sa.select(Quiz).where(Quiz.is_published.is_(True)).order_by(Quiz.title, Quiz.id)
    if not is_admin(teacher):
        query = query.where(sa.or_(Quiz.owner_id.is_(None), Quiz.owner_id == teacher.id))
    return list(db.session.scalars(query))


def managed_quizzes(teacher: User) -> list[Quiz]:
    """The quizzes whose results the teacher sees across classes: their own (all, for admins)."""
    query = sa.select(Quiz).order_by(Quiz.title, Quiz.id)
    if not is_admin(teacher):
        query = query.where(Quiz.owner_id == teacher.id)
    return list(db.session.scalars(query))


def _audit(action: str, assignment: Assignment, summary: str, **extra) -> None:
    audit.record(
        action, target_type="assignment", target_id=assignment.id, summary=summary, **extra
    )


def _window(opens_at: datetime | None, due_at: datetime | None) -> None:
    if opens_at is not None and due_at is not None and due_at <= opens_at:
        raise AssignmentError("The due date must come after the opening date.")


@writes
def create_assignment(
    classroom_id: int,
    quiz_id: int,
    opens_at: datetime | None,
    due_at: datetime | None,
    late_policy: LatePolicy,
) -> Assignment:
    """Give the quiz to the class; raises AssignmentError when it cannot be."""
    try:
        _window(opens_at, due_at)
    except AssignmentError:
        db.session.rollback()
        raise
    assignment = Assignment(
        classroom_id=classroom_id,
        quiz_id=quiz_id,
        opens_at=opens_at,
        due_at=due_at,
        late_policy=late_policy,
    )
    db.session.add(assignment)
    try:
        db.session.flush()
    except IntegrityError:
        db.session.rollback()
        raise AssignmentError("This quiz is already assigned to this class.") from None
    _audit("assignment.created", assignment, f"Assigned quiz {quiz_id} to class {classroom_id}")
    db.session.commit()
    return assignment


@writes
def update_assignment(
    assignment_id: int,
    opens_at: datetime | None,
    due_at: datetime | None,
    late_policy: LatePolicy,
) -> None:
    """Change the assignment's window and late rule."""
    try:
        _window(opens_at, due_at)
    except AssignmentError:
        db.session.rollback()
        raise
    assignment = db.session.get(Assignment, assignment_id)
    before = _settings(assignment)
    assignment.opens_at, assignment.due_at = opens_at, due_at
    assignment.late_policy = late_policy
    _audit(
        "assignment.changed",
        assignment,
        "Changed dates or late rule",
        before=before,
        after=_settings(assignment),
    )
    db.session.commit()


def _settings(assignment: Assignment) -> dict:
    return {
        "opens_at": assignment.opens_at.isoformat() if assignment.opens_at else None,
        "due_at": assignment.due_at.isoformat() if assignment.due_at else None,
        "late_policy": assignment.late_policy.value,
    }


@writes
def delete_assignment(assignment_id: int) -> None:
    """Withdraw the assignment; attempts made for it are kept."""
    assignment = db.session.get(Assignment, assignment_id)
    _audit("assignment.deleted", assignment, "Withdrew assignment", before=_settings(assignment))
    db.session.delete(assignment)
    db.session.commit()


@writes
def set_adjustment(
    assignment_id: int,
    user_id: int,
    time_multiplier: float | None,
    extra_minutes: int,
    extra_attempts: int,
) -> None:
    """Give one student extra time and attempts (zero and none remove the adjustment)."""
    if db.session.get(Enrollment, (_classroom_of(assignment_id), user_id)) is None:
        db.session.rollback()
        raise AssignmentError("That student is not in this class.")
    values = {
        "time_multiplier": time_multiplier if time_multiplier and time_multiplier > 1 else None,
        "extra_minutes": extra_minutes,
        "extra_attempts": extra_attempts,
    }
    adjustment = db.session.get(AssignmentAdjustment, (assignment_id, user_id))
    empty = values["time_multiplier"] is None and not extra_minutes and not extra_attempts
    if adjustment is None and not empty:
        db.session.add(AssignmentAdjustment(assignment_id=assignment_id, user_id=user_id, **values))
    elif adjustment is not None and empty:
        db.session.delete(adjustment)
    elif adjustment is not None:
        for name, value in values.items():
            setattr(adjustment, name, value)
    audit.record(
        "assignment.adjusted",
        target_type="assignment",
        target_id=assignment_id,
        summary=f"Adjustment for user {user_id}",
        after=values,
    )
    try:
        db.session.commit()
    except IntegrityError:
        # Set for the same student at the same moment: the other request's values stand.
        db.session.rollback()


def _classroom_of(assignment_id: int) -> int:
    return db.session.scalar(
        sa.select(Assignment.classroom_id).where(Assignment.id == assignment_id)
    )


def class_assignments(classroom_id: int) -> list[Assignment]:
    """The class's assignments with their quizzes, soonest due first."""
    return list(
        db.session.scalars(
            sa.select(Assignment)
            .where(Assignment.classroom_id == classroom_id)
            .options(sa.orm.joinedload(Assignment.quiz))
            .order_by(Assignment.due_at.is_(None), Assignment.due_at, Assignment.id)
        )
    )


def adjustments(assignment_id: int) -> list[tuple[User, AssignmentAdjustment]]:
    """The assignment's adjustments with their students."""
    return list(
        db.session.execute(
            sa.select(User, AssignmentAdjustment)
            .join(AssignmentAdjustment, AssignmentAdjustment.user_id == User.id)
            .where(AssignmentAdjustment.assignment_id == assignment_id)
            .order_by(User.display_name)
        )
    )


def terms_for(user_id: int, quiz_id: int, now: datetime) -> AssignmentTerms | None:
    """The rules an attempt by the user at the quiz runs under, from their assignment.

    With several classes giving the same quiz, the assignment open now and due
    soonest wins.
    """
    return terms_by_quiz(user_id, [quiz_id], now).get(quiz_id)


@cache
def _terms_statement() -> sa.Select:
    """Assignments with the student's adjustment, built once (``user_id``, ``quiz_ids``)."""
    user_id = sa.bindparam("user_id")
    return (
        sa.select(Assignment, AssignmentAdjustment)
        .join(Enrollment, Enrollment.classroom_id == Assignment.classroom_id)
        .join(Classroom, Classroom.id == Assignment.classroom_id)
        .outerjoin(
            AssignmentAdjustment,
            sa.and_(
                AssignmentAdjustment.assignment_id == Assignment.id,
                AssignmentAdjustment.user_id == user_id,
            ),
        )
        .where(
            Enrollment.user_id == user_id,
            Assignment.quiz_id.in_(sa.bindparam("quiz_ids", expanding=True)),
            Classroom.archived_at.is_(None),
        )
    )


def terms_by_quiz(user_id: int, quiz_ids: list[int], now: datetime) -> dict[int, AssignmentTerms]:
    """:func:`terms_for` for several quizzes in one query; quizzes not assigned are left out."""
    if not quiz_ids:
        return {}
    rows = db.session.execute(_terms_statement(), {"user_id": user_id, "quiz_ids": quiz_ids}).all()

    def rank(row):
        assignment = row[0]
        started = assignment.opens_at is None or assignment.opens_at <= now
        return (not started, assignment.due_at is None, assignment.due_at or now)

    chosen: dict[int, sa.Row] = {}
    for row in rows:
        best = chosen.get(row[0].quiz_id)
        if best is None or rank(row) < rank(best):
            chosen[row[0].quiz_id] = row
    return {quiz_id: _terms(*row) for quiz_id, row in chosen.items()}


def _terms(assignment: Assignment, adjustment: AssignmentAdjustment | None) -> AssignmentTerms:
    return AssignmentTerms(
        assignment_id=assignment.id,
        opens_at=assignment.opens_at,
        due_at=assignment.due_at,
        late_policy=assignment.late_policy,
        time_multiplier=adjustment.time_multiplier if adjustment else None,
        extra_minutes=adjustment.extra_minutes if adjustment else 0,
        extra_attempts=adjustment.extra_attempts if adjustment else 0,
    )


@dataclass(frozen=True)
class AssignedWork:
    """One assignment as the student sees it on their home page."""

    assignment: Assignment
    class_name: str
    finished: int
    late: bool
    in_progress: bool
    best: float | None
    now: datetime

    @property
    def best_shown(self) -> float | None:
        """The best score, while the quiz's review options show scores (else None)."""
        return self.best if self.assignment.quiz.shows_score(None, self.now) else None

    @property
    def status(self) -> str:
        if self.in_progress:
            return "In progress"
        if self.finished:
            return "Done, late" if self.late else "Done"
        if self.assignment.opens_at and self.now < self.assignment.opens_at:
            return "Not open yet"
        if self.assignment.due_at and self.now >= self.assignment.due_at:
            if self.assignment.late_policy == LatePolicy.REFUSE:
                return "Missed"
            return "Late"
        return "To do"


@cache
def _work_statement() -> sa.Select:
    """The assigned-work query, built once; the student is the ``user_id`` parameter."""
    user_id = sa.bindparam("user_id")
    finished = Attempt.state != AttemptState.OPEN
    mine = sa.and_(
        Attempt.assignment_id == Assignment.id,
        Attempt.user_id == user_id,
        Attempt.is_preview.is_(False),
    )
    return (
        sa.select(
            Assignment,
            Classroom.name,
            sa.func.count(Attempt.id).filter(finished),
            sa.func.max(sa.case((sa.and_(finished, Attempt.is_late), 1), else_=0)),
            sa.func.count(Attempt.id).filter(Attempt.state == AttemptState.OPEN),
            sa.func.max(Attempt.score),
        )
        .join(Classroom, Classroom.id == Assignment.classroom_id)
        .join(Enrollment, Enrollment.classroom_id == Classroom.id)
        .join(Quiz, Quiz.id == Assignment.quiz_id)
        .outerjoin(Attempt, mine)
        .where(Enrollment.user_id == user_id, Classroom.archived_at.is_(None))
        .group_by(Assignment.id, Classroom.id, Quiz.id)
        .options(sa.orm.contains_eager(Assignment.quiz))
        .order_by(Assignment.due_at.is_(None), Assignment.due_at, Assignment.id)
    )


def work_for(user_id: int, now: datetime) -> list[AssignedWork]:
    """The student's assignments with what they have done, in one query."""
    rows = db.session.execute(_work_statement(), {"user_id": user_id}).all()
    return [
        AssignedWork(assignment, name, done, bool(late), bool(open_count), best, now)
        for assignment, name, done, late, open_count, best in rows
    ]
