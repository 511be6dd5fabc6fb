"""Results per assignment and per quiz: grades, attempts, time, late marks, one attempt."""

import csv
import io
from datetime import timedelta

import pytest

from quizapp.classes import assignments
from quizapp.extensions import db
from quizapp.models import Attempt, AttemptState, GradingMethod, LatePolicy, Quiz
from quizapp.models.base import utcnow
from quizapp.quiz.attempts import close_all_expired_attempts
from tests.classes.helpers import join, login, make_class, take
from tests.factories import CORRECT_ANSWERS, make_bank, make_quiz

ALL_RIGHT = CORRECT_ANSWERS
HALF_RIGHT = {key: CORRECT_ANSWERS[key] for key in ("q-mcq", "q-tf", "q-num")}


@pytest.fixture
def klass(app, client, teacher, make_student):
    """A class of three students with the teacher's quiz assigned, due tomorrow."""
    with app.app_context():
        make_bank()
        quiz_id = make_quiz(owner_id=teacher["id"]).id
    class_id = make_class(client, teacher["email"])
    students = {}
    for name in ("ann", "bob", "cat"):
        user_id, email = make_student(name)
        join(client, app, class_id, email)
        students[name] = user_id
    with app.app_context():
        assignment_id = assignments.create_assignment(
            class_id, quiz_id, None, utcnow() + timedelta(days=1), LatePolicy.ACCEPT_MARKED
        ).id
    login(client, teacher["email"])
    return {"class": class_id, "quiz": quiz_id, "assignment": assignment_id, **students}


def _table(client, url):
    page = client.get(url)
    assert page.status_code == 200
    return page.get_data(as_text=True)


def test_results_list_students_by_grade_with_attempts_and_late_marks(app, client, klass):
    take(app, klass["ann"], klass["quiz"], HALF_RIGHT)
    take(app, klass["ann"], klass["quiz"], ALL_RIGHT)
    take(app, klass["bob"], klass["quiz"], {}, now=utcnow() + timedelta(days=2))
    take(app, klass["bob"], klass["quiz"], ALL_RIGHT, preview=True)
    page = _table(client, f"/teach/results/assignments/{klass['assignment']}")
    assert "Grade: highest attempt" in page
    ann, bob, cat = page.index("Ann"), page.index("Bob"), page.index("Cat")
    assert ann < bob < cat
    ann_row = page[ann : page.index("</tr>", ann)]
    assert "100%" in ann_row and ">2<" in ann_row
    bob_row = page[bob : page.index("</tr>", bob)]
    assert "0%" in bob_row and ">1<" in bob_row and ">late<" in bob_row
    assert "not started" in page[cat : page.index("</tr>", cat)]


def test_grading_method_chooses_the_grade(app, client, klass):
    take(app, klass["ann"], klass["quiz"], ALL_RIGHT)
    take(app, klass["ann"], klass["quiz"], HALF_RIGHT)
    expected = {
        GradingMethod.HIGHEST: "100%",
        GradingMethod.LAST: "43%",
        GradingMethod.FIRST: "100%",
        GradingMethod.AVERAGE: "71%",
    }
    for method, grade in expected.items():
        with app.app_context():
            db.session.get(Quiz, klass["quiz"]).grading_method = method
            db.session.commit()
        page = _table(client, f"/teach/results/quizzes/{klass['quiz']}")
        row = page[page.index("Ann") : page.index("</tr>", page.index("Ann"))]
        assert grade in row, method


def test_an_attempt_left_open_past_its_deadline_counts_as_timed_out(app, client, klass):
    with app.app_context():
        db.session.get(Quiz, klass["quiz"]).time_limit_seconds = 60
        db.session.commit()
    started = utcnow() - timedelta(hours=1)
    attempt_id = take(app, klass["ann"], klass["quiz"], ALL_RIGHT, now=started, submit=False)
    page = _table(client, f"/teach/results/assignments/{klass['assignment']}")
    row = page[page.index("Ann") : page.index("</tr>", page.index("Ann"))]
    assert "100%" in row and "timed out" in row and "1:00" in row
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        assert attempt.state == AttemptState.TIMED_OUT
        assert attempt.submitted_at == attempt.deadline


