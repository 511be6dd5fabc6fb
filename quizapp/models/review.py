"""Editorial decisions on questions: the review queue's record."""

import enum
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.extensions import db
from quizapp.models.base import UTCDateTime, enum_column, utcnow


class ReviewAction(enum.StrEnum):
    APPROVED = "approved"  # kept as it is: quizzes may draw it
    EDITED = "edited"  # kept with changes (a new version)
    REJECTED = "rejected"  # turned down, with a reason
    RETIRED = "retired"  # withdrawn after it was in use
    RESTORED = "restored"  # a retired or rejected question brought back


class ReviewDecision(db.Model):
    """One decision on one question: who, when, what, on which version, and why.

    ``rule`` copies the generator rule of the version decided on, so the
    queue's per-rule counts need no join through the versions.
    """

    __tablename__ = "review_decision"
    __table_args__ = (sa.Index("ix_review_decision_rule_action", "rule", "action"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(
        sa.ForeignKey("question.id", ondelete="CASCADE"), index=True
    )
    version_number: Mapped[int]
    action: Mapped[ReviewAction] = mapped_column(enum_column(ReviewAction, "review_action"))
    reason: Mapped[str] = mapped_column(sa.Text, default="")
    rule: Mapped[str | None] = mapped_column(sa.String(80))
    reviewer_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    question = relationship("Question")
    reviewer = relationship("User")
