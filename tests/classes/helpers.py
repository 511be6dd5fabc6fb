"""Plain helpers for the class, assignment and results tests."""

import re

import sqlalchemy as sa

from quizapp.extensions import db
from quizapp.models import Classroom
from tests.conftest import PASSWORD


def login(client, email: str) -> None:
    client.post("/auth/logout")
    client.post("/auth/login", data={"email": email, "password": PASSWORD})


def make_class(client, teacher_email: str, name: str = "Year 9 Science") -> int:
    """Create a class through the page as the teacher; returns its id."""
    login(client, teacher_email)
    response = client.post("/teach/classes", data={"name": name})
    return int(re.search(r"/teach/classes/(\d+)", response.headers["Location"]).group(1))


def join_code(app, class_id: int) -> str:
    with app.app_context():
        return db.session.scalar(sa.select(Classroom.join_code).where(Classroom.id == class_id))


def join(client, app, class_id: int, email: str) -> None:
    """Log in as the student and join the class with its code."""
    login(client, email)
    client.post("/join", data={"code": join_code(app, class_id)})


def assign(client, class_id: int, quiz_id: int, **fields) -> object:
    """Post the "assign a quiz" form (as the logged-in teacher)."""
    data = {"assign-quiz": quiz_id, "assign-late_policy": "refuse"}
    data.update({f"assign-{name}": value for name, value in fields.items()})
    return client.post(f"/teach/classes/{class_id}/assignments", data=data)


def form_time(moment) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M")


def take(app, user_id: int, quiz_id: int, answers: dict, now=None, submit=True, preview=False):
    """Start an attempt (under the student's assignment, if any), answer by question key.

    ``answers`` maps a question key to the stored answer; keys left out stay
    unanswered. Returns the attempt id.
    """
    import random

    from quizapp.classes import assignments
    from quizapp.models import Attempt, Quiz
    from quizapp.models.base import utcnow
    from quizapp.quiz.attempts import save_answer, start_attempt, submit_attempt

    with app.app_context():
        now = now or utcnow()
        quiz = db.session.get(Quiz, quiz_id)
        terms = assignments.terms_for(user_id, quiz_id, now)
        attempt = start_attempt(user_id, quiz, now=now, rng=random.Random(user_id), terms=terms)
        attempt = db.session.get(Attempt, attempt.attempt.id)
        if preview:
            attempt.is_preview = True
            db.session.commit()
        for response in attempt.responses:
            key = response.version.question.key
            if key in answers:
                save_answer(attempt.id, response.position, answers[key], now=now)
        if submit:
            submit_attempt(attempt.id, now=now)
        return attempt.id
