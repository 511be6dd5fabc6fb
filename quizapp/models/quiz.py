"""Quizzes: which questions they ask and under which rules."""

import enum
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.extensions import db
from quizapp.models.base import UTCDateTime, enum_column, utcnow


class SelectionMode(enum.StrEnum):
    FIXED = "fixed"  # the questions listed in quiz_question, in order
    POOL = "pool"  # draw_count questions drawn from the topic's published pool


class GradingMethod(enum.StrEnum):
    HIGHEST = "highest"
    LAST = "last"
    FIRST = "first"
    AVERAGE = "average"


class FeedbackTiming(enum.StrEnum):
    AFTER_SUBMIT = "after_submit"  # answers and sources as soon as the attempt ends
    AFTER_CLOSE = "after_close"  # only once the quiz has closed
    NEVER = "never"  # the score only


quiz_bank = sa.Table(
    "quiz_bank",
    db.metadata,
    sa.Column("quiz_id", sa.ForeignKey("quiz.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("bank_id", sa.ForeignKey("question_bank.id"), primary_key=True),
)


class Quiz(db.Model):
    """A quiz students take; ``banks`` (when any) narrow the topic's pool."""

    __tablename__ = "quiz"
    __table_args__ = (
        sa.CheckConstraint(
            "selection <> 'pool' OR (draw_count IS NOT NULL AND draw_count >= 1)",
            name="pool_draws",
        ),
        sa.CheckConstraint(
            "time_limit_seconds IS NULL OR time_limit_seconds > 0", name="time_limit_positive"
        ),
        sa.CheckConstraint(
            "attempts_allowed IS NULL OR attempts_allowed >= 1", name="attempts_positive"
        ),
        sa.CheckConstraint(
            "opens_at IS NULL OR closes_at IS NULL OR closes_at > opens_at", name="window"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(sa.String(80), unique=True)
    title: Mapped[str] = mapped_column(sa.String(200))
    topic: Mapped[str] = mapped_column(sa.String(40), index=True)
    description: Mapped[str] = mapped_column(sa.Text, default="")
    selection: Mapped[SelectionMode] = mapped_column(
        enum_column(SelectionMode, "selection_mode"), default=SelectionMode.POOL
    )
    draw_count: Mapped[int | None]
    time_limit_seconds: Mapped[int | None]
    attempts_allowed: Mapped[int | None]
    grading_method: Mapped[GradingMethod] = mapped_column(
        enum_column(GradingMethod, "grading_method"), default=GradingMethod.HIGHEST
    )
    shuffle_questions: Mapped[bool] = mapped_column(default=True)
    shuffle_options: Mapped[bool] = mapped_column(default=True)
    feedback_timing: Mapped[FeedbackTiming] = mapped_column(
        enum_column(FeedbackTiming, "feedback_timing"), default=FeedbackTiming.AFTER_SUBMIT
    )
    opens_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closes_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    is_published: Mapped[bool] = mapped_column(default=False)
    owner_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    fixed_questions: Mapped[list["QuizQuestion"]] = relationship(
        order_by="QuizQuestion.position", cascade="all, delete-orphan"
    )
    banks = relationship("QuestionBank", secondary=quiz_bank)


class QuizQuestion(db.Model):
    """A question placed at a position in a fixed-list quiz."""

    __tablename__ = "quiz_question"
    __table_args__ = (sa.UniqueConstraint("quiz_id", "position"),)

    quiz_id: Mapped[int] = mapped_column(
        sa.ForeignKey("quiz.id", ondelete="CASCADE"), primary_key=True
    )
    question_id: Mapped[int] = mapped_column(sa.ForeignKey("question.id"), primary_key=True)
    position: Mapped[int]

    question = relationship("Question")
