"""Classes, their students, and quizzes assigned to them."""

import enum
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.extensions import db
from quizapp.models.base import UTCDateTime, enum_column, utcnow


class LatePolicy(enum.StrEnum):
    REFUSE = "refuse"  # no attempt may start after the due date
    ACCEPT_MARKED = "accept_marked"  # late attempts count and are marked late


class Classroom(db.Model):
    """A teacher's class; students join it with its join code."""

    __tablename__ = "classroom"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(120))
    owner_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id", ondelete="CASCADE"), index=True)
    join_code: Mapped[str] = mapped_column(sa.String(16), unique=True)
    join_open: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    owner = relationship("User")


class Enrollment(db.Model):
    """A student's membership of a class."""

    __tablename__ = "enrollment"

    classroom_id: Mapped[int] = mapped_column(
        sa.ForeignKey("classroom.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        sa.ForeignKey("user.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    classroom = relationship("Classroom")
    user = relationship("User")


class Assignment(db.Model):
    """A quiz given to a class, with its window and its rule for late work."""

    __tablename__ = "assignment"
    __table_args__ = (
        sa.UniqueConstraint("classroom_id", "quiz_id"),
        sa.CheckConstraint(
            "opens_at IS NULL OR due_at IS NULL OR due_at > opens_at", name="window"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    classroom_id: Mapped[int] = mapped_column(
        sa.ForeignKey("classroom.id", ondelete="CASCADE"), index=True
    )
    quiz_id: Mapped[int] = mapped_column(sa.ForeignKey("quiz.id", ondelete="CASCADE"), index=True)
    opens_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    late_policy: Mapped[LatePolicy] = mapped_column(
        enum_column(LatePolicy, "late_policy"), default=LatePolicy.REFUSE
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    classroom = relationship("Classroom")
    quiz = relationship("Quiz")


class AssignmentAdjustment(db.Model):
    """Extra time and extra attempts for one student on one assignment."""

    __tablename__ = "assignment_adjustment"
    __table_args__ = (
        sa.CheckConstraint(
            "time_multiplier IS NULL OR time_multiplier >= 1", name="multiplier_at_least_one"
        ),
        sa.CheckConstraint("extra_minutes >= 0", name="extra_minutes_positive"),
        sa.CheckConstraint("extra_attempts >= 0", name="extra_attempts_positive"),
    )

    assignment_id: Mapped[int] = mapped_column(
        sa.ForeignKey("assignment.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        sa.ForeignKey("user.id", ondelete="CASCADE"), primary_key=True
    )
    time_multiplier: Mapped[float | None]
    extra_minutes: Mapped[int] = mapped_column(default=0)
    extra_attempts: Mapped[int] = mapped_column(default=0)
