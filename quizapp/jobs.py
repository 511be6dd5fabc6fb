"""Background jobs: long work runs outside the request, its progress kept in the ``job`` table.

`Huey <https://huey.readthedocs.io>`_ queues and runs the work. Where the
queue lives is configuration (``JOBS_BROKER_URL``):

- unset: a SQLite file in the instance folder, the single-machine default;
- ``redis://host:6379/0``: Redis, for several workers or hosts;
- ``memory://``: in this process only, with jobs run at once when they are
  enqueued (tests).

With ``JOBS_IN_PROCESS`` (the default) every web process also runs a
consumer in background threads from its first request on, so ``make run``
needs nothing else. In production set it to false and run
``flask --app quizapp jobs worker`` beside the web servers.

A job kind is a function registered with :func:`job_handler`; it gets the job
and a ``report(percent, message)`` callback, returns a JSON-able result and
raises :class:`JobFailed` with a message for the person who started it.
Periodic housekeeping is registered with :func:`periodic`.
"""

import logging
import threading
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from flask import Flask, current_app
from huey import MemoryHuey, RedisHuey, SqliteHuey, crontab
from huey.api import Huey
from huey.consumer import Consumer

from quizapp import audit
from quizapp.database import writes
from quizapp.extensions import db
from quizapp.models import Job, JobStatus
from quizapp.models.base import utcnow

logger = logging.getLogger(__name__)

Report = Callable[[int, str], None]
Handler = Callable[[Job, Report], dict[str, Any] | None]

HANDLERS: dict[str, Handler] = {}
PERIODIC: dict[str, tuple[dict[str, str], Callable[[], None]]] = {}


class JobFailed(Exception):
    """The job cannot be done; the message is shown to the person who started it."""


def job_handler(kind: str) -> Callable[[Handler], Handler]:
    """Register ``handler`` as the function that does jobs of ``kind``."""

    def register(handler: Handler) -> Handler:
        HANDLERS[kind] = handler
        return handler

    return register


def periodic(name: str, **schedule: str) -> Callable[[Callable[[], None]], Callable[[], None]]:
    """Register a function the consumer runs on a crontab schedule (``minute="*"``...)."""

    def register(function: Callable[[], None]) -> Callable[[], None]:
        PERIODIC[name] = (schedule, function)
        return function

    return register


class _ThreadConsumer(Consumer):
    """A consumer that runs beside a web server in its process, in threads.

    It leaves the process's signal handlers alone: they belong to the server.
    """

    def _set_signal_handlers(self) -> None:
        return None


class JobQueue:
    """The job queue of one application: its Huey instance and in-process consumer."""

    def __init__(self, app: Flask) -> None:
        self.huey: Huey = _make_huey(app)
        self.periodic: bool = app.config["JOBS_PERIODIC"]
        self._consumer: Consumer | None = None
        self._lock = threading.Lock()
        self._register_tasks(app)

    def _register_tasks(self, app: Flask) -> None:
        huey = self.huey

        @huey.task(name="quizapp.run_job")
        def run_job_task(job_id: int) -> None:
            with app.app_context():
                run_job(job_id)

        self.run_job_task = run_job_task
        for name, (schedule, function) in PERIODIC.items():
            huey.periodic_task(crontab(**schedule), name=f"quizapp.{name}")(
                _in_app_context(app, function)
            )

    def start_in_process_consumer(self) -> None:
        """Run a consumer in this process's threads (once per process)."""
        if self._consumer is not None:
            return
        with self._lock:
            if self._consumer is None:
                consumer = _ThreadConsumer(
                    self.huey, workers=1, worker_type="thread", periodic=self.periodic
                )
                consumer.start()
                self._consumer = consumer

    def consumer(self, workers: int) -> Consumer:
        """A consumer for ``flask jobs worker``: the queue's own process, with signals."""
        return self.huey.create_consumer(
            workers=workers, worker_type="thread", periodic=self.periodic
        )

    def stop(self) -> None:
        """Stop an in-process consumer (tests)."""
        if self._consumer is not None:
            self._consumer.stop(graceful=True)
            self._consumer = None


def init_app(app: Flask) -> None:
    """Give ``app`` its own job queue; with JOBS_IN_PROCESS its first request starts a consumer."""
    job_queue = JobQueue(app)
    app.extensions["jobs"] = job_queue
    if app.config["JOBS_IN_PROCESS"] and not job_queue.huey.immediate:
        app.before_request(job_queue.start_in_process_consumer)


def _in_app_context(app: Flask, function: Callable[[], None]) -> Callable[[], None]:
    def run() -> None:
        with app.app_context():
            function()

    run.__name__ = function.__name__
    return run


