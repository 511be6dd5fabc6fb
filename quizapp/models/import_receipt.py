"""Confirmed import previews: each preview's token can be used once."""

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from quizapp.extensions import db
from quizapp.models.base import UTCDateTime, utcnow


class ImportReceipt(db.Model):
    """A preview that was confirmed; the key on its token makes a second confirm a no-op."""

    __tablename__ = "import_receipt"

    token: Mapped[str] = mapped_column(sa.String(32), primary_key=True)
    bank_id: Mapped[int] = mapped_column(sa.ForeignKey("question_bank.id", ondelete="CASCADE"))
    user_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
