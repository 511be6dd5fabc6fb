"""The audit log: an append-only record of privileged actions."""

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.extensions import db
from quizapp.models.base import UTCDateTime, utcnow


class AuditEvent(db.Model):
    """Who did what to which object, when, from where, with the values before and after."""

    __tablename__ = "audit_event"
    __table_args__ = (sa.Index("ix_audit_event_action_created", "action", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    actor_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user.id", ondelete="SET NULL"), index=True
    )
    # A dotted name such as "user.role_changed" or "bank.imported".
    action: Mapped[str] = mapped_column(sa.String(60))
    target_type: Mapped[str] = mapped_column(sa.String(40), default="")
    target_id: Mapped[str] = mapped_column(sa.String(80), default="")
    summary: Mapped[str] = mapped_column(sa.String(500), default="")
    before: Mapped[Any | None] = mapped_column(sa.JSON)
    after: Mapped[Any | None] = mapped_column(sa.JSON)
    ip_address: Mapped[str] = mapped_column(sa.String(64), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)

    actor = relationship("User")
