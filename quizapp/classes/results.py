"""Results tables: each student's grade on an assignment or a quiz, computed in SQL.

Only finished attempts count, never a teacher's preview; attempts left open
past their deadline are closed first (see
:func:`~quizapp.quiz.attempts.close_expired_attempts`). The grade follows the
quiz's grading method; the attempt it comes from (the best, first or last;
the last for an average) gives the time taken and the link to open it.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa

from quizapp.extensions import db
from quizapp.models import Attempt, AttemptState, Enrollment, GradingMethod, User

_ORDER = {
    GradingMethod.HIGHEST: (Attempt.score.desc(), Attempt.number),
    GradingMethod.FIRST: (Attempt.number,),
    GradingMethod.LAST: (Attempt.number.desc(),),
    GradingMethod.AVERAGE: (Attempt.number.desc(),),
}

# Rows fetched at a time when the whole table is streamed.
STREAM_ROWS = 2000

METHOD_LABELS = {
    GradingMethod.HIGHEST: "highest attempt",
    GradingMethod.FIRST: "first attempt",
    GradingMethod.LAST: "last attempt",
    GradingMethod.AVERAGE: "average of attempts",
}


@dataclass(frozen=True)
class StudentResult:
    """One student's line in a results table."""

    user_id: int
    name: str
    email: str
    grade: float | None
    attempts: int
    attempt_id: int | None
    started_at: datetime | None
    submitted_at: datetime | None
    timed_out: bool
    late: bool

    @property
    def time_taken(self) -> timedelta | None:
        if self.started_at is None or self.submitted_at is None:
            return None
        return self.submitted_at - self.started_at


def finished_in(**scope: int) -> sa.ColumnElement[bool]:
    """Finished, non-preview attempts of one assignment or quiz (``assignment_id=1``)."""
    ((column, value),) = scope.items()
    return sa.and_(
        getattr(Attempt, column) == value,
        Attempt.state != AttemptState.OPEN,
        Attempt.is_preview.is_(False),
    )


def _ranked(method: GradingMethod, scope: sa.ColumnElement[bool]):
    per_user = {"partition_by": Attempt.user_id}
    return (
        sa.select(
            Attempt.user_id,
            Attempt.id.label("attempt_id"),
            Attempt.score,
            Attempt.started_at,
            Attempt.submitted_at,
            (Attempt.state == AttemptState.TIMED_OUT).label("timed_out"),
            sa.func.row_number().over(order_by=_ORDER[method], **per_user).label("rank"),
            sa.func.count(Attempt.id).over(**per_user).label("attempts"),
            sa.func.avg(Attempt.score).over(**per_user).label("mean"),
            sa.func.max(sa.case((Attempt.is_late, 1), else_=0)).over(**per_user).label("late"),
        )
        .where(scope)
        .subquery()
    )


def _results_query(
    method: GradingMethod, scope: sa.ColumnElement[bool], classroom_id: int | None
) -> sa.Select:
    """One row per student, best grade first: the columns of :class:`StudentResult`."""
    ranked = _ranked(method, scope)
    grade = ranked.c.mean if method == GradingMethod.AVERAGE else ranked.c.score
    query = sa.select(
        User.id,
        User.display_name,
        User.email,
        grade,
        ranked.c.attempts,
        ranked.c.attempt_id,
        ranked.c.started_at,
        ranked.c.submitted_at,
        ranked.c.timed_out,
        ranked.c.late,
    )
    counted = sa.and_(ranked.c.user_id == User.id, ranked.c.rank == 1)
    if classroom_id is not None:
        query = (
            query.join(Enrollment, Enrollment.user_id == User.id)
            .outerjoin(ranked, counted)
            .where(Enrollment.classroom_id == classroom_id)
        )
    else:
        query = query.join(ranked, counted)
    return query.order_by(grade.desc().nulls_last(), User.display_name, User.id)


def student_results(
    method: GradingMethod,
    scope: sa.ColumnElement[bool],
    classroom_id: int | None = None,
    page: tuple[int, int] | None = None,
) -> list[StudentResult]:
    """Every student's grade in ``scope``, best first; with a class, its whole roster.

    ``page`` is (offset, limit) for one page of the table.
    """
    query = _results_query(method, scope, classroom_id)
    if page is not None:
        query = query.offset(page[0]).limit(page[1])
    return [
        StudentResult(
            user_id=row[0],
            name=row[1],
            email=row[2],
            grade=row[3],
            attempts=row[4] or 0,
            attempt_id=row[5],
            started_at=row[6],
            submitted_at=row[7],
            timed_out=bool(row[8]),
            late=bool(row[9]),
        )
        for row in db.session.execute(query)
    ]


def student_count(scope: sa.ColumnElement[bool], classroom_id: int | None = None) -> int:
    """How many lines the results table has: the class roster, or the students with attempts."""
    if classroom_id is not None:
        query = sa.select(sa.func.count()).where(Enrollment.classroom_id == classroom_id)
    else:
        query = sa.select(sa.func.count(sa.distinct(Attempt.user_id))).where(scope)
    return db.session.scalar(query)


def format_duration(span: timedelta | None) -> str:
    """``1:05:09`` / ``12:04`` for a time taken; empty when none."""
    if span is None:
        return ""
    seconds = int(span.total_seconds())
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{seconds:02}" if hours else f"{minutes}:{seconds:02}"


RESULT_HEADER = ["Student", "Email", "Grade (%)", "Attempts", "Time taken", "Timed out", "Late"]


def result_rows(
    method: GradingMethod, scope: sa.ColumnElement[bool], classroom_id: int | None = None
) -> Iterator[list]:
    """The whole results table as CSV rows, read from the database as they are written."""
    query = _results_query(method, scope, classroom_id).execution_options(yield_per=STREAM_ROWS)
    # Plain rows from the connection: no ORM result processing for a hundred thousand lines.
    for row in db.session.connection().execute(query):
        _, name, email, grade, attempts, attempt_id, started, submitted, timed_out, late = row
        finished = attempt_id is not None
        yield [
            name,
            email,
            round(grade * 100, 1) if grade is not None else None,
            attempts or 0,
            format_duration(submitted - started) if started and submitted else "",
            bool(timed_out) if finished else None,
            bool(late) if finished else None,
        ]
