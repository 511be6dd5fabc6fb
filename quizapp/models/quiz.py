"""Quizzes: which questions they ask and under which rules."""

import enum
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.extensions import db
from quizapp.models.base import UTCDateTime, enum_column, utcnow
from quizapp.models.content import Difficulty

# How long after finishing an attempt counts as "immediately after" (Moodle: 2 minutes).
IMMEDIATE_WINDOW = timedelta(minutes=2)


class SelectionMode(enum.StrEnum):
    FIXED = "fixed"  # the questions listed in quiz_question, in order
    POOL = "pool"  # draw_count questions drawn from the topic's published pool


class GradingMethod(enum.StrEnum):
    HIGHEST = "highest"
    LAST = "last"
    FIRST = "first"
    AVERAGE = "average"


class ReviewMoment(enum.IntFlag):
    """When after an attempt a part of its review may be shown (Moodle's review times).

    Exactly one moment applies to a finished attempt at any time: IMMEDIATELY for
    the first minutes after it finished, then LATER_WHILE_OPEN until the quiz
    closes, then AFTER_CLOSE (never reached by a quiz without a closing time).
    """

    NONE = 0
    IMMEDIATELY = 1
    LATER_WHILE_OPEN = 2
    AFTER_CLOSE = 4
    ALWAYS = 7


class ReviewPart(enum.StrEnum):
    """What a review can show; each has its own moments on the quiz."""

    SCORE = "score"  # the attempt's score, and each question's marks and verdict
    ANSWERS = "answers"  # the student's own answers
    CORRECT = "correct"  # the right answers
    FEEDBACK = "feedback"  # explanations and the cited source sentences


class ReviewMoments(sa.types.TypeDecorator):
    """A set of review moments stored as its bits (an integer 0-7)."""

    impl = sa.SmallInteger
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return None if value is None else int(value)

    def process_result_value(self, value, dialect):
        return None if value is None else ReviewMoment(value)


def _review_column() -> Mapped[ReviewMoment]:
    return mapped_column(ReviewMoments(), default=ReviewMoment.ALWAYS)


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
        *(
            sa.CheckConstraint(
                f"review_{part} >= 0 AND review_{part} <= 7", name=f"review_{part}_moments"
            )
            for part in ReviewPart
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
    # When each part of a finished attempt's review is shown (quizapp.quiz.visibility).
    review_score: Mapped[ReviewMoment] = _review_column()
    review_answers: Mapped[ReviewMoment] = _review_column()
    review_correct: Mapped[ReviewMoment] = _review_column()
    review_feedback: Mapped[ReviewMoment] = _review_column()
    opens_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closes_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    is_published: Mapped[bool] = mapped_column(default=False)
    owner_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    fixed_questions: Mapped[list["QuizQuestion"]] = relationship(
        order_by="QuizQuestion.position", cascade="all, delete-orphan"
    )
    banks = relationship("QuestionBank", secondary=quiz_bank)
    # A pool quiz with draw rules draws each rule's count from its bank instead of the topic.
    draw_rules: Mapped[list["QuizDrawRule"]] = relationship(
        order_by="QuizDrawRule.position", cascade="all, delete-orphan"
    )

    def review_moments(self, part: ReviewPart) -> ReviewMoment:
        """The moments at which the review shows ``part``."""
        return getattr(self, f"review_{ReviewPart(part).value}")

    def moment_after(self, submitted_at: datetime | None, now: datetime) -> ReviewMoment:
        """The review moment, ``now``, of an attempt finished at ``submitted_at``."""
        if self.closes_at is not None and now >= self.closes_at:
            return ReviewMoment.AFTER_CLOSE
        if submitted_at is not None and now - submitted_at <= IMMEDIATE_WINDOW:
            return ReviewMoment.IMMEDIATELY
        return ReviewMoment.LATER_WHILE_OPEN

    def shows_score(self, submitted_at: datetime | None, now: datetime) -> bool:
        """Whether the score of an attempt finished at ``submitted_at`` may be shown now.

        With no time (a grade drawn from several attempts) the moment is the
        one after the first minutes: later while open, or after the close.
        """
        return bool(self.review_moments(ReviewPart.SCORE) & self.moment_after(submitted_at, now))


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


class QuizDrawRule(db.Model):
    """Draw ``count`` published questions from a bank, optionally of a difficulty or category."""

    __tablename__ = "quiz_draw_rule"
    __table_args__ = (
        sa.UniqueConstraint("quiz_id", "position"),
        sa.CheckConstraint("count >= 1", name="count_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    quiz_id: Mapped[int] = mapped_column(sa.ForeignKey("quiz.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    bank_id: Mapped[int] = mapped_column(sa.ForeignKey("question_bank.id"), index=True)
    count: Mapped[int]
    difficulty: Mapped[Difficulty | None] = mapped_column(
        enum_column(Difficulty, "difficulty"), nullable=True
    )
    # A category path prefix ("Mars/Landing" also matches "Mars/Landing/EDL"); "" for any.
    category: Mapped[str] = mapped_column(sa.String(255), default="")

    bank = relationship("QuestionBank")
