"""Quizzes given to classes: windows, late work and per-student adjustments, on the server."""

import random
import re
from datetime import timedelta

import pytest
import sqlalchemy as sa

from quizapp.classes import assignments
from quizapp.extensions import db
from quizapp.models import (
    Assignment,
    AssignmentAdjustment,
    Attempt,
    LatePolicy,
    Quiz,
    ReviewMoment,
    User,
)
from quizapp.models.base import utcnow
from quizapp.quiz.attempts import NoAttemptsLeft, QuizUnavailable, start_attempt, submit_attempt
from tests.classes.helpers import assign, form_time, join, login, make_class
from tests.factories import make_bank, make_quiz


@pytest.fixture
def setup(app, client, teacher, make_student):
    """A class with one student and a timed, two-attempt quiz."""
    with app.app_context():
        make_bank()
        quiz_id = make_quiz(time_limit_seconds=600, attempts_allowed=2).id
    class_id = make_class(client, teacher["email"])
    ann_id, ann = make_student("ann")
    join(client, app, class_id, ann)
    login(client, teacher["email"])
    return {"class": class_id, "quiz": quiz_id, "ann": ann_id, "ann_email": ann}


def _assignment(app, class_id, quiz_id, **values):
    with app.app_context():
        return assignments.create_assignment(
            class_id,
            quiz_id,
            values.get("opens_at"),
            values.get("due_at"),
            values.get("late_policy", LatePolicy.REFUSE),
        ).id


def _start(app, setup, now=None):
    """Start (or resume) Ann's attempt the way the start view does."""
    with app.app_context():
        now = now or utcnow()
        user = db.session.get(User, setup["ann"])
        quiz = db.session.get(Quiz, setup["quiz"])
        terms = assignments.terms_for(user.id, quiz.id, now)
        attempt = start_attempt(user.id, quiz, now=now, rng=random.Random(1), terms=terms).attempt
        return attempt.id, attempt.deadline, attempt.is_late, attempt.assignment_id


def test_teacher_assigns_a_quiz_and_the_student_sees_it_due(app, client, setup):
    due = utcnow() + timedelta(days=3)
    response = assign(client, setup["class"], setup["quiz"], due_at=form_time(due))
    assert response.status_code == 302
    page = client.get(f"/teach/classes/{setup['class']}").get_data(as_text=True)
    assert "The Landing" in page and due.strftime("%d %b %Y %H:%M") in page
    login(client, setup["ann_email"])
    home = client.get("/").get_data(as_text=True)
    assert "Work assigned to you" in home
    assert due.strftime("%d %b %Y %H:%M") in home
    assert "To do" in home
    start = client.post("/quiz/landing-quiz/start")
    attempt_id = int(re.search(r"/attempt/(\d+)/", start.headers["Location"]).group(1))
    assert "In progress" in client.get("/").get_data(as_text=True)
    client.post(f"/attempt/{attempt_id}/submit")
    home = client.get("/").get_data(as_text=True)
    assert ">Done<" in home
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        assert attempt.assignment_id is not None and not attempt.is_late


def test_due_date_before_opening_is_refused_with_a_message(app, client, setup):
    now = utcnow()
    response = assign(
        client,
        setup["class"],
        setup["quiz"],
        opens_at=form_time(now + timedelta(days=2)),
        due_at=form_time(now + timedelta(days=1)),
    )
    assert response.status_code == 422
    assert "The due date must come after the opening date." in response.get_data(as_text=True)
    assert assign(client, setup["class"], setup["quiz"]).status_code == 302
    again = assign(client, setup["class"], setup["quiz"])
    assert "already assigned to this class" in again.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(Assignment.id))) == 1


def test_an_assignment_that_has_not_opened_cannot_be_started(app, setup):
    _assignment(app, setup["class"], setup["quiz"], opens_at=utcnow() + timedelta(hours=1))
    with pytest.raises(QuizUnavailable, match="This assignment opens on"):
        _start(app, setup)


def test_late_work_is_refused_under_the_refuse_rule(app, client, setup):
    _assignment(app, setup["class"], setup["quiz"], due_at=utcnow() - timedelta(minutes=1))
    with pytest.raises(QuizUnavailable, match="late work is not accepted"):
        _start(app, setup)
    login(client, setup["ann_email"])
    assert "Missed" in client.get("/").get_data(as_text=True)
    refused = client.post("/quiz/landing-quiz/start", follow_redirects=True)
    assert "late work is not accepted" in refused.get_data(as_text=True)


