"""The student's path through the test client: home, start, answer, submit, review."""

import re
from html.parser import HTMLParser

import pytest
import sqlalchemy as sa

from quizapp.extensions import db
from quizapp.models import Attempt, Response
from tests.factories import ARTICLE_TEXT, make_bank, make_quiz


@pytest.fixture
def landing_quiz(app):
    with app.app_context():
        make_bank()
        quiz = make_quiz(attempts_allowed=3, time_limit_seconds=900)
        return quiz.slug


@pytest.fixture
def practice_quiz(app):
    """A quiz with unlimited attempts, whose review shows everything at once."""
    with app.app_context():
        make_bank()
        return make_quiz(slug="practice").slug


def _start(client, slug):
    response = client.post(f"/quiz/{slug}/start")
    assert response.status_code == 302
    match = re.search(r"/attempt/(\d+)/q/1$", response.headers["Location"])
    assert match, response.headers["Location"]
    return int(match.group(1))


def _responses(app, attempt_id):
    with app.app_context():
        rows = db.session.scalars(
            sa.select(Response).where(Response.attempt_id == attempt_id).order_by(Response.position)
        ).all()
        return [
            {
                "position": r.position,
                "type": r.version.type,
                "data": r.version.data,
                "order": r.option_order,
                "answer": r.answer,
                "key": r.version.question.key,
            }
            for r in rows
        ]


def _correct_form(item) -> dict:
    """Form fields answering one question correctly, as a browser would post them.

    Choices are posted as their position on the page, never as the stored index.
    """
    data, order = item["data"], item["order"]
    kind = item["type"]

    def shown(original: int) -> str:
        return str(order.index(original))

    if kind == "mcq":
        return {"answer": shown(data["options"].index(data["answer"]))}
    if kind == "multi":
        return {"answer": [shown(data["options"].index(a)) for a in data["answers"]]}
    if kind == "truefalse":
        return {"answer": "true" if data["answer"] else "false"}
    if kind == "numeric":
        return {"answer": str(data["answer"])}
    if kind == "short":
        return {"answer": data["answers"][0].upper() + "!"}
    if kind == "matching":
        return {f"match_{i}": shown(i) for i in range(len(data["pairs"]))}
    if kind == "ordering":
        return {f"position_{k}": str(original + 1) for k, original in enumerate(order)}
    raise AssertionError(kind)


class _FormValues(HTMLParser):
    """The values a page's answer fields show: typed text, checked boxes, selected options."""

    def __init__(self):
        super().__init__()
        self.values: dict[str, list[str]] = {}
        self._select = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        name = a.get("name")
        if tag == "select":
            self._select = name
        elif tag == "option" and self._select and "selected" in a and a.get("value"):
            self.values.setdefault(self._select, []).append(a["value"])
        elif tag == "input" and name and name not in ("csrf_token", "nav"):
            kind = a.get("type", "text")
            if (kind in ("radio", "checkbox") and "checked" in a) or (
                kind == "text" and a.get("value")
            ):
                self.values.setdefault(name, []).append(a["value"])

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


def _shown_values(page: str) -> dict[str, list[str]]:
    parser = _FormValues()
    parser.feed(page)
    return parser.values


def _as_lists(form: dict) -> dict[str, list[str]]:
    return {k: sorted(v) if isinstance(v, list) else [v] for k, v in form.items()}


def test_home_lists_topics_with_quiz_facts(client, student_client, landing_quiz):
    page = student_client.get("/").get_data(as_text=True)
    assert "The Landing" in page
    assert "How the rover landed." in page
    assert "15 minutes" in page
    assert "3 of 3" in page  # attempts left


def test_anonymous_visitor_is_sent_to_login_to_start(client, landing_quiz):
    response = client.post(f"/quiz/{landing_quiz}/start")
    assert response.status_code == 302
    assert "/auth/login" in response.headers["Location"]