def test_the_job_consumer_closes_expired_attempts_nobody_looked_at(app, klass):
    with app.app_context():
        db.session.get(Quiz, klass["quiz"]).time_limit_seconds = 60
        db.session.commit()
    expired = take(
        app,
        klass["ann"],
        klass["quiz"],
        HALF_RIGHT,
        submit=False,
        now=utcnow() - timedelta(minutes=5),
    )
    running = take(app, klass["bob"], klass["quiz"], HALF_RIGHT, submit=False)
    with app.app_context():
        close_all_expired_attempts()
        states = {
            attempt_id: db.session.get(Attempt, attempt_id).state
            for attempt_id in (expired, running)
        }
    assert states == {expired: AttemptState.TIMED_OUT, running: AttemptState.OPEN}


def test_teacher_opens_a_students_attempt_with_answers_and_sources(app, client, klass):
    attempt_id = take(app, klass["ann"], klass["quiz"], {"q-mcq": 0, "q-short": "Gale crater"})
    page = _table(client, f"/teach/results/attempts/{attempt_id}")
    assert "Ann: The Landing, attempt 1" in page
    assert "Gale crater" in page and "Hazcam" in page
    assert "<mark>Mastcam-Z is a zoomable camera on the mast.</mark>" in page


def test_results_are_private_to_the_teacher(app, client, klass, other_teacher):
    attempt_id = take(app, klass["ann"], klass["quiz"], ALL_RIGHT)
    login(client, other_teacher["email"])
    for url in (
        f"/teach/results/assignments/{klass['assignment']}",
        f"/teach/results/assignments/{klass['assignment']}.csv",
        f"/teach/results/assignments/{klass['assignment']}/analysis",
        f"/teach/results/assignments/{klass['assignment']}/analysis.csv",
        f"/teach/results/quizzes/{klass['quiz']}",
        f"/teach/results/quizzes/{klass['quiz']}.csv",
        f"/teach/results/quizzes/{klass['quiz']}/analysis",
        f"/teach/results/quizzes/{klass['quiz']}/analysis.csv",
        f"/teach/results/attempts/{attempt_id}",
    ):
        assert client.get(url).status_code == 404, url


def test_results_csv_is_spreadsheet_safe(app, client, klass, make_student):
    user_id, email = make_student("mallory")
    with app.app_context():
        from quizapp.models import User

        db.session.get(User, user_id).display_name = '=HYPERLINK("http://x")'
        db.session.commit()
    join(client, app, klass["class"], email)
    take(app, user_id, klass["quiz"], HALF_RIGHT)
    login(client, "teacher@example.org")
    response = client.get(f"/teach/results/assignments/{klass['assignment']}.csv")
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    text = response.get_data(as_text=True)
    assert text.startswith("\ufeffStudent,")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[0][:3] == ["Student", "Email", "Grade (%)"]
    mallory = next(row for row in rows if "mallory" in row[1])
    assert mallory[0] == '\'=HYPERLINK("http://x")'
    assert mallory[2] == "42.9"
    assert len(rows) == 5  # header, Mallory and the three others (not started)


def test_results_come_in_pages_best_first(app, client, klass, monkeypatch):
    monkeypatch.setattr("quizapp.teach.results.PAGE_SIZE", 2)
    take(app, klass["bob"], klass["quiz"], ALL_RIGHT)
    take(app, klass["cat"], klass["quiz"], HALF_RIGHT)
    url = f"/teach/results/assignments/{klass['assignment']}"
    first = _table(client, url)
    assert "Page 1 of 2" in first and "Bob" in first and "Cat" in first
    assert "Ann" not in first
    second = _table(client, url + "?page=2")
    assert "Page 2 of 2" in second and "Ann" in second and "Bob" not in second
    assert "Page 2 of 2" in _table(client, url + "?page=99")
    assert "Page 1 of 2" in _table(client, url + "?page=nonsense")