def test_late_work_is_accepted_and_marked_under_the_accept_rule(app, client, setup):
    _assignment(
        app,
        setup["class"],
        setup["quiz"],
        due_at=utcnow() - timedelta(minutes=1),
        late_policy=LatePolicy.ACCEPT_MARKED,
    )
    attempt_id, _, is_late, assignment_id = _start(app, setup)
    assert is_late and assignment_id
    with app.app_context():
        submit_attempt(attempt_id)
    login(client, setup["ann_email"])
    assert "Done, late" in client.get("/").get_data(as_text=True)


def test_refused_late_work_ends_at_the_due_date(app, setup):
    now = utcnow()
    _assignment(app, setup["class"], setup["quiz"], due_at=now + timedelta(minutes=3))
    _, deadline, _, _ = _start(app, setup, now=now)
    assert deadline == (now + timedelta(minutes=3)).replace(microsecond=deadline.microsecond)


def test_extra_time_stretches_the_time_limit(app, client, setup):
    assignment_id = _assignment(app, setup["class"], setup["quiz"])
    response = client.post(
        f"/teach/assignments/{assignment_id}/adjustments",
        data={
            "adjust-student": setup["ann"],
            "adjust-time_multiplier": "1.5",
            "adjust-extra_minutes": "5",
            "adjust-extra_attempts": "1",
        },
    )
    assert response.status_code == 302
    assert "Ann" in client.get(f"/teach/assignments/{assignment_id}").get_data(as_text=True)
    now = utcnow()
    attempt_id, deadline, _, _ = _start(app, setup, now=now)
    # 600 s x 1.5 + 5 minutes = 20 minutes.
    assert abs((deadline - now).total_seconds() - 1200) < 1


def test_extra_attempts_raise_the_limit_for_that_student_only(app, client, setup):
    assignment_id = _assignment(app, setup["class"], setup["quiz"])
    for _ in range(2):
        attempt_id, *_ = _start(app, setup)
        with app.app_context():
            submit_attempt(attempt_id)
    with pytest.raises(NoAttemptsLeft):
        _start(app, setup)
    with app.app_context():
        assignments.set_adjustment(assignment_id, setup["ann"], None, 0, 1)
    attempt_id, *_ = _start(app, setup)
    with app.app_context():
        submit_attempt(attempt_id)
    with pytest.raises(NoAttemptsLeft):
        _start(app, setup)


def test_adjustment_with_bad_values_changes_nothing(app, client, setup, make_student):
    assignment_id = _assignment(app, setup["class"], setup["quiz"])
    outsider_id, _ = make_student("zed")
    login(client, "teacher@example.org")
    for data in (
        {"adjust-student": setup["ann"], "adjust-time_multiplier": "0.5"},
        {"adjust-student": setup["ann"], "adjust-extra_minutes": "-5"},
        {"adjust-student": setup["ann"], "adjust-extra_attempts": "lots"},
        {"adjust-student": outsider_id, "adjust-extra_attempts": "3"},
    ):
        data = {"adjust-extra_minutes": "0", "adjust-extra_attempts": "0", **data}
        response = client.post(f"/teach/assignments/{assignment_id}/adjustments", data=data)
        assert response.status_code == 422, data
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(AssignmentAdjustment)) == 0


def test_teacher_changes_the_due_date_and_withdraws_the_assignment(app, client, setup):
    assignment_id = _assignment(app, setup["class"], setup["quiz"])
    due = utcnow() + timedelta(days=5)
    response = client.post(
        f"/teach/assignments/{assignment_id}",
        data={"settings-due_at": form_time(due), "settings-late_policy": "accept_marked"},
    )
    assert response.status_code == 302
    with app.app_context():
        assignment = db.session.get(Assignment, assignment_id)
        assert assignment.due_at.strftime("%Y-%m-%dT%H:%M") == form_time(due)
        assert assignment.late_policy == LatePolicy.ACCEPT_MARKED
    client.post(f"/teach/assignments/{assignment_id}/delete")
    with app.app_context():
        assert db.session.get(Assignment, assignment_id) is None