def test_student_takes_a_quiz_and_sees_full_marks_with_sources(app, student_client, practice_quiz):
    client = student_client
    attempt_id = _start(client, practice_quiz)
    items = _responses(app, attempt_id)
    assert len(items) == 7
    for item in items:
        page = client.get(f"/attempt/{attempt_id}/q/{item['position']}")
        assert page.status_code == 200
        response = client.post(
            f"/attempt/{attempt_id}/q/{item['position']}",
            data={**_correct_form(item), "nav": "next"},
        )
        assert response.status_code == 302, response.get_data(as_text=True)
    assert response.headers["Location"].endswith(f"/attempt/{attempt_id}/summary")
    summary = client.get(f"/attempt/{attempt_id}/summary").get_data(as_text=True)
    assert "All 7 questions are answered" in summary
    response = client.post(f"/attempt/{attempt_id}/submit", follow_redirects=True)
    page = response.get_data(as_text=True)
    assert "Score: 100%" in page
    assert page.count("Correct</span>") == 7
    assert "<mark>Mastcam-Z is a zoomable camera on the mast.</mark>" in page
    assert "Test rover lands</cite>, Test Press" in page
    # The whole article is never quoted: only the cited paragraph.
    assert "Related News" not in page


def _take_with_short_answer(app, client, slug, typed) -> tuple[int, str]:
    """Answer every question right except the short one, typed as given; submit; the results."""
    attempt_id = _start(client, slug)
    for item in _responses(app, attempt_id):
        form = {"answer": typed} if item["type"] == "short" else _correct_form(item)
        client.post(f"/attempt/{attempt_id}/q/{item['position']}", data=form)
    response = client.post(f"/attempt/{attempt_id}/submit", follow_redirects=True)
    return attempt_id, response.get_data(as_text=True)


def _short_review(page: str) -> str:
    """The results page's card for the short question ("In which crater did the rover land?")."""
    cards = re.findall(r"<section class=\"card mb-3\".*?</section>", page, re.S)
    return next(card for card in cards if "In which crater did the rover land?" in card)


def test_an_answer_restating_the_question_is_marked_correct(app, student_client, practice_quiz):
    typed = "The rover landed in Jezero Crater."
    attempt_id, page = _take_with_short_answer(app, student_client, practice_quiz, typed)
    assert "Score: 100%" in page
    card = _short_review(page)
    assert "Correct</span>" in card and typed in card
    with app.app_context():
        assert db.session.get(Attempt, attempt_id).score == 1.0


def test_a_different_answer_in_the_questions_words_is_marked_incorrect(
    app, student_client, practice_quiz
):
    typed = "Gale Crater, where the rover landed"
    _, page = _take_with_short_answer(app, student_client, practice_quiz, typed)
    assert "Score: 86%" in page
    assert "Incorrect</span>" in _short_review(page)


def test_navigation_saves_and_resumes_on_another_device(app, client, student, landing_quiz):
    client.post("/auth/login", data={"email": student["email"], "password": student["password"]})
    attempt_id = _start(client, landing_quiz)
    items = _responses(app, attempt_id)
    first = items[0]
    client.post(f"/attempt/{attempt_id}/q/1", data={**_correct_form(first), "nav": "3"})
    other_device = app.test_client()
    other_device.post(
        "/auth/login", data={"email": student["email"], "password": student["password"]}
    )
    assert _start(other_device, landing_quiz) == attempt_id
    assert _responses(app, attempt_id)[0]["answer"] is not None
    page = other_device.get(f"/attempt/{attempt_id}/q/1").get_data(as_text=True)
    assert _shown_values(page) == _as_lists(_correct_form(first))
    nav = other_device.get(f"/attempt/{attempt_id}/q/2").get_data(as_text=True)
    assert 'aria-label="Question 1, answered"' in nav
    assert 'aria-label="Question 2, not answered"' in nav


def test_autosave_stores_an_answer_without_navigation(app, student_client, landing_quiz):
    attempt_id = _start(student_client, landing_quiz)
    item = _responses(app, attempt_id)[0]
    response = student_client.post(f"/attempt/{attempt_id}/q/1/autosave", data=_correct_form(item))
    assert response.status_code == 200
    assert response.get_json() == {
        "saved": True,
        "position": 1,
        "answered_positions": [1],
        "answered_count": 1,
    }
    assert _responses(app, attempt_id)[0]["answer"] is not None