def _make_huey(app: Flask) -> Huey:
    url = app.config.get("JOBS_BROKER_URL") or ""
    name = app.config["JOBS_QUEUE_NAME"]
    if url.startswith(("redis://", "rediss://", "unix://")):
        return RedisHuey(name, url=url)
    if url == "memory://":
        return MemoryHuey(name, immediate=True)
    if url:
        raise ValueError(f"JOBS_BROKER_URL {url!r}: use redis://…, memory:// or leave it unset")
    path = app.config.get("JOBS_SQLITE_PATH") or Path(app.instance_path) / "jobs.sqlite3"
    return SqliteHuey(name, filename=str(path))


def queue() -> JobQueue:
    """The current application's job queue."""
    return current_app.extensions["jobs"]


def enqueue(kind: str, params: dict[str, Any], owner_id: int | None) -> Job:
    """Record a job and queue it; return the job row as it is now."""
    if kind not in HANDLERS:
        raise ValueError(f"No handler for jobs of kind {kind!r}.")
    job_id = _record(kind, params, owner_id)
    queue().run_job_task(job_id)
    return db.session.get(Job, job_id, populate_existing=True)


@writes
def _record(kind: str, params: dict[str, Any], owner_id: int | None) -> int:
    job = Job(kind=kind, params=params, owner_id=owner_id, message="Waiting to start…")
    db.session.add(job)
    db.session.flush()
    job_id = job.id
    db.session.commit()
    return job_id


def retry(job_id: int, audited: tuple[str, Callable[[Job], str]] | None = None) -> Job | None:
    """Queue a failed job again; None when there is no failed job with that id.

    ``audited`` is the audit action and a function describing the job for the
    log, recorded in the same transaction as the retry.
    """
    if not _requeue(job_id, audited):
        return None
    queue().run_job_task(job_id)
    return db.session.get(Job, job_id, populate_existing=True)


@writes
def _requeue(job_id: int, audited: tuple[str, Callable[[Job], str]] | None) -> bool:
    job = db.session.get(Job, job_id)
    if job is None or job.status != JobStatus.FAILED:
        db.session.rollback()
        return False
    job.status, job.progress, job.error = JobStatus.QUEUED, 0, ""
    job.message, job.result, job.finished_at = "Waiting to start…", None, None
    if audited is not None:
        action, describe = audited
        audit.record(action, target_type="job", target_id=job.id, summary=describe(job))
    db.session.commit()
    return True


@writes
def _set_state(job_id: int, **values: Any) -> None:
    job = db.session.get(Job, job_id)
    for name, value in values.items():
        setattr(job, name, value)
    db.session.commit()


@writes
def _claim(job_id: int) -> Job | None:
    """Move a queued job to running; None when it is gone or another worker has it."""
    claimed = db.session.execute(
        sa.update(Job)
        .where(Job.id == job_id, Job.status == JobStatus.QUEUED)
        .values(status=JobStatus.RUNNING, started_at=utcnow(), tries=Job.tries + 1)
    )
    db.session.commit()
    if claimed.rowcount != 1:
        return None
    return db.session.get(Job, job_id, populate_existing=True)


def run_job(job_id: int) -> None:
    """Do one queued job with its kind's handler, recording progress, result or failure."""
    job = _claim(job_id)
    if job is None:
        return

    def report(percent: int, message: str) -> None:
        _set_state(job_id, progress=max(0, min(100, int(percent))), message=message[:300])

    try:
        result = HANDLERS[job.kind](job, report)
    except JobFailed as failure:
        db.session.rollback()
        _finish(job_id, JobStatus.FAILED, error=str(failure), message="Failed")
    except Exception:
        db.session.rollback()
        logger.exception("Job %s (%s) failed", job_id, job.kind)
        error = "An unexpected error stopped the job. It has been logged; try again."
        _finish(job_id, JobStatus.FAILED, error=error, message="Failed")
    else:
        _finish(job_id, JobStatus.SUCCEEDED, result=result, progress=100, message="Done")


def _finish(job_id: int, status: JobStatus, **values: Any) -> None:
    _set_state(job_id, status=status, finished_at=utcnow(), **values)


@periodic("fail_stale_jobs", minute="*/5")
def fail_stale_jobs() -> int:
    """Mark jobs that have been running far too long (their worker died) as failed."""
    limit = utcnow() - timedelta(minutes=current_app.config["JOBS_STALE_AFTER_MINUTES"])
    stale = db.session.scalars(
        sa.select(Job.id).where(Job.status == JobStatus.RUNNING, Job.started_at < limit)
    ).all()
    for job_id in stale:
        _finish(
            job_id,
            JobStatus.FAILED,
            error="The job was interrupted before it finished; try again.",
            message="Interrupted",
        )
    return len(stale)
