"""Item statistics by generator rule and by source article."""

import csv
import io
import math

import pytest
import sqlalchemy as sa

from quizapp.admin import item_analysis, item_stats, recalculation
from quizapp.admin.item_stats import Grouping
from quizapp.extensions import db
from quizapp.models import (
    Challenge,
    ChallengeReason,
    ItemStatistic,
    Question,
    QuestionVersion,
    Response,
    ReviewAction,
    ReviewDecision,
)
from tests.admin_helpers import add_attempt, login, make_user, recalculate
from tests.factories import make_bank, make_quiz
from tests.test_query_counts import count_queries


@pytest.fixture
def admin_client(app, admin):
    client = app.test_client()
    login(client, admin["email"])
    return client


def _set_rules(rules: dict[str, str]) -> dict[str, int]:
    versions = {}
    for key, version in db.session.execute(
        sa.select(Question.key, QuestionVersion).join(QuestionVersion.question)
    ):
        version.rule = rules.get(key, "other.rule")
        versions[key] = version.id
    db.session.commit()
    return versions


def _history(app, students: int = 8, slug: str = "test-bank", quiz: str = "landing-quiz"):
    """Strong students (even numbers) get q-mcq right, weak ones wrong; q-tf everyone right;
    q-short is right for the weak ones only (a question that discriminates backwards)."""
    with app.app_context():
        make_bank(slug=slug)
        quiz_id = make_quiz(slug=quiz).id
        versions = _set_rules({"q-mcq": "names.camera", "q-tf": "tf.plain", "q-short": "tf.plain"})
    for number in range(students):
        user_id = make_user(app, f"{quiz}-{number}@example.org")
        strong = number % 2 == 0
        with app.app_context():
            add_attempt(
                user_id,
                quiz_id,
                1,
                {
                    versions["q-mcq"]: 1.0 if strong else 0.0,
                    versions["q-tf"]: 1.0,
                    versions["q-short"]: 0.0 if strong else 1.0,
                    versions["q-num"]: 1.0 if strong else 0.0,
                },
            )
    recalculate(app)
    return quiz_id, versions


def test_moments_give_facility_and_point_biserial_discrimination():
    moments = item_analysis.Moments()
    item, total = [1, 1, 0, 0, 1], [0.9, 0.8, 0.3, 0.5, 0.4]
    for x, y in zip(item, total, strict=True):
        moments.add(item_analysis.Moments(1, x, y, x * y, x * x, y * y))
    mean_x, mean_y = sum(item) / 5, sum(total) / 5
    cov = sum((x - mean_x) * (y - mean_y) for x, y in zip(item, total, strict=True))
    sd = math.sqrt(sum((x - mean_x) ** 2 for x in item) * sum((y - mean_y) ** 2 for y in total))
    assert moments.facility == pytest.approx(0.6)
    assert moments.discrimination == pytest.approx(cov / sd)


def test_too_few_answers_or_no_spread_give_no_figure():
    few = item_analysis.Moments(4, 2, 2, 1, 2, 1)
    assert few.facility is None and few.discrimination is None
    flat = item_analysis.Moments(5, 5, 3, 3, 5, 2)
    assert flat.facility == 1 and flat.discrimination is None


def test_rule_statistics_from_real_attempts_only(app, admin):
    quiz_id, versions = _history(app)
    with app.app_context():
        for number in range(2, 30):
            add_attempt(admin["id"], quiz_id, number, {versions["q-mcq"]: 1.0}, preview=True)
        recalculation.recalculate()
        groups = {g.key: g for g in item_stats.group_stats(Grouping.RULE)}
    camera, plain = groups["names.camera"], groups["tf.plain"]
    assert camera.answers == 8 and camera.facility == pytest.approx(0.5)
    assert camera.discrimination == pytest.approx(1.0)
    assert plain.answers == 16
    # q-tf has no spread (no discrimination); q-short discriminates backwards.
    assert plain.facility == pytest.approx(0.75)
    assert plain.discrimination == pytest.approx(-1.0)
    assert camera.in_use == 1 and plain.in_use == 2 and groups["other.rule"].in_use == 4


def test_challenge_and_rejection_shares(app, admin, student):
    _quiz_id, versions = _history(app, students=4)
    with app.app_context():
        response = db.session.scalar(
            sa.select(Response).where(Response.question_version_id == versions["q-mcq"])
        )
        question_id = db.session.get(QuestionVersion, versions["q-mcq"]).question_id
        db.session.add(
            Challenge(
                response_id=response.id,
                user_id=student["id"],
                question_id=question_id,
                question_version_id=versions["q-mcq"],
                reason=ChallengeReason.KEY_WRONG,
            )
        )
        for action in (ReviewAction.APPROVED, ReviewAction.REJECTED, ReviewAction.REJECTED):
            db.session.add(
                ReviewDecision(
                    question_id=question_id, version_number=1, action=action, rule="names.camera"
                )
            )
        db.session.commit()
        groups = {g.key: g for g in item_stats.group_stats(Grouping.RULE)}
    assert groups["names.camera"].challenges == pytest.approx(1 / 4)
    assert groups["names.camera"].rejections == pytest.approx(2 / 3)
    assert groups["tf.plain"].rejections is None