def test_invalid_answer_shows_an_error_and_saves_nothing(app, student_client, landing_quiz):
    attempt_id = _start(student_client, landing_quiz)
    numeric = next(i for i in _responses(app, attempt_id) if i["type"] == "numeric")
    url = f"/attempt/{attempt_id}/q/{numeric['position']}"
    response = student_client.post(url, data={"answer": "quite a few", "nav": "next"})
    assert response.status_code == 200
    assert "Enter a number" in response.get_data(as_text=True)
    autosave = student_client.post(url + "/autosave", data={"answer": "lots"})
    assert autosave.status_code == 422
    assert autosave.get_json()["saved"] is False
    assert next(i for i in _responses(app, attempt_id) if i["type"] == "numeric")["answer"] is None


def test_open_attempt_pages_never_reveal_answers(app, student_client, landing_quiz):
    attempt_id = _start(student_client, landing_quiz)
    items = _responses(app, attempt_id)
    pages = [student_client.get(f"/attempt/{attempt_id}/q/{i['position']}") for i in items]
    pages.append(student_client.get(f"/attempt/{attempt_id}/summary"))
    pages.append(student_client.get(f"/attempt/{attempt_id}/results", follow_redirects=True))
    pages.append(student_client.post(f"/attempt/{attempt_id}/q/1/autosave", data={}))
    for page in pages:
        text = page.get_data(as_text=True).lower()
        for marker in ("is_correct", "correct answer", "explanation", "jezero", "<mark>"):
            assert marker not in text
        assert ARTICLE_TEXT.splitlines()[3].lower() not in text  # no source sentence


def test_submitting_twice_is_polite(app, student_client, landing_quiz):
    attempt_id = _start(student_client, landing_quiz)
    first = student_client.post(f"/attempt/{attempt_id}/submit", follow_redirects=True)
    second = student_client.post(f"/attempt/{attempt_id}/submit", follow_redirects=True)
    assert first.status_code == second.status_code == 200
    assert "already submitted" in second.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Attempt, attempt_id).score == 0.0


def test_finished_attempt_cannot_be_answered(app, student_client, landing_quiz):
    attempt_id = _start(student_client, landing_quiz)
    student_client.post(f"/attempt/{attempt_id}/submit")
    response = student_client.post(f"/attempt/{attempt_id}/q/1", data={"nav": "next"})
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/attempt/{attempt_id}/results")
    autosave = student_client.post(f"/attempt/{attempt_id}/q/1/autosave", data={})
    assert autosave.status_code == 409


def test_another_students_attempt_is_not_found(app, client, student, other_student, landing_quiz):
    client.post("/auth/login", data={"email": student["email"], "password": student["password"]})
    attempt_id = _start(client, landing_quiz)
    intruder = app.test_client()
    intruder.post(
        "/auth/login",
        data={"email": other_student["email"], "password": other_student["password"]},
    )
    for method, url in [
        ("get", f"/attempt/{attempt_id}/q/1"),
        ("post", f"/attempt/{attempt_id}/q/1"),
        ("post", f"/attempt/{attempt_id}/q/1/autosave"),
        ("get", f"/attempt/{attempt_id}/summary"),
        ("post", f"/attempt/{attempt_id}/submit"),
        ("get", f"/attempt/{attempt_id}/results"),
    ]:
        assert getattr(intruder, method)(url).status_code == 404, url
    with app.app_context():
        assert db.session.get(Attempt, attempt_id).is_open


def test_my_results_shows_grades_and_history(app, student_client, landing_quiz):
    attempt_id = _start(student_client, landing_quiz)
    student_client.post(f"/attempt/{attempt_id}/submit")
    page = student_client.get("/results").get_data(as_text=True)
    assert "The Landing" in page
    assert "1 of 1 quizzes taken" in page
    assert f"/attempt/{attempt_id}/results" in page
    assert "0%" in page


def test_undeclared_fields_change_nothing(app, student_client, landing_quiz):
    attempt_id = _start(student_client, landing_quiz)
    student_client.post(
        f"/attempt/{attempt_id}/q/1", data={"score": "1", "state": "submitted", "nav": "next"}
    )
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        assert attempt.is_open and attempt.score is None


