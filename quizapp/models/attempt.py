"""Attempts at a quiz and the one response row per question they showed."""

import enum
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.extensions import db
from quizapp.models.base import UTCDateTime, enum_column, utcnow


class AttemptState(enum.StrEnum):
    OPEN = "open"
    SUBMITTED = "submitted"  # the student submitted it
    TIMED_OUT = "timed_out"  # closed at its deadline with the answers saved before it


class Attempt(db.Model):
    """One try at a quiz.

    The database forbids a second open attempt of one user on one quiz (partial
    unique index) and two attempts with the same number (so parallel starts
    cannot exceed the attempt limit). An attempt is finished once, by a
    conditional update from ``open``; the check constraint keeps the finished
    fields consistent.
    """

    __tablename__ = "attempt"
    __table_args__ = (
        sa.UniqueConstraint("user_id", "quiz_id", "number"),
        sa.Index(
            "uq_attempt_one_open",
            "user_id",
            "quiz_id",
            unique=True,
            sqlite_where=sa.text("state = 'open'"),
            postgresql_where=sa.text("state = 'open'"),
        ),
        sa.CheckConstraint(
            "(state = 'open' AND submitted_at IS NULL AND score IS NULL)"
            " OR (state <> 'open' AND submitted_at IS NOT NULL AND score IS NOT NULL)",
            name="finished_consistently",
        ),
        sa.CheckConstraint("score IS NULL OR (score >= 0 AND score <= 1)", name="score_range"),
        sa.CheckConstraint("number >= 1", name="number_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id", ondelete="CASCADE"), index=True)
    quiz_id: Mapped[int] = mapped_column(sa.ForeignKey("quiz.id"), index=True)
    # The assignment the attempt was made for, when it was given to a class.
    assignment_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("assignment.id", ondelete="SET NULL"), index=True
    )
    number: Mapped[int]
    # How many questions (response rows) the attempt showed, fixed when it starts.
    question_count: Mapped[int]
    state: Mapped[AttemptState] = mapped_column(
        enum_column(AttemptState, "attempt_state"), default=AttemptState.OPEN
    )
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    deadline: Mapped[datetime | None] = mapped_column(UTCDateTime)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Fraction of the marks earned, 0..1, set once when the attempt finishes.
    score: Mapped[float | None]
    # Started after the assignment's due date under a policy that accepts late work.
    is_late: Mapped[bool] = mapped_column(default=False)
    # A teacher trying their own quiz: never counted in grades or statistics.
    is_preview: Mapped[bool] = mapped_column(default=False)

    quiz = relationship("Quiz")
    user = relationship("User")
    responses: Mapped[list["Response"]] = relationship(
        back_populates="attempt", order_by="Response.position"
    )

    @property
    def is_open(self) -> bool:
        return self.state == AttemptState.OPEN


class Response(db.Model):
    """A question as one attempt showed it (pinned version and option order) and its answer."""

    __tablename__ = "response"
    __table_args__ = (
        sa.UniqueConstraint("attempt_id", "position"),
        sa.UniqueConstraint("attempt_id", "question_version_id"),
        sa.CheckConstraint("score IS NULL OR (score >= 0 AND score <= 1)", name="score_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(sa.ForeignKey("attempt.id", ondelete="CASCADE"))
    position: Mapped[int]
    question_version_id: Mapped[int] = mapped_column(
        sa.ForeignKey("question_version.id"), index=True
    )
    # The permutation of the version's options (or right-hand items) shown.
    option_order: Mapped[list[int]] = mapped_column(sa.JSON, default=list)
    answer: Mapped[Any | None] = mapped_column(sa.JSON)
    saved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    score: Mapped[float | None]

    attempt: Mapped[Attempt] = relationship(back_populates="responses")
    version = relationship("QuestionVersion")
