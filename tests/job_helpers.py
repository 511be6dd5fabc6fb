"""Helpers for tests that run jobs through a real queue."""

import time

from quizapp import create_app
from quizapp.extensions import db
from quizapp.models import Job


def queued_app_for(database_uri, queue_file):
    """An app whose jobs go through a SQLite queue at ``queue_file`` (periodic jobs off)."""
    return create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test",
            "SQLALCHEMY_DATABASE_URI": database_uri,
            "JOBS_SQLITE_PATH": str(queue_file),
            "JOBS_PERIODIC": False,
            "RATELIMIT_ENABLED": False,
        }
    )


def wait_for(app, job_id: int, timeout: float = 20.0) -> Job:
    """The job once it has finished; fails the test after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with app.app_context():
            job = db.session.get(Job, job_id)
            if job.is_finished:
                return job
        time.sleep(0.05)
    raise AssertionError(f"job {job_id} did not finish")
