"""Background jobs: queued, run outside the request, progress and failures recorded."""

import pytest

from quizapp import create_app, jobs
from quizapp.extensions import db
from quizapp.models import Job, JobStatus
from tests.job_helpers import queued_app_for, wait_for


@jobs.job_handler("test.count")
def _count(job: Job, report) -> dict:
    total = 0
    for step in range(1, job.params["steps"] + 1):
        total += step
        report(step * 100 // job.params["steps"], f"Step {step}")
    return {"total": total}


@jobs.job_handler("test.refuse")
def _refuse(job: Job, report) -> dict:
    if job.tries < 2:
        raise jobs.JobFailed("The article is empty.")
    return {"ok": True}


@jobs.job_handler("test.crash")
def _crash(job: Job, report) -> dict:
    raise RuntimeError("database exploded at row 7")


def test_a_job_runs_and_keeps_its_result(app):
    with app.app_context():
        job = jobs.enqueue("test.count", {"steps": 4}, owner_id=None)
        assert job.status == JobStatus.SUCCEEDED
        assert job.progress == 100
        assert job.result == {"total": 10}
        assert job.started_at is not None and job.finished_at is not None


def test_a_refused_job_says_why_and_can_be_retried(app):
    with app.app_context():
        job = jobs.enqueue("test.refuse", {}, owner_id=None)
        assert job.status == JobStatus.FAILED
        assert job.error == "The article is empty."
        retried = jobs.retry(job.id)
        assert retried.status == JobStatus.SUCCEEDED
        assert retried.tries == 2 and retried.error == ""


def test_an_unexpected_error_is_logged_not_shown(app, caplog):
    with app.app_context():
        job = jobs.enqueue("test.crash", {}, owner_id=None)
        assert job.status == JobStatus.FAILED
        assert "exploded" not in job.error
        assert "unexpected error" in job.error
    assert "database exploded" in caplog.text


def test_only_failed_jobs_can_be_retried(app):
    with app.app_context():
        job = jobs.enqueue("test.count", {"steps": 1}, owner_id=None)
        assert jobs.retry(job.id) is None
        assert jobs.retry(999) is None


def test_an_unknown_kind_is_refused(app):
    with app.app_context(), pytest.raises(ValueError, match="No handler"):
        jobs.enqueue("test.nothing", {}, owner_id=None)


def test_a_job_left_running_by_a_dead_worker_is_marked_failed(app):
    from datetime import timedelta

    from quizapp.models.base import utcnow

    with app.app_context():
        job = Job(kind="test.count", status=JobStatus.RUNNING, params={"steps": 1})
        job.started_at = utcnow() - timedelta(hours=2)
        fresh = Job(kind="test.count", status=JobStatus.RUNNING, started_at=utcnow())
        db.session.add_all([job, fresh])
        db.session.commit()
        assert jobs.fail_stale_jobs() == 1
        assert db.session.get(Job, job.id).status == JobStatus.FAILED
        assert db.session.get(Job, fresh.id).status == JobStatus.RUNNING


def test_a_queued_job_runs_in_the_background_not_in_the_request(queued_app):
    with queued_app.app_context():
        job = jobs.enqueue("test.count", {"steps": 3}, owner_id=None)
        assert job.status == JobStatus.QUEUED
        job_id = job.id
    # The first request a web process serves starts its consumer threads.
    queued_app.test_client().get("/")
    finished = wait_for(queued_app, job_id)
    assert finished.status == JobStatus.SUCCEEDED
    assert finished.result == {"total": 6}


def test_the_worker_command_refuses_an_in_memory_queue(runner):
    result = runner.invoke(args=["jobs", "worker"])
    assert result.exit_code != 0
    assert "memory://" in result.output


def test_each_app_in_a_process_runs_its_own_consumer(queued_app, database_uri, tmp_path):
    earlier = queued_app_for(database_uri, tmp_path / "earlier.sqlite3")
    earlier.test_client().get("/")
    later = queued_app_for(database_uri, tmp_path / "later.sqlite3")
    try:
        with later.app_context():
            job_id = jobs.enqueue("test.count", {"steps": 2}, owner_id=None).id
        later.test_client().get("/")
        assert wait_for(later, job_id).status == JobStatus.SUCCEEDED
    finally:
        for app in (earlier, later):
            app.extensions["jobs"].stop()
            with app.app_context():
                db.engine.dispose()


def test_periodic_housekeeping_can_be_switched_off(queued_app, database_uri, tmp_path):
    queued_app.test_client().get("/")
    assert queued_app.extensions["jobs"]._consumer.periodic is False
    default = create_app(
        {
            "SECRET_KEY": "x",
            "SQLALCHEMY_DATABASE_URI": database_uri,
            "JOBS_SQLITE_PATH": str(tmp_path / "default.sqlite3"),
        }
    )
    assert default.extensions["jobs"].consumer(workers=1).periodic is True
