"""Stored sums behind the item statistics, recalculated from the answers now and then."""

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from quizapp.extensions import db
from quizapp.models.base import UTCDateTime


class ItemStatistic(db.Model):
    """The sums of item score x and attempt score y over one version's real answers.

    Rows are replaced all at once by a recalculation; ``computed_at`` says when.
    """

    __tablename__ = "item_statistic"

    question_version_id: Mapped[int] = mapped_column(
        sa.ForeignKey("question_version.id", ondelete="CASCADE"), primary_key=True
    )
    answers: Mapped[int]
    sum_x: Mapped[float]
    sum_y: Mapped[float]
    sum_xy: Mapped[float]
    sum_xx: Mapped[float]
    sum_yy: Mapped[float]
    computed_at: Mapped[datetime] = mapped_column(UTCDateTime)