def test_another_teacher_cannot_open_or_change_the_assignment(app, client, setup, other_teacher):
    assignment_id = _assignment(app, setup["class"], setup["quiz"])
    login(client, other_teacher["email"])
    for method, url in (
        ("GET", f"/teach/assignments/{assignment_id}"),
        ("POST", f"/teach/assignments/{assignment_id}"),
        ("POST", f"/teach/assignments/{assignment_id}/adjustments"),
        ("POST", f"/teach/assignments/{assignment_id}/delete"),
        ("POST", f"/teach/classes/{setup['class']}/assignments"),
    ):
        assert client.open(url, method=method).status_code == 404, url
    with app.app_context():
        assert db.session.get(Assignment, assignment_id) is not None


def test_teacher_cannot_assign_another_teachers_quiz(app, client, setup, other_teacher):
    with app.app_context():
        private = make_quiz(slug="private", owner_id=other_teacher["id"]).id
    response = assign(client, setup["class"], private)
    assert response.status_code == 422
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(Assignment.id))) == 0


def test_assigned_work_shows_the_best_score_only_when_the_quiz_shows_scores(app, client, setup):
    _assignment(app, setup["class"], setup["quiz"], due_at=utcnow() + timedelta(days=1))
    attempt_id, *_ = _start(app, setup)
    with app.app_context():
        submit_attempt(attempt_id)
        db.session.get(Attempt, attempt_id).score = 0.75
        quiz = db.session.get(Quiz, setup["quiz"])
        quiz.review_score = ReviewMoment.AFTER_CLOSE
        quiz.closes_at = utcnow() + timedelta(days=2)
        db.session.commit()
    login(client, setup["ann_email"])
    home = client.get("/").get_data(as_text=True)
    assert ">Done<" in home and "75%" not in home
    with app.app_context():
        db.session.get(Quiz, setup["quiz"]).review_score = ReviewMoment.ALWAYS
        db.session.commit()
    assert "best 75%" in client.get("/").get_data(as_text=True)


def test_quiz_and_home_pages_count_the_students_extra_attempts(app, client, setup):
    assignment_id = _assignment(app, setup["class"], setup["quiz"])
    with app.app_context():
        assignments.set_adjustment(assignment_id, setup["ann"], None, 0, 1)
        slug = db.session.get(Quiz, setup["quiz"]).slug
    for _ in range(2):
        attempt_id, *_ = _start(app, setup)
        with app.app_context():
            submit_attempt(attempt_id)
    login(client, setup["ann_email"])
    detail = client.get(f"/quiz/{slug}").get_data(as_text=True)
    assert "1 of 3" in detail
    assert "Start another attempt" in detail
    assert "You have used all your attempts" not in detail
    home = client.get("/").get_data(as_text=True)
    assert "No attempts left" not in home
    assert "Try again" in home


def test_quiz_and_home_pages_say_why_an_assignment_cannot_be_started(app, client, setup):
    _assignment(app, setup["class"], setup["quiz"], due_at=utcnow() - timedelta(minutes=1))
    with app.app_context():
        slug = db.session.get(Quiz, setup["quiz"]).slug
    login(client, setup["ann_email"])
    refused = "This assignment was due; late work is not accepted."
    detail = client.get(f"/quiz/{slug}").get_data(as_text=True)
    assert refused in detail and f"/quiz/{slug}/start" not in detail
    assert refused in client.get("/").get_data(as_text=True)


def test_keys_stay_hidden_while_extra_attempts_let_the_graded_quiz_ask_again(app, client, setup):
    assignment_id = _assignment(app, setup["class"], setup["quiz"])
    with app.app_context():
        assignments.set_adjustment(assignment_id, setup["ann"], None, 0, 1)
        make_quiz(slug="practice", title="Practice", draw_count=3)
    for _ in range(2):
        attempt_id, *_ = _start(app, setup)
        with app.app_context():
            submit_attempt(attempt_id)
    login(client, setup["ann_email"])
    start = client.post("/quiz/practice/start")
    practice = int(re.search(r"/attempt/(\d+)/", start.headers["Location"]).group(1))
    client.post(f"/attempt/{practice}/submit")
    page = client.get(f"/attempt/{practice}/results").get_data(as_text=True)
    assert "can still ask you this question" in page
    assert 'Correct answer</dt><dd class="col-sm-9">' not in page