def test_time_limit_closes_the_attempt_with_saved_answers(app, student_client, landing_quiz):
    from datetime import timedelta

    attempt_id = _start(student_client, landing_quiz)
    item = _responses(app, attempt_id)[0]
    student_client.post(f"/attempt/{attempt_id}/q/1", data={**_correct_form(item), "nav": "2"})
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        attempt.deadline = attempt.started_at - timedelta(minutes=1)
        db.session.commit()
    late = _responses(app, attempt_id)[1]
    response = student_client.post(
        f"/attempt/{attempt_id}/q/2", data={**_correct_form(late), "nav": "next"}
    )
    assert response.headers["Location"].endswith(f"/attempt/{attempt_id}/results")
    page = student_client.get(f"/attempt/{attempt_id}/results").get_data(as_text=True)
    assert "Closed when time ran out" in page
    assert "Score: 14%" in page  # 1 of 7 answered in time


def test_question_count_follows_the_banks_a_quiz_draws_from(app, student_client):
    from quizapp.models import Quiz

    with app.app_context():
        make_bank(slug="bank-a")
        restricted_bank = make_bank(slug="bank-b", types=("mcq", "short"))
        make_quiz(slug="all-banks", title="All banks", draw_count=20)
        quiz = make_quiz(slug="one-bank", title="One bank", draw_count=20)
        quiz = db.session.get(Quiz, quiz.id)
        quiz.banks.append(restricted_bank)
        db.session.commit()
    for url, expected in (("/quiz/all-banks", 9), ("/quiz/one-bank", 2)):
        page = student_client.get(url).get_data(as_text=True)
        assert re.search(rf"<dt[^>]*>Questions</dt><dd[^>]*>{expected}</dd>", page), url


def test_late_autosave_after_the_time_is_up_says_so(app, student_client, landing_quiz):
    from datetime import timedelta

    attempt_id = _start(student_client, landing_quiz)
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        attempt.deadline = attempt.started_at - timedelta(minutes=1)
        db.session.commit()
    item = _responses(app, attempt_id)[0]
    for _ in range(2):  # the first request closes the attempt, the second finds it closed
        autosave = student_client.post(
            f"/attempt/{attempt_id}/q/1/autosave", data=_correct_form(item)
        )
        assert autosave.status_code == 409
        assert autosave.get_json()["message"].startswith("Time is up")
        assert "already submitted" not in autosave.get_json()["message"]
    assert _responses(app, attempt_id)[0]["answer"] is None


def test_autosave_when_the_database_cannot_write_says_what_happened(
    app, student_client, landing_quiz, monkeypatch
):
    import sqlite3

    from quizapp.quiz import routes

    attempt_id = _start(student_client, landing_quiz)
    item = _responses(app, attempt_id)[0]

    def read_only(*args, **kwargs):
        error = sqlite3.OperationalError("attempt to write a readonly database")
        raise sa.exc.OperationalError("UPDATE responses", {}, error)

    monkeypatch.setattr(routes, "store_answer", read_only)
    autosave = student_client.post(f"/attempt/{attempt_id}/q/1/autosave", data=_correct_form(item))
    assert autosave.status_code == 503
    body = autosave.get_json()
    assert body["saved"] is False and body["retry"] is True
    assert "cannot write" in body["message"] and "kept in this browser" in body["message"]
    assert "log in" not in body["message"].lower()


def test_ordering_review_lists_both_orders_and_marks_misplaced_items(app, student_client):
    with app.app_context():
        make_bank()
        make_quiz(slug="one-go", attempts_allowed=1)
    attempt_id = _start(student_client, "one-go")
    item = next(i for i in _responses(app, attempt_id) if i["type"] == "ordering")
    order = item["order"]
    # Put the items in reverse order: the last event first.
    size = len(order)
    answer = {f"position_{k}": str(size - original) for k, original in enumerate(order)}
    student_client.post(f"/attempt/{attempt_id}/q/{item['position']}", data=answer)
    student_client.post(f"/attempt/{attempt_id}/submit")
    page = student_client.get(f"/attempt/{attempt_id}/results").get_data(as_text=True)
    lists = re.findall(r'<ol class="order-list">(.*?)</ol>', page, re.S)
    assert len(lists) == 2
    yours, key = (
        [re.sub(r"\s+", " ", li).strip() for li in re.findall(r"<li[^>]*>(.*?)</li>", block, re.S)]
        for block in lists
    )
    assert key == ["heat shield fell away", "parachute opened", "rover lowered on cables"]
    assert yours[0].startswith("rover lowered on cables") and "(belongs at 3)" in yours[0]
    assert yours[1] == "parachute opened"
    assert "(belongs at 1)" in yours[2]
