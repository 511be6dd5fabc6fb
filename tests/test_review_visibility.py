"""What the review of a finished attempt shows, and when: review options and shared pools."""

import re
from datetime import timedelta
from html import escape

import pytest
import sqlalchemy as sa

from quizapp.extensions import db
from quizapp.models import Attempt, QuestionVersion, Quiz, ReviewMoment
from quizapp.models.base import utcnow
from quizapp.models.quiz import IMMEDIATE_WINDOW
from quizapp.questiontypes import get_type
from tests.factories import make_bank, make_quiz

ALWAYS = ReviewMoment.ALWAYS
AFTER_CLOSE = ReviewMoment.AFTER_CLOSE


def _start(client, slug):
    response = client.post(f"/quiz/{slug}/start")
    assert response.status_code == 302, response.get_data(as_text=True)
    return int(re.search(r"/attempt/(\d+)/q/1$", response.headers["Location"]).group(1))


def _submit_empty(client, slug) -> str:
    """Start and submit an attempt without answering; the results page's HTML."""
    attempt_id = _start(client, slug)
    client.post(f"/attempt/{attempt_id}/submit")
    return client.get(f"/attempt/{attempt_id}/results").get_data(as_text=True)


def _keys(app) -> set[str]:
    """How each published question's correct answer is printed on a review page."""
    with app.app_context():
        versions = db.session.scalars(sa.select(QuestionVersion)).all()
        return {
            '<dt class="col-sm-3">Correct answer</dt><dd class="col-sm-9">' + _key_html(v) + "</dd>"
            for v in versions
        }


def _key_html(version) -> str:
    """A key as the review prints it: an ordering key as a numbered list, others as text."""
    if version.type == "ordering":
        items = "".join(f"<li>{escape(item)}</li>" for item in version.data["items"])
        return f'<ol class="order-list">{items}</ol>'
    return str(escape(get_type(version.type).describe_correct(version.data)))


def _revealed(app, page: str) -> int:
    return sum(key in page for key in _keys(app))


def _shift_submission(app, slug, delta: timedelta) -> None:
    with app.app_context():
        for attempt in db.session.scalars(sa.select(Attempt).join(Quiz).where(Quiz.slug == slug)):
            attempt.started_at -= delta
            attempt.submitted_at -= delta
        db.session.commit()


@pytest.fixture
def shared_pool(app):
    """A graded quiz (2 attempts) and a practice quiz (unlimited) over one pool of 7."""
    with app.app_context():
        make_bank()
        make_quiz(slug="graded", title="Graded landing", attempts_allowed=2)
        make_quiz(slug="practice", title="Practice", draw_count=5)


def test_practice_quiz_never_reveals_keys_a_graded_quiz_can_still_ask(
    app, student_client, shared_pool
):
    for _ in range(8):
        page = _submit_empty(student_client, "practice")
        assert _revealed(app, page) == 0
        assert "Hidden while “Graded landing” can still ask you this question." in page
        assert "<mark>" not in page  # the cited sentence gives the answer away too
        assert "Incorrect</span>" not in page  # so would each question's verdict
        assert "Score: 0%" in page  # the total score stays visible


def test_graded_quiz_review_hides_keys_until_its_attempts_are_used(
    app, student_client, shared_pool
):
    first = _submit_empty(student_client, "graded")
    assert "Score: 0%" in first
    assert _revealed(app, first) == 0
    last = _submit_empty(student_client, "graded")
    assert _revealed(app, last) == 7
    assert "<mark>" in last and "Incorrect</span>" in last
    # With the graded attempts used, practice shows its keys again.
    assert _revealed(app, _submit_empty(student_client, "practice")) == 5


def test_closed_graded_quiz_no_longer_holds_keys_back(app, student_client, shared_pool):
    with app.app_context():
        graded = db.session.scalar(sa.select(Quiz).where(Quiz.slug == "graded"))
        graded.opens_at = utcnow() - timedelta(days=2)
        graded.closes_at = utcnow() - timedelta(days=1)
        db.session.commit()
    assert _revealed(app, _submit_empty(student_client, "practice")) == 5


def test_graded_quiz_drawing_from_other_banks_does_not_hold_keys_back(app, student_client):
    with app.app_context():
        practice_bank = make_bank()
        graded_bank = make_bank(slug="other-bank")
        make_quiz(slug="graded", attempts_allowed=2).banks = [graded_bank]
        make_quiz(slug="practice", draw_count=3).banks = [practice_bank]
        db.session.commit()
    page = _submit_empty(student_client, "practice")
    assert _revealed(app, page) == 3
    assert "Hidden while" not in page


