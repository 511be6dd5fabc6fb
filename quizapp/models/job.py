"""Background jobs: long work (an article turned into a draft bank, a large import)."""

import enum
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from quizapp.extensions import db
from quizapp.models.base import UTCDateTime, enum_column, utcnow


class JobStatus(enum.StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"


class Job(db.Model):
    """One piece of background work and its progress, as the page that started it shows it."""

    __tablename__ = "job"
    __table_args__ = (
        sa.CheckConstraint("progress >= 0 AND progress <= 100", name="progress_range"),
        sa.Index("ix_job_owner_created", "owner_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(sa.String(40))
    status: Mapped[JobStatus] = mapped_column(
        enum_column(JobStatus, "job_status"), default=JobStatus.QUEUED
    )
    progress: Mapped[int] = mapped_column(default=0)
    message: Mapped[str] = mapped_column(sa.String(300), default="")
    params: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    result: Mapped[dict[str, Any] | None] = mapped_column(sa.JSON)
    error: Mapped[str] = mapped_column(sa.Text, default="")
    tries: Mapped[int] = mapped_column(default=0)
    owner_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    @property
    def is_finished(self) -> bool:
        return self.status in (JobStatus.SUCCEEDED, JobStatus.FAILED)