def test_statistics_page_sorts_and_links_to_the_questions(app, admin_client):
    _history(app)
    page = admin_client.get("/admin/statistics?by=rule&sort=facility&order=asc").get_data(
        as_text=True
    )
    order = [page.index(rule) for rule in ("names.camera", "tf.plain")]
    assert order == sorted(order)
    assert 'aria-sort="ascending"' in page
    page = admin_client.get("/admin/statistics?by=rule&sort=facility&order=desc").get_data(
        as_text=True
    )
    assert page.index("tf.plain") < page.index("names.camera")
    assert "/admin/statistics/questions?by=rule&amp;key=names.camera" in page
    detail = admin_client.get("/admin/statistics/questions?by=rule&key=tf.plain")
    text = detail.get_data(as_text=True)
    assert "SuperCam fires a laser at rocks." in text and "In which crater" in text
    assert "Which camera" not in text
    assert admin_client.get("/admin/statistics/questions?by=rule&key=nope").status_code == 404
    assert admin_client.get("/admin/statistics?by=colour").status_code == 404
    assert admin_client.get("/admin/statistics?sort=__class__").status_code == 200


def test_statistics_by_article_names_the_article(app, admin_client):
    _history(app)
    page = admin_client.get("/admin/statistics?by=article").get_data(as_text=True)
    assert "Test rover lands" in page
    with app.app_context():
        article_id = db.session.scalar(sa.select(QuestionVersion.article_id).limit(1))
    detail = admin_client.get(f"/admin/statistics/questions?by=article&key={article_id}")
    assert "Article: Test rover lands" in detail.get_data(as_text=True)


def test_statistics_csv_is_formula_safe(app, admin_client):
    _history(app)
    with app.app_context():
        db.session.execute(
            sa.update(QuestionVersion)
            .where(QuestionVersion.rule == "other.rule")
            .values(rule="=HYPERLINK(1)")
        )
        db.session.commit()
    response = admin_client.get("/admin/statistics.csv?by=rule")
    assert response.headers["Content-Disposition"].endswith('by-rule.csv"')
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert rows[0][0] == "group" and rows[0][4] == "mean facility"
    by_key = {row[1]: row for row in rows[1:]}
    assert by_key["'=HYPERLINK(1)"][0] == "'=HYPERLINK(1)"
    assert by_key["names.camera"][3:5] == ["8", "0.5"]


def test_statistics_pages_query_count_does_not_grow_with_data(app, admin_client):
    counts = {"/admin/statistics?by=rule": [], "/admin/statistics?by=article": []}
    counts["/admin/statistics/questions?by=rule&key=tf.plain"] = []
    for round_number, students in enumerate((3, 12)):
        _history(app, students, f"bank-{round_number}", f"quiz-{round_number}")
        for url, found in counts.items():
            with count_queries(app) as statements:
                assert admin_client.get(url).status_code == 200, url
            found.append(len(statements))
    for url, (small, large) in counts.items():
        assert small == large <= 10, url


def test_pages_show_stored_figures_until_recalculated(app, admin_client, admin):
    quiz_id, versions = _history(app)
    page = admin_client.get("/admin/statistics").get_data(as_text=True)
    assert "Figures as of" in page
    for number in range(2, 12):
        with app.app_context():
            add_attempt(admin["id"], quiz_id, number, {versions["q-mcq"]: 1.0})
    stale = admin_client.get("/admin/statistics?by=rule").get_data(as_text=True)
    assert ">8</td>" in stale.split(">names.camera</a>")[1].split("</tr>")[0]
    response = admin_client.post(
        "/admin/statistics/recalculate", query_string={"next": "/admin/statistics?by=rule"}
    )
    assert response.location == "/admin/statistics?by=rule"
    fresh = admin_client.get("/admin/statistics?by=rule").get_data(as_text=True)
    assert ">18</td>" in fresh.split(">names.camera</a>")[1].split("</tr>")[0]


def test_recalculation_runs_every_five_minutes_in_the_job_consumer():
    from quizapp import jobs

    schedule, function = jobs.PERIODIC["recalculate_admin_figures"]
    assert schedule == {"minute": "*/5"} and function is recalculation.recalculate_periodically


def test_parallel_recalculations_leave_one_consistent_set(app):
    import threading

    _history(app)
    barrier = threading.Barrier(3)
    errors = []

    def run():
        with app.app_context():
            barrier.wait()
            try:
                recalculation.recalculate()
            except Exception as error:  # noqa: BLE001 - any failure fails the test
                errors.append(error)

    threads = [threading.Thread(target=run) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(ItemStatistic.question_version_id))) == 4


def test_nothing_calculated_yet_says_so(admin_client):
    page = admin_client.get("/admin/statistics").get_data(as_text=True)
    assert "Figures have not been calculated yet." in page
