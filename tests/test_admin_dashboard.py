"""The admin dashboard: people, review queue, activity and score charts, hard questions."""

import re
from datetime import timedelta

import pytest
import sqlalchemy as sa

from quizapp.admin import charts, site_stats
from quizapp.extensions import db
from quizapp.models import (
    Challenge,
    ChallengeReason,
    Question,
    QuestionStatus,
    QuestionVersion,
    Response,
    Role,
)
from quizapp.models.base import utcnow
from tests.admin_helpers import add_attempt, login, make_user, recalculate
from tests.factories import make_bank, make_quiz
from tests.test_query_counts import count_queries


@pytest.fixture
def admin_client(app, admin):
    client = app.test_client()
    login(client, admin["email"])
    return client


def _versions(slug="test-bank") -> dict[str, int]:
    rows = db.session.execute(
        sa.select(Question.key, QuestionVersion.id)
        .join(QuestionVersion, QuestionVersion.question_id == Question.id)
        .join(Question.bank)
        .where(Question.bank.has(slug=slug))
    )
    return dict(rows.all())


def _class_history(app, students: int, bank_slug="test-bank", quiz_slug="landing-quiz"):
    """``students`` students each finish one attempt: q-mcq is hard, q-tf easy."""
    with app.app_context():
        make_bank(slug=bank_slug)
        quiz_id = make_quiz(slug=quiz_slug).id
        versions = _versions(bank_slug)
    for number in range(students):
        user_id = make_user(app, f"{quiz_slug}-s{number}@example.org")
        strong = number % 2 == 0
        with app.app_context():
            add_attempt(
                user_id,
                quiz_id,
                1,
                {
                    versions["q-mcq"]: 1.0 if strong and number % 4 == 0 else 0.0,
                    versions["q-tf"]: 1.0,
                    versions["q-short"]: 1.0 if strong else 0.0,
                },
                started_at=utcnow() - timedelta(days=number % 3),
            )
    recalculate(app)
    return quiz_id, versions


def test_dashboard_shows_people_and_the_review_queue(app, admin_client, student, teacher):
    _class_history(app, 6)
    with app.app_context():
        question = db.session.scalar(sa.select(Question).where(Question.key == "q-order"))
        question.status = QuestionStatus.DRAFT
        response = db.session.scalars(sa.select(Response)).first()
        db.session.add(
            Challenge(
                response_id=response.id,
                user_id=student["id"],
                question_id=question.id,
                question_version_id=response.question_version_id,
                reason=ChallengeReason.UNCLEAR,
            )
        )
        db.session.commit()
    page = admin_client.get("/admin/").get_data(as_text=True)
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))
    assert "Students 6 active in the last 30 days, of 7 accounts" in text
    assert "Teachers 0 active in the last 30 days, of 1 account" in text
    assert "Admins 1 active" in text
    assert "1 draft question waiting for review" in text
    assert "1 open challenge from students" in text


def test_dashboard_charts_are_accessible_svg_with_data_tables(app, admin_client):
    _class_history(app, 8)
    page = admin_client.get("/admin/").get_data(as_text=True)
    svgs = re.findall(r"<svg[^>]*>.*?</svg>", page, re.S)
    assert len(svgs) == 2  # attempts per day, one quiz's scores
    for svg in svgs:
        assert 'role="img"' in svg and "<title id=" in svg and "<desc id=" in svg
    assert "<script" not in page.split("<footer")[0].split("<main")[1]
    tables = re.findall(r'<table class="visually-hidden">.*?</table>', page, re.S)
    assert len(tables) == 2
    assert '<th scope="row">90–100%</th><td>2</td>' in tables[1]
    assert '<th scope="row">30–39%</th><td>4</td>' in tables[1]
    assert "8 attempts in 42 days" in page


def test_attempts_per_day_counts_each_day_and_ignores_previews(app, admin):
    quiz_id, versions = _class_history(app, 6)
    with app.app_context():
        add_attempt(admin["id"], quiz_id, 1, {versions["q-tf"]: 1.0}, preview=True)
        days = site_stats.attempts_per_day()
    assert len(days) == 42
    assert [n for _, n in days[-3:]] == [2, 2, 2]
    assert sum(n for _, n in days) == 6


