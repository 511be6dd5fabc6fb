"""``flask db backup``: what the server acknowledged is in the backup, and the backup restores."""

import re
import shutil
import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa

from quizapp import create_app
from quizapp.auth.services import create_user
from quizapp.extensions import db
from quizapp.models import Response
from tests.factories import make_bank, make_quiz

PASSWORD = "correct horse battery"


def _sqlite_app(path: Path):
    return create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test-secret-key",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}",
            "WTF_CSRF_ENABLED": False,
            "RATELIMIT_ENABLED": False,
            "JOBS_BROKER_URL": "memory://",
        }
    )


@pytest.fixture
def site(tmp_path):
    """A site on a SQLite file in WAL mode with one quiz and one student."""
    app = _sqlite_app(tmp_path / "quizapp.db")
    with app.app_context():
        db.create_all()
        make_bank(types={"mcq", "multi", "truefalse", "numeric", "short"})
        make_quiz(slug="landing", draw_count=5)
        create_user("saver@example.org", PASSWORD, "Sam Saver")
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


def _answer_five(app) -> int:
    client = app.test_client()
    client.post("/auth/login", data={"email": "saver@example.org", "password": PASSWORD})
    start = client.post("/quiz/landing/start")
    attempt_id = int(re.search(r"/attempt/(\d+)/", start.headers["Location"])[1])
    with app.app_context():
        kinds = [
            (r.position, r.version.type)
            for r in db.session.scalars(
                sa.select(Response).where(Response.attempt_id == attempt_id)
            )
        ]
    for position, kind in kinds:
        data = _some_answer(kind)
        reply = client.post(f"/attempt/{attempt_id}/q/{position}/autosave", data=data)
        assert reply.status_code == 200 and reply.get_json()["saved"], (kind, reply.data)
    with app.app_context():
        answers = db.session.scalars(
            sa.select(Response.answer).where(Response.attempt_id == attempt_id)
        ).all()
        assert None not in answers and len(answers) == 5
    return attempt_id


def _some_answer(kind: str) -> dict:
    """A valid (not necessarily right) answer for each question type."""
    return {
        "mcq": {"answer": "0"},
        "multi": {"answer": ["0"]},
        "truefalse": {"answer": "true"},
        "numeric": {"answer": "25"},
        "short": {"answer": "jezero"},
    }[kind]


def _saved_answers(path: Path, attempt_id: int) -> int:
    """How many of the attempt's answers the database file holds (0 without the table)."""
    with sqlite3.connect(path) as connection:
        try:
            return connection.execute(
                "SELECT count(*) FROM response WHERE attempt_id = ? AND answer IS NOT NULL",
                (attempt_id,),
            ).fetchone()[0]
        except sqlite3.OperationalError:
            return 0


def test_backup_keeps_answers_still_in_the_wal(site, runner_for, tmp_path):
    attempt_id = _answer_five(site)
    database = tmp_path / "quizapp.db"
    wal = Path(f"{database}-wal")
    assert wal.exists() and wal.stat().st_size > 0  # the answers sit in the WAL

    # What an admin copying only quizapp.db would get: not the acknowledged answers.
    naive = tmp_path / "naive-copy.db"
    shutil.copyfile(database, naive)
    assert _saved_answers(naive, attempt_id) < 5

    target = tmp_path / "backups" / "quizapp-backup.db"
    target.parent.mkdir()
    result = runner_for(site).invoke(args=["db", "backup", str(target)])

    assert result.exit_code == 0, result.output
    assert "Backed up" in result.output
    assert _saved_answers(target, attempt_id) == 5
    assert not Path(f"{target}-wal").exists()  # one self-contained file
    assert not list(target.parent.glob("*.partial"))


def test_restored_backup_serves_the_saved_answers(site, runner_for, tmp_path):
    attempt_id = _answer_five(site)
    target = tmp_path / "backup.db"
    assert runner_for(site).invoke(args=["db", "backup", str(target)]).exit_code == 0

    # The restore the README describes: stop the site, put the file in place
    # (without the old -wal and -shm files), start again.
    restored = tmp_path / "restored" / "quizapp.db"
    restored.parent.mkdir()
    shutil.copyfile(target, restored)
    app = _sqlite_app(restored)
    client = app.test_client()
    client.post("/auth/login", data={"email": "saver@example.org", "password": PASSWORD})
    page = client.get(f"/attempt/{attempt_id}/summary").get_data(as_text=True)
    assert "All 5 questions are answered" in page
    with app.app_context():
        db.engine.dispose()


def test_backup_refuses_to_overwrite_without_asking(site, runner_for, tmp_path):
    target = tmp_path / "existing.db"
    target.write_text("keep me")
    result = runner_for(site).invoke(args=["db", "backup", str(target)])
    assert result.exit_code != 0
    assert "already exists" in result.output
    assert target.read_text() == "keep me"
    again = runner_for(site).invoke(args=["db", "backup", "--overwrite", str(target)])
    assert again.exit_code == 0, again.output


def test_postgresql_backup_says_to_use_pg_dump(tmp_path):
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test-secret-key",
            "SQLALCHEMY_DATABASE_URI": "postgresql+psycopg://quizapp:s3cret@db.internal:5433/quiz",
        }
    )
    result = app.test_cli_runner().invoke(args=["db", "backup", str(tmp_path / "x.dump")])
    assert result.exit_code != 0
    assert "pg_dump --format=custom" in result.output
    assert "postgresql://quizapp@db.internal:5433/quiz" in result.output
    assert "s3cret" not in result.output
    assert "pg_restore" in result.output
    assert not (tmp_path / "x.dump").exists()


@pytest.fixture
def runner_for():
    return lambda app: app.test_cli_runner()
