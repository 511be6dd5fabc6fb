"""Students' challenges to questions, and the teacher's answer to them.

A challenge belongs to one response of a finished attempt, so it is tied to
the exact version the student saw (and through it to the cited sentences).
It reaches the teacher who owns the question's bank, and the teacher whose
quiz the attempt was for.
"""

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from quizapp import audit
from quizapp.database import writes
from quizapp.extensions import db
from quizapp.models import (
    Attempt,
    Challenge,
    ChallengeReason,
    ChallengeStatus,
    Question,
    QuestionBank,
    QuestionVersion,
    Quiz,
    Response,
    User,
)
from quizapp.models.base import utcnow
from quizapp.permissions import is_admin

REASON_LABELS = {
    ChallengeReason.KEY_WRONG: "The answer key is wrong",
    ChallengeReason.TWO_RIGHT: "More than one answer is right",
    ChallengeReason.UNCLEAR: "The question is unclear",
}


class ChallengeError(Exception):
    """A challenge or an answer to one that the rules refuse; the message says why."""


@writes
def raise_challenge(
    user_id: int, attempt_id: int, position: int, reason: ChallengeReason, comment: str
) -> Challenge:
    """Challenge one question of the user's own finished attempt (once per question)."""
    response = db.session.scalar(
        sa.select(Response)
        .join(Attempt, Attempt.id == Response.attempt_id)
        .where(
            Response.attempt_id == attempt_id,
            Response.position == position,
            Attempt.user_id == user_id,
        )
        .options(sa.orm.joinedload(Response.attempt), sa.orm.joinedload(Response.version))
    )
    if response is None or response.attempt.is_open:
        db.session.rollback()
        raise ChallengeError("Only questions of a finished attempt can be challenged.")
    challenge = Challenge(
        response_id=response.id,
        user_id=user_id,
        question_id=response.version.question_id,
        question_version_id=response.question_version_id,
        reason=reason,
        comment=comment.strip(),
    )
    db.session.add(challenge)
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise ChallengeError("You have already challenged this question.") from None
    return challenge


# Every results page runs this query: built once, with the attempt bound.
_CHALLENGES_OF_ATTEMPT = (
    sa.select(Response.position, Challenge)
    .join(Challenge, Challenge.response_id == Response.id)
    .where(Response.attempt_id == sa.bindparam("attempt_id"))
)


def challenges_of_attempt(attempt_id: int) -> dict[int, Challenge]:
    """The attempt's challenges by question position."""
    rows = db.session.execute(_CHALLENGES_OF_ATTEMPT, {"attempt_id": attempt_id}).all()
    return {position: challenge for position, challenge in rows}


def visible_to(teacher: User) -> sa.ColumnElement[bool]:
    """Challenges the teacher answers: on their banks' questions or their quizzes' attempts."""
    if is_admin(teacher):
        return sa.true()
    return sa.or_(QuestionBank.owner_id == teacher.id, Quiz.owner_id == teacher.id)


def _joined(query):
    return (
        query.join(Question, Question.id == Challenge.question_id)
        .join(QuestionBank, QuestionBank.id == Question.bank_id)
        .join(Response, Response.id == Challenge.response_id)
        .join(Attempt, Attempt.id == Response.attempt_id)
        .join(Quiz, Quiz.id == Attempt.quiz_id)
    )


def inbox(teacher: User) -> list[Challenge]:
    """The teacher's challenges, open ones first, newest first."""
    query = _joined(sa.select(Challenge)).where(visible_to(teacher))
    return list(
        db.session.scalars(
            query.options(
                sa.orm.joinedload(Challenge.version),
                sa.orm.joinedload(Challenge.user),
            ).order_by(
                (Challenge.status == ChallengeStatus.OPEN).desc(),
                Challenge.created_at.desc(),
                Challenge.id.desc(),
            )
        ).unique()
    )


def open_count(teacher: User) -> int:
    """How many of the teacher's challenges wait for an answer."""
    query = _joined(sa.select(sa.func.count(Challenge.id))).where(
        visible_to(teacher), Challenge.status == ChallengeStatus.OPEN
    )
    return db.session.scalar(query)


def visible_challenge(teacher: User, challenge_id: int) -> Challenge | None:
    """The challenge, when the teacher may answer it."""
    return db.session.scalar(
        _joined(sa.select(Challenge))
        .where(Challenge.id == challenge_id, visible_to(teacher))
        .options(
            sa.orm.joinedload(Challenge.version).joinedload(QuestionVersion.article),
            sa.orm.joinedload(Challenge.response),
            sa.orm.joinedload(Challenge.user),
            sa.orm.joinedload(Challenge.question).joinedload(Question.bank),
        )
    )


@writes
def resolve(challenge_id: int, teacher_id: int, accept: bool, reply: str) -> bool:
    """Accept or reject an open challenge with a reply; False when it was already answered."""
    status = ChallengeStatus.ACCEPTED if accept else ChallengeStatus.REJECTED
    done = db.session.execute(
        sa.update(Challenge)
        .where(Challenge.id == challenge_id, Challenge.status == ChallengeStatus.OPEN)
        .values(status=status, reply=reply.strip(), resolved_by_id=teacher_id, resolved_at=utcnow())
    )
    if done.rowcount != 1:
        db.session.rollback()
        return False
    audit.record(
        f"challenge.{status.value}",
        target_type="challenge",
        target_id=challenge_id,
        summary=reply.strip()[:200],
        actor_id=teacher_id,
    )
    db.session.commit()
    return True