def test_hardest_questions_rank_by_facility_and_ignore_previews(app, admin_client, admin):
    quiz_id, versions = _class_history(app, 8)
    with app.app_context():
        for number in range(1, 20):
            add_attempt(admin["id"], quiz_id, number, {versions["q-tf"]: 0.0}, preview=True)
    recalculate(app)
    page = admin_client.get("/admin/").get_data(as_text=True)
    hardest = page.split('id="hardest-heading"')[1].split("</table>")[0]
    rows = re.findall(r"<tr>\s*<td><a[^>]*>([^<]+)</a></td>\s*<td[^>]*>(\d+)%", hardest)
    assert rows == [
        ("Which camera on the mast can zoom?", "25"),
        ("In which crater did the rover land?", "50"),
        ("SuperCam fires a laser at rocks.", "100"),
    ]


def test_score_histogram_puts_a_perfect_score_in_the_top_band(app, admin):
    with app.app_context():
        make_bank()
        quiz_id = make_quiz().id
        versions = _versions()
        for number, score in enumerate([0.0, 0.1, 0.95, 1.0], start=1):
            add_attempt(admin["id"], quiz_id, number, {versions["q-tf"]: score})
        (quiz,) = site_stats.score_distributions()
    assert quiz.bins == [1, 1, 0, 0, 0, 0, 0, 0, 0, 2]


def test_empty_site_dashboard_renders(admin_client):
    page = admin_client.get("/admin/").get_data(as_text=True)
    assert "No finished attempts yet." in page and "Not enough answers yet." in page
    assert "Figures have not been calculated yet." in page


def test_dashboard_query_count_does_not_grow_with_data(app, admin_client):
    counts = []
    for round_number, students in enumerate((3, 12)):
        _class_history(app, students, f"bank-{round_number}", f"quiz-{round_number}")
        with count_queries(app) as statements:
            assert admin_client.get("/admin/").status_code == 200
        counts.append(len(statements))
    assert counts[0] == counts[1] <= 12


def test_chart_scale_rounds_up_to_a_readable_number():
    assert [charts.nice_ceiling(v) for v in (0, 0.3, 7, 10, 11, 480, 1200)] == [
        1,
        0.5,
        10,
        10,
        20,
        500,
        2000,
    ]


def test_chart_bars_are_as_tall_as_their_values():
    chart = charts.column_chart("c", "T", "D", ["a", "b"], [5, 10], headers=("x", "y"))
    assert chart.bars[1].height == pytest.approx(2 * chart.bars[0].height)
    assert chart.bars[1].y + chart.bars[1].height == pytest.approx(chart.baseline)


def test_roles_are_counted_even_when_nobody_has_one(app):
    with app.app_context():
        assert [(c.role, c.accounts) for c in site_stats.people()] == [
            (Role.STUDENT, 0),
            (Role.TEACHER, 0),
            (Role.ADMIN, 0),
        ]


def test_chart_labels_are_compact_but_tables_exact():
    assert [charts.compact(v) for v in (0, 950, 1000, 1234, 12345, 3_400_000)] == [
        "0",
        "950",
        "1k",
        "1.2k",
        "12k",
        "3.4M",
    ]
    chart = charts.column_chart("c", "T", "D", ["a"], [12345], headers=("x", "y"))
    assert chart.bars[0].value_text == "12k" and chart.table_rows == [("a", "12,345")]


def test_dashboard_shows_stored_figures_until_recalculated(app, admin_client):
    _class_history(app, 4)
    make_user(app, "late@example.org")
    page = admin_client.get("/admin/").get_data(as_text=True)
    assert "of 4 accounts" in page and "Figures as of" in page
    admin_client.post("/admin/statistics/recalculate", query_string={"next": "/admin/"})
    assert "of 5 accounts" in admin_client.get("/admin/").get_data(as_text=True)
