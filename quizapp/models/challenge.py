"""Students' challenges to questions, and regrades after a question is fixed."""

import enum
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.extensions import db
from quizapp.models.base import UTCDateTime, enum_column, utcnow


class ChallengeReason(enum.StrEnum):
    KEY_WRONG = "key_wrong"  # the answer key is wrong
    TWO_RIGHT = "two_right"  # more than one answer is right
    UNCLEAR = "unclear"  # the question is unclear


class ChallengeStatus(enum.StrEnum):
    OPEN = "open"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class Challenge(db.Model):
    """A student's objection to one question of one finished attempt.

    It is tied to the version the student saw (and through it to the cited
    sentences); one challenge per response.
    """

    __tablename__ = "challenge"

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(
        sa.ForeignKey("response.id", ondelete="CASCADE"), unique=True
    )
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id", ondelete="CASCADE"), index=True)
    question_id: Mapped[int] = mapped_column(sa.ForeignKey("question.id"), index=True)
    question_version_id: Mapped[int] = mapped_column(sa.ForeignKey("question_version.id"))
    reason: Mapped[ChallengeReason] = mapped_column(
        enum_column(ChallengeReason, "challenge_reason")
    )
    comment: Mapped[str] = mapped_column(sa.Text, default="")
    status: Mapped[ChallengeStatus] = mapped_column(
        enum_column(ChallengeStatus, "challenge_status"), default=ChallengeStatus.OPEN
    )
    reply: Mapped[str] = mapped_column(sa.Text, default="")
    resolved_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    response = relationship("Response")
    question = relationship("Question")
    version = relationship("QuestionVersion")
    user = relationship("User", foreign_keys=[user_id])


class Regrade(db.Model):
    """One confirmed regrade of a question's responses after its key was fixed."""

    __tablename__ = "regrade"

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(sa.ForeignKey("question.id"), index=True)
    from_version: Mapped[int]
    to_version: Mapped[int]
    teacher_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id", ondelete="SET NULL"))
    note: Mapped[str] = mapped_column(sa.Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    changes: Mapped[list["RegradeChange"]] = relationship(back_populates="regrade")


class RegradeChange(db.Model):
    """How one response's score, and its attempt's score, changed in a regrade."""

    __tablename__ = "regrade_change"
    __table_args__ = (sa.UniqueConstraint("regrade_id", "response_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    regrade_id: Mapped[int] = mapped_column(sa.ForeignKey("regrade.id", ondelete="CASCADE"))
    response_id: Mapped[int] = mapped_column(
        sa.ForeignKey("response.id", ondelete="CASCADE"), index=True
    )
    attempt_id: Mapped[int] = mapped_column(
        sa.ForeignKey("attempt.id", ondelete="CASCADE"), index=True
    )
    old_score: Mapped[float]
    new_score: Mapped[float]
    old_attempt_score: Mapped[float]
    new_attempt_score: Mapped[float]

    regrade: Mapped[Regrade] = relationship(back_populates="changes")
