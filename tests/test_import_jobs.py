"""A large confirmed import runs as a background job: once, all or nothing, on its owner's page."""

import re

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from quizapp import question_imports
from quizapp.auth.services import create_user
from quizapp.extensions import db
from quizapp.models import AuditEvent, Job, JobStatus, Question, QuestionBank, QuestionVersion, Role
from tests.csrf import log_in_with_token
from tests.job_helpers import wait_for

QUESTIONS = 12
TEXT = "\n\n".join(f"::S{n}::Statement {n} is true.{{T}}" for n in range(QUESTIONS))
OTHER_PASSWORD = "correct horse battery staple"


def login(client, user):
    client.post("/auth/login", data={"email": user["email"], "password": user["password"]})


@pytest.fixture
def bank_slug(app, client, teacher):
    app.config["IMPORT_JOB_THRESHOLD"] = 5
    login(client, teacher)
    response = client.post("/teach/banks/new", data={"name": "Big set"})
    return response.headers["Location"].rsplit("/", 1)[1]


def confirm(client, slug, text=TEXT):
    page = client.post(f"/teach/banks/{slug}/import", data={"text": text}).get_data(as_text=True)
    payload = re.search(r'name="payload" type="hidden" value="([^"]+)"', page).group(1)
    return client.post(f"/teach/banks/{slug}/import/confirm", data={"payload": payload})


def job_id_of(response) -> int:
    assert response.status_code == 302, response.get_data(as_text=True)
    match = re.search(r"/teach/jobs/(\d+)$", response.headers["Location"])
    assert match, response.headers["Location"]
    return int(match.group(1))


def counts(app) -> tuple[int, int]:
    with app.app_context():
        return (
            db.session.scalar(sa.select(sa.func.count(Question.id))),
            db.session.scalar(sa.select(sa.func.count(QuestionVersion.id))),
        )


def test_the_preview_of_a_large_set_says_it_will_be_imported_in_the_background(client, bank_slug):
    page = client.post(f"/teach/banks/{bank_slug}/import", data={"text": TEXT})
    assert "More than 5 questions are imported in the background" in page.get_data(as_text=True)
    small = client.post(f"/teach/banks/{bank_slug}/import", data={"text": "Small? {T}"})
    assert "in the background" not in small.get_data(as_text=True)


def test_a_large_import_runs_as_a_job_and_imports_every_question_once(app, client, bank_slug):
    job_id = job_id_of(confirm(client, bank_slug))
    page = client.get(f"/teach/jobs/{job_id}").get_data(as_text=True)
    assert f"Importing {QUESTIONS} questions into Big set" in page
    assert f"Imported {QUESTIONS} questions into “Big set”" in page
    assert f'href="/teach/banks/{bank_slug}"' in page
    assert counts(app) == (QUESTIONS, QUESTIONS)
    with app.app_context():
        job = db.session.get(Job, job_id)
        assert job.status == JobStatus.SUCCEEDED and job.tries == 1
        assert job.result == {
            "bank_id": job.params["bank_id"],
            "bank_slug": bank_slug,
            "questions": QUESTIONS,
        }
        assert "text" not in job.params  # the upload is not kept once it is in the bank
        event = db.session.scalar(sa.select(AuditEvent).where(AuditEvent.action == "bank.imported"))
        assert event.after["job_id"] == job_id and event.after["questions"] == QUESTIONS
        assert event.actor_id == job.owner_id
    retried = client.post(f"/teach/jobs/{job_id}/retry", follow_redirects=True)
    assert "Only a failed job can be tried again" in retried.get_data(as_text=True)
    assert counts(app) == (QUESTIONS, QUESTIONS)