def test_another_students_used_attempts_do_not_unlock_keys(app, client, student, shared_pool):
    from quizapp.auth.services import create_user

    with app.app_context():
        create_user("other@example.org", "another long passphrase", "Other")
    client.post(
        "/auth/login", data={"email": "other@example.org", "password": "another long passphrase"}
    )
    _submit_empty(client, "graded")
    _submit_empty(client, "graded")
    client.post("/auth/logout")
    client.post("/auth/login", data={"email": student["email"], "password": student["password"]})
    assert _revealed(app, _submit_empty(client, "practice")) == 0


@pytest.mark.parametrize(
    ("options", "shown_now", "shown_later", "shown_after_close"),
    [
        # The old "after_submit".
        ({}, True, True, True),
        # The old "after_close".
        ({"review_correct": AFTER_CLOSE, "review_feedback": AFTER_CLOSE}, False, False, True),
        # The old "never".
        ({"review_correct": ReviewMoment.NONE}, False, False, False),
        # Right after the attempt only.
        ({"review_correct": ReviewMoment.IMMEDIATELY}, True, False, False),
        ({"review_correct": ReviewMoment.LATER_WHILE_OPEN}, False, True, False),
    ],
)
def test_review_options_show_correct_answers_at_their_moments(
    app, student_client, options, shown_now, shown_later, shown_after_close
):
    with app.app_context():
        make_bank()
        make_quiz(slug="timed-review", closes_at=utcnow() + timedelta(days=1), **options)
    attempt_id = _start(student_client, "timed-review")
    student_client.post(f"/attempt/{attempt_id}/submit")

    def revealed():
        page = student_client.get(f"/attempt/{attempt_id}/results").get_data(as_text=True)
        assert "Score: 0%" in page
        return _revealed(app, page) == 7

    assert revealed() is shown_now
    _shift_submission(app, "timed-review", IMMEDIATE_WINDOW + timedelta(seconds=5))
    assert revealed() is shown_later
    with app.app_context():
        quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == "timed-review"))
        quiz.opens_at = utcnow() - timedelta(days=3)
        quiz.closes_at = utcnow() - timedelta(seconds=1)
        db.session.commit()
    assert revealed() is shown_after_close


def test_score_and_answers_hidden_when_the_options_say_so(app, student_client):
    with app.app_context():
        make_bank()
        make_quiz(
            slug="secret",
            review_score=AFTER_CLOSE,
            review_answers=ReviewMoment.NONE,
            review_correct=ReviewMoment.NONE,
            review_feedback=ReviewMoment.NONE,
        )
    page = _submit_empty(student_client, "secret")
    assert "Score:" not in page
    assert "This quiz does not show scores." in page
    assert "Your answer</dt>" not in page and "Correct answer" not in page
    assert "This quiz does not show the correct answers." in page


def test_own_answers_without_keys(app, student_client):
    with app.app_context():
        make_bank()
        make_quiz(
            slug="answers-only",
            review_correct=ReviewMoment.NONE,
            review_feedback=ReviewMoment.NONE,
            review_score=ReviewMoment.NONE,
        )
    page = _submit_empty(student_client, "answers-only")
    assert page.count("Your answer</dt>") == 7
    assert _revealed(app, page) == 0 and "<mark>" not in page
    assert "Incorrect</span>" not in page and "Score:" not in page


def test_grade_lists_keep_a_hidden_score_hidden_until_the_options_show_it(app, student_client):
    with app.app_context():
        make_bank()
        make_quiz(slug="graded-later", review_score=AFTER_CLOSE)
        db.session.scalar(sa.select(Quiz).where(Quiz.slug == "graded-later")).closes_at = (
            utcnow() + timedelta(days=1)
        )
        db.session.commit()
    attempt_id = _start(student_client, "graded-later")
    student_client.post(f"/attempt/{attempt_id}/submit")
    with app.app_context():
        db.session.get(Attempt, attempt_id).score = 0.75
        db.session.commit()
    pages = ("/", "/quiz/graded-later", "/results")

    def shown(url: str) -> str:
        page = student_client.get(url)
        assert page.status_code == 200, url
        return page.get_data(as_text=True)

    for url in pages:
        assert "75%" not in shown(url), url
    assert "Not shown yet" in shown("/quiz/graded-later")
    assert "Not shown yet" in shown("/results")
    with app.app_context():
        db.session.scalar(sa.select(Quiz).where(Quiz.slug == "graded-later")).closes_at = (
            utcnow() - timedelta(seconds=1)
        )
        db.session.commit()
    assert "75%" in shown("/quiz/graded-later") and "75%" in shown("/results")
