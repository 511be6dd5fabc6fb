"""What a student sees around the quizzes: the site frame, the home page, quiz availability."""

from datetime import timedelta

import pytest

from quizapp.models.base import utcnow
from tests.factories import make_bank, make_quiz


@pytest.fixture
def bank(app):
    with app.app_context():
        make_bank()


def test_the_site_icon_is_served_where_browsers_ask_for_it(client):
    with client.get("/favicon.ico") as response:
        assert response.status_code == 200
        assert response.mimetype == "image/vnd.microsoft.icon"
        assert response.data[:4] == b"\x00\x00\x01\x00"  # an ICO file header
    page = client.get("/").get_data(as_text=True)
    assert 'rel="icon"' in page
    with client.get("/static/img/favicon.svg") as response:
        assert response.status_code == 200


def test_the_menu_button_works_without_javascript(client):
    page = client.get("/").get_data(as_text=True)
    assert '<a class="navbar-toggler" href="#main-nav"' in page
    assert 'id="main-nav"' in page
    with client.get("/static/css/quizapp.css") as response:
        assert ".navbar-collapse:target" in response.get_data(as_text=True)


def test_the_user_menu_links_to_the_password_change_page(student_client):
    page = student_client.get("/").get_data(as_text=True)
    assert 'href="/auth/password"' in page
    assert "Change password" in page
    assert student_client.get("/auth/password").status_code == 200


def test_the_current_area_is_marked_in_the_navigation(student_client):
    page = student_client.get("/results").get_data(as_text=True)
    assert 'href="/results" aria-current="page"' in page


def test_home_page_explains_the_quizzes_and_offers_each_one(client, bank, app):
    with app.app_context():
        make_quiz(title="The Landing", time_limit_seconds=900)
    page = client.get("/").get_data(as_text=True)
    assert "How Perseverance landed on Mars" in page
    assert "Register to keep your scores" in page
    assert "Take the quiz" in page


@pytest.mark.parametrize(
    ("opens", "closes", "message"),
    [
        (None, -timedelta(minutes=1), "This quiz has closed."),
        (timedelta(days=2), None, "This quiz opens on"),
    ],
)
def test_a_quiz_that_cannot_be_started_shows_no_start_button(
    app, student_client, client, bank, opens, closes, message
):
    now = utcnow()
    with app.app_context():
        make_quiz(
            slug="timed",
            opens_at=now + opens if opens else None,
            closes_at=now + closes if closes else None,
        )
    for who in (student_client, client):
        detail = who.get("/quiz/timed").get_data(as_text=True)
        assert message in detail
        assert "Start the quiz" not in detail and "Log in to take this quiz" not in detail
        home = who.get("/").get_data(as_text=True)
        assert message in home
        assert "Take the quiz" not in home


def test_an_open_quiz_with_a_closing_date_says_when_it_closes(app, student_client, bank):
    with app.app_context():
        make_quiz(slug="soon", closes_at=utcnow() + timedelta(days=1))
    page = student_client.get("/quiz/soon").get_data(as_text=True)
    assert "Closes" in page
    assert "Start the quiz" in page
