"""Figures of the whole site stored by the periodic recalculation, read by the dashboard."""

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from quizapp.extensions import db
from quizapp.models.base import UTCDateTime


class SiteFigure(db.Model):
    """A named set of aggregate figures (JSON) and when they were computed."""

    __tablename__ = "site_figure"

    name: Mapped[str] = mapped_column(sa.String(40), primary_key=True)
    data: Mapped[dict[str, Any]] = mapped_column(sa.JSON)
    computed_at: Mapped[datetime] = mapped_column(UTCDateTime)
