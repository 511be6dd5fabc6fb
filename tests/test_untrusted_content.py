"""Text from users and files is escaped wherever it is shown; a locked database is waited out."""

import re
import sqlite3
import threading
import time

import pytest
import sqlalchemy as sa

from quizapp.extensions import db
from quizapp.models import Question, QuestionVersion, Response
from tests.factories import make_bank, make_quiz

PAYLOAD = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def _start(client, slug="landing-quiz"):
    response = client.post(f"/quiz/{slug}/start")
    return int(re.search(r"/attempt/(\d+)/", response.headers["Location"]).group(1))


def _assert_escaped(html: str) -> None:
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;" in html


@pytest.fixture
def hostile_bank(app):
    """A bank whose prompts, options and explanations carry markup."""
    with app.app_context():
        make_bank(types=("mcq", "short"))
        for version in db.session.scalars(sa.select(QuestionVersion)):
            version.prompt = PAYLOAD + version.prompt
            version.explanation = PAYLOAD
            if version.type == "mcq":
                version.data = {**version.data, "options": [PAYLOAD, *version.data["options"][1:]]}
                version.data["answer"] = version.data["options"][1]
        db.session.commit()
        make_quiz(draw_count=2)


def test_question_text_and_answers_are_escaped_in_every_view(app, client, hostile_bank, teacher):
    from quizapp.auth.services import create_user

    with app.app_context():
        create_user("x@example.org", "a long enough password", PAYLOAD)
    client.post(
        "/auth/login", data={"email": "x@example.org", "password": "a long enough password"}
    )
    attempt_id = _start(client)
    for position in (1, 2):
        page = client.get(f"/attempt/{attempt_id}/q/{position}").get_data(as_text=True)
        _assert_escaped(page)
        client.post(f"/attempt/{attempt_id}/q/{position}", data={"answer": PAYLOAD, "nav": "next"})
    client.post(f"/attempt/{attempt_id}/submit")
    results = client.get(f"/attempt/{attempt_id}/results").get_data(as_text=True)
    _assert_escaped(results)
    _assert_escaped(client.get("/").get_data(as_text=True))  # the display name in the menu
    client.post("/auth/logout")
    client.post("/auth/login", data={"email": teacher["email"], "password": teacher["password"]})
    with app.app_context():
        question_ids = db.session.scalars(sa.select(Question.id)).all()
    _assert_escaped(client.get("/teach/banks/test-bank").get_data(as_text=True))
    for question_id in question_ids:
        _assert_escaped(client.get(f"/teach/questions/{question_id}").get_data(as_text=True))


def test_an_answer_saved_while_the_database_is_locked_waits_and_is_kept(
    app, student_client, database_uri
):
    if not database_uri.startswith("sqlite"):
        pytest.skip("SQLite's file lock is what this test holds")
    with app.app_context():
        make_bank(types=("short",))
        make_quiz(draw_count=1)
    attempt_id = _start(student_client)
    path = database_uri.removeprefix("sqlite:///")
    locked = threading.Event()

    def hold_the_write_lock():
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        locked.set()
        time.sleep(1.5)
        other.execute("COMMIT")
        other.close()

    holder = threading.Thread(target=hold_the_write_lock)
    holder.start()
    locked.wait()
    began = time.monotonic()
    response = student_client.post(f"/attempt/{attempt_id}/q/1/autosave", data={"answer": "Jezero"})
    waited = time.monotonic() - began
    holder.join()
    assert response.status_code == 200
    assert response.get_json()["saved"] is True
    assert waited >= 1.0
    with app.app_context():
        saved = db.session.scalar(
            sa.select(Response).where(Response.attempt_id == attempt_id, Response.position == 1)
        )
        assert saved.answer == "Jezero"
