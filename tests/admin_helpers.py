"""Helpers shared by the admin tests."""

import time

from quizapp.auth.services import create_user
from quizapp.models import Role
from tests.conftest import PASSWORD


def login(client, email: str, password: str = PASSWORD):
    return client.post("/auth/login", data={"email": email, "password": password})


def make_user(app, email: str, role: Role = Role.STUDENT, name: str | None = None) -> int:
    with app.app_context():
        return create_user(email, PASSWORD, name or email.split("@")[0], role).id


def make_password_stale(client, minutes: int = 60) -> None:
    """Pretend the signed-in user typed their password ``minutes`` ago."""
    with client.session_transaction() as session:
        session["password_entered_at"] = int(time.time()) - minutes * 60


def add_attempt(
    user_id: int,
    quiz_id: int,
    number: int,
    scores: dict[int, float],
    *,
    preview: bool = False,
    started_at=None,
) -> int:
    """A finished attempt whose responses to the given question versions scored ``scores``."""
    from datetime import timedelta

    from quizapp.extensions import db
    from quizapp.models import Attempt, AttemptState, Response
    from quizapp.models.base import utcnow

    started = started_at or utcnow() - timedelta(hours=1)
    attempt = Attempt(
        user_id=user_id,
        quiz_id=quiz_id,
        number=number,
        question_count=len(scores),
        state=AttemptState.SUBMITTED,
        started_at=started,
        submitted_at=started + timedelta(minutes=5),
        score=sum(scores.values()) / len(scores),
        is_preview=preview,
    )
    for position, (version_id, score) in enumerate(scores.items(), start=1):
        attempt.responses.append(
            Response(position=position, question_version_id=version_id, answer=0, score=score)
        )
    db.session.add(attempt)
    db.session.commit()
    return attempt.id


def recalculate(app) -> None:
    """Recalculate the stored item statistics from the answers, as the periodic job does."""
    from quizapp.admin import recalculation

    with app.app_context():
        recalculation.recalculate()
