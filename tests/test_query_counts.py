"""Pages issue a bounded number of SQL queries, whatever the amount of data."""

import contextlib
import re

import pytest
import sqlalchemy as sa

from quizapp.extensions import db
from quizapp.models import QuestionBank
from tests.factories import make_bank, make_quiz


@contextlib.contextmanager
def count_queries(app):
    """Count the SQL statements the app runs inside the block."""
    statements: list[str] = []

    def record(conn, cursor, statement, *args):
        if not statement.lstrip().upper().startswith(("BEGIN", "PRAGMA", "SAVEPOINT", "RELEASE")):
            statements.append(statement)

    with app.app_context():
        engine = db.engine
    sa.event.listen(engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        sa.event.remove(engine, "before_cursor_execute", record)


def _setup(app, banks: int, quizzes: int):
    with app.app_context():
        for number in range(banks):
            make_bank(slug=f"bank-{number}")
        for number in range(quizzes):
            make_quiz(slug=f"quiz-{number}", draw_count=7 * banks)


def _take_and_submit(client, slug):
    start = client.post(f"/quiz/{slug}/start")
    attempt_id = int(re.search(r"/attempt/(\d+)/", start.headers["Location"]).group(1))
    client.post(f"/attempt/{attempt_id}/submit")
    return attempt_id


def _page_queries(app, client, urls):
    counts = {}
    for url in urls:
        with count_queries(app) as statements:
            assert client.get(url).status_code == 200, url
        counts[url] = len(statements)
    return counts


@pytest.mark.parametrize("page", ["question", "summary", "results", "home", "my_results"])
def test_query_count_does_not_grow_with_questions_or_attempts(app, student_client, page):
    small_app_counts = None
    for size in (1, 3):
        with app.app_context():
            db.drop_all()
            db.create_all()
        from quizapp.auth.services import create_user

        with app.app_context():
            create_user("counted@example.org", "correct horse battery", "Counted")
        student_client.post(
            "/auth/login",
            data={"email": "counted@example.org", "password": "correct horse battery"},
        )
        _setup(app, banks=size, quizzes=size)
        for _ in range(size):
            finished = _take_and_submit(student_client, "quiz-0")
        start = student_client.post("/quiz/quiz-0/start")
        open_id = int(re.search(r"/attempt/(\d+)/", start.headers["Location"]).group(1))
        url = {
            "question": f"/attempt/{open_id}/q/2",
            "summary": f"/attempt/{open_id}/summary",
            "results": f"/attempt/{finished}/results",
            "home": "/",
            "my_results": "/results",
        }[page]
        counts = _page_queries(app, student_client, [url])
        if small_app_counts is None:
            small_app_counts = counts[url]
        else:
            assert counts[url] == small_app_counts, (page, small_app_counts, counts[url])
        student_client.post("/auth/logout")
    # The home page: user, quizzes and their banks, pool sizes (2), attempts, assignment
    # terms, classes and assigned work.
    assert small_app_counts <= 9


def test_the_banks_list_costs_the_same_with_1_and_with_30_banks(app, client, auth, teacher):
    auth.login(teacher["email"])
    counts = []
    for total in (1, 30):
        with app.app_context():
            existing = db.session.scalar(sa.select(sa.func.count()).select_from(QuestionBank))
            for number in range(existing, total):
                make_bank(slug=f"bank-{number}")
        with count_queries(app) as statements:
            page = client.get("/teach/banks")
        assert page.status_code == 200
        assert page.get_data(as_text=True).count("/teach/banks/bank-") == total
        assert not any("raw_text" in statement for statement in statements)
        counts.append(len(statements))
    assert counts[0] == counts[1]


def test_starting_an_attempt_costs_the_same_statements_for_7_or_21_questions(app, student_client):
    with app.app_context():
        for number in range(3):
            make_bank(slug=f"bank-{number}")
        make_quiz(slug="short", draw_count=7)
        make_quiz(slug="long", draw_count=21)
    counts = {}
    for slug in ("short", "long"):
        with count_queries(app) as statements:
            start = student_client.post(f"/quiz/{slug}/start")
        assert start.status_code == 302
        counts[slug] = len(statements)
        assert sum(s.lstrip().upper().startswith("INSERT") for s in statements) == 2
    assert counts["short"] == counts["long"]
    with app.app_context():
        drawn = db.session.scalar(sa.text("SELECT count(*) FROM response"))
    assert drawn == 28


def _kinds(statements: list[str]) -> list[str]:
    return [statement.lstrip().split()[0].upper() for statement in statements]


def test_starting_an_attempt_reads_the_user_once_counts_once_and_reads_nothing_after(
    app, student_client
):
    with app.app_context():
        make_bank(slug="bank-0")
        make_quiz(slug="short", draw_count=7)
    with count_queries(app) as statements:
        assert student_client.post("/quiz/short/start").status_code == 302
    assert sum(bool(re.search(r'FROM "?user"?\s', s)) for s in statements) == 1, statements
    # the quiz with its draw rules, once: not again inside the write transaction
    assert sum(bool(re.search(r'FROM "?quiz"?\s', s)) for s in statements) == 1, statements
    assert not any(re.search(r'FROM "?quiz_draw_rule"?\s', s) for s in statements), statements
    assert sum("count(" in s.lower() for s in statements) == 1, statements
    assert _kinds(statements)[-2:] == ["INSERT", "INSERT"], statements


def test_submitting_updates_in_three_statements_and_reads_nothing_after(app, student_client):
    with app.app_context():
        make_bank(slug="bank-0")
        make_quiz(slug="short", draw_count=7)
    start = student_client.post("/quiz/short/start")
    attempt_id = int(re.search(r"/attempt/(\d+)/", start.headers["Location"]).group(1))
    with count_queries(app) as statements:
        submitted = student_client.post(f"/attempt/{attempt_id}/submit")
    assert submitted.headers["Location"].endswith(f"/attempt/{attempt_id}/results")
    kinds = _kinds(statements)
    assert kinds.count("UPDATE") == 3, statements
    assert kinds[-1] == "UPDATE", statements


def test_saving_an_answer_takes_one_transaction_on_postgresql_and_two_on_sqlite(
    app, student_client
):
    """SQLite needs a new transaction for its write lock; PostgreSQL goes on in the read one."""
    with app.app_context():
        make_bank(slug="bank-0")
        make_quiz(slug="short", draw_count=7)
        engine = db.engine
    start = student_client.post("/quiz/short/start")
    url = start.headers["Location"]
    events: list[str] = []
    listeners = {
        name: (lambda *_a, name=name: events.append(name)) for name in ("begin", "checkout")
    }
    for name, listener in listeners.items():
        sa.event.listen(engine.pool if name == "checkout" else engine, name, listener)
    try:
        posted = student_client.post(url, data={"nav": "next"})  # an empty answer is saved too
    finally:
        for name, listener in listeners.items():
            sa.event.remove(engine.pool if name == "checkout" else engine, name, listener)
    assert posted.status_code == 302, posted.text[:2000]
    expected = 2 if engine.dialect.name == "sqlite" else 1
    assert events.count("begin") == expected, events
    assert events.count("checkout") == expected, events
