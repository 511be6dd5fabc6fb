"""Who may see what of a finished attempt, and when.

Two rules decide it, both on the server:

1. The quiz's review options (as in Moodle): for each part of a review
   (score, the student's answers, the correct answers, feedback and sources)
   the quiz lists the moments it is shown at: immediately after the attempt,
   later while the quiz is still open, after the quiz has closed.
2. The shared-pool rule: the correct answer, the verdict, the marks and the
   feedback of a question are withheld, whatever the options say, while a
   graded quiz can still ask the student that question. A graded quiz is a
   published quiz with an attempt limit that has not closed; it can still ask
   the student a question when the question is in its pool and the student has
   not finished all their attempts at it. This covers both leaks: a practice
   quiz drawing from the same pool, and the graded quiz's own review showing
   keys its later attempts reuse.
"""

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from functools import cache

import sqlalchemy as sa

from quizapp.extensions import db
from quizapp.models import (
    Assignment,
    AssignmentAdjustment,
    Attempt,
    AttemptState,
    Question,
    QuestionStatus,
    Quiz,
    QuizDrawRule,
    QuizQuestion,
    ReviewMoment,
    ReviewPart,
    SelectionMode,
)
from quizapp.models.quiz import quiz_bank


def review_moment(quiz: Quiz, attempt: Attempt, now: datetime) -> ReviewMoment:
    """The moment a finished attempt's review is at."""
    return quiz.moment_after(attempt.submitted_at, now)


def visible_parts(quiz: Quiz, attempt: Attempt, now: datetime) -> frozenset[ReviewPart]:
    """The parts of the review the quiz's options show now (none while the attempt is open)."""
    if attempt.is_open:
        return frozenset()
    moment = review_moment(quiz, attempt, now)
    return frozenset(part for part in ReviewPart if quiz.review_moments(part) & moment)


def next_showing(quiz: Quiz, part: ReviewPart, now: datetime) -> str | None:
    """When a part hidden now will be shown, in words (None when it never will)."""
    moments = quiz.review_moments(part)
    if moments & ReviewMoment.LATER_WHILE_OPEN:
        return "in a few minutes"
    if moments & ReviewMoment.AFTER_CLOSE and quiz.closes_at is not None and now < quiz.closes_at:
        return f"once the quiz closes on {quiz.closes_at:%d %B %Y at %H:%M} UTC"
    return None


def _can_ask() -> sa.ColumnElement[bool]:
    """SQL: the quiz row in scope can draw the question row in scope (one of ``question_ids``)."""
    fixed = sa.exists().where(
        QuizQuestion.quiz_id == Quiz.id, QuizQuestion.question_id == Question.id
    )
    has_banks = sa.exists().where(quiz_bank.c.quiz_id == Quiz.id)
    in_banks = sa.exists().where(
        quiz_bank.c.quiz_id == Quiz.id, quiz_bank.c.bank_id == Question.bank_id
    )
    has_rules = sa.exists().where(QuizDrawRule.quiz_id == Quiz.id)
    in_rules = sa.exists().where(
        QuizDrawRule.quiz_id == Quiz.id, QuizDrawRule.bank_id == Question.bank_id
    )
    # A quiz with draw rules draws from its rules' banks; one without them
    # draws its topic (from its banks, when it names any).
    topic_pool = sa.and_(
        ~has_rules,
        Question.topic == Quiz.topic,
        sa.or_(~has_banks, in_banks),
    )
    pooled = sa.and_(Quiz.selection == SelectionMode.POOL, sa.or_(in_rules, topic_pool))
    return sa.and_(
        Question.id.in_(sa.bindparam("question_ids", expanding=True)),
        Question.status == QuestionStatus.PUBLISHED,
        sa.or_(sa.and_(Quiz.selection == SelectionMode.FIXED, fixed), pooled),
    )


@cache
def _withheld_statement() -> sa.Select:
    """The query of :func:`withheld_questions`, built once, with its values as parameters."""
    finished = (
        sa.select(sa.func.count(Attempt.id))
        .where(
            Attempt.user_id == sa.bindparam("user_id"),
            Attempt.quiz_id == Quiz.id,
            Attempt.state != AttemptState.OPEN,
            Attempt.is_preview.is_(False),
        )
        .scalar_subquery()
    )
    # Extra attempts a class assignment grants this student (the most any grants).
    extra = (
        sa.select(sa.func.coalesce(sa.func.max(AssignmentAdjustment.extra_attempts), 0))
        .join(Assignment, Assignment.id == AssignmentAdjustment.assignment_id)
        .where(
            Assignment.quiz_id == Quiz.id,
            AssignmentAdjustment.user_id == sa.bindparam("user_id"),
        )
        .scalar_subquery()
    )
    now = sa.bindparam("now", type_=Quiz.closes_at.type)
    return (
        sa.select(Question.id, sa.func.min(Quiz.title))
        .select_from(Question)
        .join(Quiz, sa.true())
        .where(
            Quiz.is_published.is_(True),
            Quiz.attempts_allowed.is_not(None),
            sa.or_(Quiz.closes_at.is_(None), Quiz.closes_at > now),
            finished < Quiz.attempts_allowed + extra,
            _can_ask(),
        )
        .group_by(Question.id)
    )


def withheld_questions(
    user_id: int, question_ids: Collection[int], now: datetime
) -> dict[int, str]:
    """The questions whose keys stay hidden from the user, each with a graded quiz that can ask it.

    One query whatever the number of questions, quizzes and attempts.
    """
    if not question_ids:
        return {}
    parameters = {"user_id": user_id, "question_ids": list(question_ids), "now": now}
    rows = db.session.execute(_withheld_statement(), parameters)
    return {question_id: title for question_id, title in rows}


@dataclass(frozen=True)
class ReviewVisibility:
    """What the results page of one finished attempt may show now."""

    parts: frozenset[ReviewPart]
    withheld: dict[int, str]  # question id -> title of the graded quiz that can still ask it

    def shows(self, part: ReviewPart) -> bool:
        """Whether the quiz's options show ``part`` now."""
        return part in self.parts

    def shows_for(self, part: ReviewPart, question_id: int) -> bool:
        """Whether ``part`` is shown for one question (the student's own answer always is)."""
        if part not in self.parts:
            return False
        return part is ReviewPart.ANSWERS or question_id not in self.withheld

    @property
    def shows_questions(self) -> bool:
        """Whether the page lists the questions at all."""
        return bool(self.parts - {ReviewPart.SCORE})


def review_visibility(
    attempt: Attempt, question_ids: Collection[int], now: datetime
) -> ReviewVisibility:
    """What the attempt's owner may see of it now, under both rules."""
    parts = visible_parts(attempt.quiz, attempt, now)
    withheld = withheld_questions(attempt.user_id, question_ids, now) if parts else {}
    return ReviewVisibility(parts=parts, withheld=withheld)