def test_the_imported_questions_match_an_import_done_at_once(app, client, bank_slug):
    job_id_of(confirm(client, bank_slug))
    app.config["IMPORT_JOB_THRESHOLD"] = 500
    other = client.post("/teach/banks/new", data={"name": "Small"}).headers["Location"]
    response = confirm(client, other.rsplit("/", 1)[1])
    assert response.headers["Location"].endswith("/teach/banks/" + other.rsplit("/", 1)[1])
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(Job.id))) == 1
        rows = db.session.execute(
            sa.select(
                QuestionBank.name,
                Question.key,
                Question.status,
                QuestionVersion.prompt,
                QuestionVersion.data,
                QuestionVersion.title,
            )
            .join(Question, Question.bank_id == QuestionBank.id)
            .join(QuestionVersion)
        ).all()
    by_bank = {
        name: sorted(tuple(row[2:4]) + (row[4], row[5]) for row in rows if row[0] == name)
        for name in ("Big set", "Small")
    }
    assert len(by_bank["Big set"]) == QUESTIONS
    assert by_bank["Big set"] == by_bank["Small"]


def test_a_set_at_the_threshold_is_imported_in_the_request(app, client, bank_slug):
    app.config["IMPORT_JOB_THRESHOLD"] = QUESTIONS
    response = confirm(client, bank_slug)
    assert response.headers["Location"].endswith(f"/teach/banks/{bank_slug}")
    assert counts(app) == (QUESTIONS, QUESTIONS)
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(Job.id))) == 0


@pytest.mark.parametrize(
    "error, reason",
    [
        (RuntimeError("disk full"), "An unexpected error stopped the job"),
        (IntegrityError("INSERT", {}, Exception("unique")), question_imports.CONCURRENT_IMPORT),
    ],
)
def test_a_failed_import_job_writes_nothing_shows_why_and_can_be_retried(
    app, client, bank_slug, monkeypatch, error, reason
):
    def crash(*args, **kwargs):
        raise error  # after the questions were inserted, before the commit

    monkeypatch.setattr(question_imports.audit, "record", crash)
    job_id = job_id_of(confirm(client, bank_slug))
    monkeypatch.undo()
    page = client.get(f"/teach/jobs/{job_id}").get_data(as_text=True)
    assert "The job failed" in page and reason in page and "Try again" in page
    assert "Upload the file again" in page
    assert counts(app) == (0, 0)
    response = client.post(f"/teach/jobs/{job_id}/retry", follow_redirects=True)
    assert "The job is queued again" in response.get_data(as_text=True)
    assert counts(app) == (QUESTIONS, QUESTIONS)
    with app.app_context():
        job = db.session.get(Job, job_id)
        assert job.status == JobStatus.SUCCEEDED and job.tries == 2
        actions = db.session.scalars(sa.select(AuditEvent.action)).all()
        assert actions.count("bank.imported") == 1 and "bank.import_retried" in actions


def test_an_import_job_for_a_bank_its_owner_cannot_edit_writes_nothing(app, teacher):
    with app.app_context():
        other = create_user("otto@example.org", OTHER_PASSWORD, "Otto", Role.TEACHER)
        bank = QuestionBank(slug="not-otto", name="Not Otto's", owner_id=teacher["id"])
        db.session.add(bank)
        db.session.commit()
        job = question_imports.start_import_job(bank, "gift", TEXT, other.id, QUESTIONS)
        assert job.status == JobStatus.FAILED
        assert "no longer yours" in job.error
    assert counts(app) == (0, 0)


def test_the_import_job_page_is_for_its_owner_and_admins_only(
    app, client, bank_slug, student, admin
):
    job_id = job_id_of(confirm(client, bank_slug))
    with app.app_context():
        create_user("otto@example.org", OTHER_PASSWORD, "Otto", Role.TEACHER)
    others = {"otto": app.test_client(), "student": app.test_client(), "admin": app.test_client()}
    login(others["otto"], {"email": "otto@example.org", "password": OTHER_PASSWORD})
    login(others["student"], student)
    login(others["admin"], admin)
    expected = {
        "owner": (client, 200, 302),
        "admin": (others["admin"], 200, 302),
        "otto": (others["otto"], 404, 404),
        "student": (others["student"], 403, 403),
        "anonymous": (app.test_client(), 302, 302),
    }
    for who, (visitor, page_status, retry_status) in expected.items():
        assert visitor.get(f"/teach/jobs/{job_id}").status_code == page_status, who
        assert visitor.post(f"/teach/jobs/{job_id}/retry").status_code == retry_status, who
    assert "Big set" not in others["otto"].get(f"/teach/jobs/{job_id}").get_data(as_text=True)


