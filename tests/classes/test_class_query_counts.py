"""Class pages and the student's assigned work use a fixed number of queries."""

import random

from quizapp.auth.services import create_user
from quizapp.classes import assignments, rosters
from quizapp.extensions import db
from quizapp.models import LatePolicy, Quiz, User
from quizapp.models.base import utcnow
from quizapp.quiz.attempts import start_attempt, submit_attempt
from tests.classes.helpers import login
from tests.conftest import PASSWORD
from tests.factories import make_bank, make_quiz
from tests.test_query_counts import count_queries


def _grow(app, teacher_id: int, size: int) -> int:
    """A class of ``size`` students, ``size`` assigned quizzes, extra attempts and attempts."""
    with app.app_context():
        teacher = db.session.get(User, teacher_id)
        classroom = rosters.create_class(teacher, f"Class {size}")
        make_bank(slug=f"bank-{size}")
        quizzes = [
            make_quiz(slug=f"quiz-{size}-{n}", draw_count=3, attempts_allowed=2)
            for n in range(size)
        ]
        given = [
            assignments.create_assignment(
                classroom.id, quiz.id, None, utcnow(), LatePolicy.ACCEPT_MARKED
            ).id
            for quiz in quizzes
        ]
        for n in range(size):
            student = create_user(f"s{size}-{n}@example.org", PASSWORD, f"S {n}")
            db.session.commit()
            rosters.join_class(student, classroom.join_code)
            for assignment_id in given:
                assignments.set_adjustment(assignment_id, student.id, None, 0, 1)
            for quiz in quizzes:
                quiz = db.session.get(Quiz, quiz.id)
                terms = assignments.terms_for(student.id, quiz.id, utcnow())
                attempt = start_attempt(student.id, quiz, rng=random.Random(n), terms=terms).attempt
                submit_attempt(attempt.id)
        return classroom.id


def test_class_page_and_assigned_work_do_not_grow(app, client, teacher):
    counts = []
    for size in (1, 4):
        class_id = _grow(app, teacher["id"], size)
        login(client, teacher["email"])
        with count_queries(app) as teacher_page:
            assert client.get(f"/teach/classes/{class_id}").status_code == 200
        login(client, f"s{size}-0@example.org")
        with count_queries(app) as home:
            page = client.get("/")
        assert page.status_code == 200
        assert page.get_data(as_text=True).count("Done, late") == size
        counts.append((len(teacher_page), len(home)))
    assert counts[0] == counts[1]