def test_a_waiting_import_job_page_refreshes_itself(app, client, bank_slug, teacher):
    with app.app_context():
        job = Job(
            kind=question_imports.JOB_KIND,
            owner_id=teacher["id"],
            progress=40,
            status=JobStatus.RUNNING,
            message="Saving 12 questions…",
            params={"bank_name": "Big set", "bank_slug": bank_slug, "questions": 12},
        )
        db.session.add(job)
        db.session.commit()
        job_id = job.id
    for _ in range(2):
        page = client.get(f"/teach/jobs/{job_id}").get_data(as_text=True)
        assert '<meta http-equiv="refresh" content="2">' in page
        assert 'value="40"' in page and "Saving 12 questions…" in page
        assert "Try again" not in page


def test_retrying_an_import_job_needs_its_csrf_token(csrf_app, teacher):
    with csrf_app.app_context():
        job = Job(
            kind=question_imports.JOB_KIND,
            owner_id=teacher["id"],
            status=JobStatus.FAILED,
            params={"bank_name": "B", "questions": 1},
        )
        db.session.add(job)
        db.session.commit()
        job_id = job.id
    client = csrf_app.test_client()
    log_in_with_token(client, teacher)
    assert client.post(f"/teach/jobs/{job_id}/retry").status_code == 400
    with csrf_app.app_context():
        assert db.session.get(Job, job_id).status == JobStatus.FAILED


def test_through_a_real_queue_the_import_runs_beside_the_request(queued_app):
    queued_app.config.update(WTF_CSRF_ENABLED=False, IMPORT_JOB_THRESHOLD=5)
    with queued_app.app_context():
        create_user("tess@example.org", OTHER_PASSWORD, "Tess", Role.TEACHER)
    client = queued_app.test_client()
    login(client, {"email": "tess@example.org", "password": OTHER_PASSWORD})
    slug = client.post("/teach/banks/new", data={"name": "Queued"}).headers["Location"]
    job_id = job_id_of(confirm(client, slug.rsplit("/", 1)[1]))
    assert wait_for(queued_app, job_id).status == JobStatus.SUCCEEDED
    assert counts(queued_app) == (QUESTIONS, QUESTIONS)
    page = client.get(f"/teach/jobs/{job_id}").get_data(as_text=True)
    assert f"Imported {QUESTIONS} questions into “Queued”" in page
    assert 'http-equiv="refresh"' not in page


class WorkerDied(BaseException):
    """The worker process stops dead (not an error the job machinery catches)."""


def test_an_import_is_marked_done_in_the_same_commit_as_its_questions(
    app, client, bank_slug, monkeypatch
):
    from quizapp import jobs

    def dies_before_recording_the_end(job_id, status, **values):
        raise WorkerDied

    monkeypatch.setattr(jobs, "_finish", dies_before_recording_the_end)
    with pytest.raises(WorkerDied):
        confirm(client, bank_slug)
    monkeypatch.undo()
    assert counts(app) == (QUESTIONS, QUESTIONS)
    with app.app_context():
        job = db.session.scalar(sa.select(Job))
        assert job.status == JobStatus.SUCCEEDED and job.result["questions"] == QUESTIONS
        assert job.finished_at is None  # the end was never recorded, yet nothing looks failed
        assert jobs.fail_stale_jobs() == 0


def test_confirming_a_large_preview_twice_queues_one_import(app, client, bank_slug):
    page = client.post(f"/teach/banks/{bank_slug}/import", data={"text": TEXT})
    payload = re.search(
        r'name="payload" type="hidden" value="([^"]+)"', page.get_data(as_text=True)
    )
    url = f"/teach/banks/{bank_slug}/import/confirm"
    job_id_of(client.post(url, data={"payload": payload.group(1)}))
    again = client.post(url, data={"payload": payload.group(1)}, follow_redirects=True)
    assert "already confirmed" in again.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(Job.id))) == 1
    assert counts(app)[0] == QUESTIONS
