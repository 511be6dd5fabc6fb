"""Grades, attempts left and per-topic progress, aggregated in SQL."""

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache, lru_cache

import sqlalchemy as sa

from quizapp.classes.assignments import terms_by_quiz
from quizapp.extensions import db
from quizapp.models import (
    Attempt,
    AttemptState,
    GradingMethod,
    Question,
    QuestionStatus,
    Quiz,
    QuizDrawRule,
    QuizQuestion,
    Response,
    SelectionMode,
)
from quizapp.models.base import utcnow
from quizapp.quiz.attempts import quiz_availability
from quizapp.seedfiles import SeedError, topic_titles

DEFAULT_TOPIC_TITLES = {
    "landing": "The Landing",
    "instruments": "The Rover's Instruments",
    "mission": "The Mission",
}


def quiz_grade(scores: list[float], method: GradingMethod) -> float | None:
    """The grade for a quiz from the finished attempts' scores, oldest first."""
    if not scores:
        return None
    if method == GradingMethod.HIGHEST:
        return max(scores)
    if method == GradingMethod.FIRST:
        return scores[0]
    if method == GradingMethod.LAST:
        return scores[-1]
    return sum(scores) / len(scores)


@dataclass
class QuizStanding:
    """One user's standing on one quiz."""

    quiz: Quiz
    question_count: int
    attempts_used: int = 0
    scores: list[float] = field(default_factory=list)
    open_attempt_id: int | None = None
    # Finished attempts whose score the quiz's review options do not show yet.
    hidden_scores: int = 0
    # Granted to this student by the assignment their attempts run under.
    extra_attempts: int = 0
    # Why that assignment refuses a start now (not open yet, due with no late work).
    assignment_refusal: str | None = None

    @property
    def grade(self) -> float | None:
        """The grade by the quiz's method; None until taken, or while a score is hidden."""
        if self.hidden_scores:
            return None
        return quiz_grade(self.scores, self.quiz.grading_method)

    @property
    def grade_hidden(self) -> bool:
        return self.hidden_scores > 0

    @property
    def attempts_allowed(self) -> int | None:
        """The quiz's attempt limit plus the student's extra attempts; None when unlimited."""
        if self.quiz.attempts_allowed is None:
            return None
        return self.quiz.attempts_allowed + self.extra_attempts

    @property
    def attempts_left(self) -> int | None:
        if self.attempts_allowed is None:
            return None
        return max(0, self.attempts_allowed - self.attempts_used)

    @property
    def closed_reason(self) -> str | None:
        """Why the quiz cannot be started right now (closed, not open yet), or None."""
        return quiz_availability(self.quiz, utcnow()) or self.assignment_refusal

    @property
    def can_start(self) -> bool:
        """Whether a new attempt may be started now."""
        return self.closed_reason is None and self.attempts_left != 0 and self.question_count > 0


@dataclass
class TopicSection:
    """A topic with its quizzes and the user's progress in it."""

    topic: str
    title: str
    standings: list[QuizStanding]

    @property
    def quizzes_taken(self) -> int:
        return sum(1 for s in self.standings if s.scores or s.hidden_scores)

    @property
    def average_grade(self) -> float | None:
        grades = [s.grade for s in self.standings if s.grade is not None]
        return sum(grades) / len(grades) if grades else None


@lru_cache(maxsize=8)
def _topic_titles_from(seed_dir: str) -> dict[str, str]:
    try:
        return topic_titles(seed_dir)
    except SeedError:
        return {}


def known_topics(seed_dir: str | None = None) -> dict[str, str]:
    """Every named topic and its display name."""
    return {**DEFAULT_TOPIC_TITLES, **(_topic_titles_from(seed_dir) if seed_dir else {})}


def topic_title(topic: str, seed_dir: str | None = None) -> str:
    """The display name of a topic."""
    return known_topics(seed_dir).get(topic, topic.replace("_", " ").capitalize())


@cache
def _pool_statements() -> tuple[sa.Select, sa.CompoundSelect]:
    """The two counting queries of :func:`_pool_sizes`, built once."""
    by_topic_bank = (
        sa.select(Question.topic, Question.bank_id, sa.func.count(Question.id))
        .where(Question.status == QuestionStatus.PUBLISHED)
        .group_by(Question.topic, Question.bank_id)
    )
    fixed = (
        sa.select(QuizQuestion.quiz_id, sa.literal("fixed"), sa.func.count())
        .join(Question, Question.id == QuizQuestion.question_id)
        .where(Question.status == QuestionStatus.PUBLISHED)
        .group_by(QuizQuestion.quiz_id)
    )
    drawn = sa.select(
        QuizDrawRule.quiz_id, sa.literal("rules"), sa.func.sum(QuizDrawRule.count)
    ).group_by(QuizDrawRule.quiz_id)
    return by_topic_bank, sa.union_all(fixed, drawn)


def _pool_sizes() -> tuple[dict[tuple[str, int], int], dict[tuple[str, int], int]]:
    """Published questions per (topic, bank); per quiz, its fixed or drawn question count.

    The second mapping is keyed ("fixed", quiz id) for the published questions
    of a fixed-list quiz and ("rules", quiz id) for what a quiz's draw rules add up to.
    """
    by_topic_bank_statement, per_quiz_statement = _pool_statements()
    by_topic_bank = {
        (topic, bank_id): count
        for topic, bank_id, count in db.session.execute(by_topic_bank_statement)
    }
    per_quiz = {
        (kind, quiz_id): int(count)
        for quiz_id, kind, count in db.session.execute(per_quiz_statement)
    }
    return by_topic_bank, per_quiz


def _pool_size(quiz: Quiz, by_topic_bank: dict[tuple[str, int], int]) -> int:
    """How many published questions a pool quiz draws from (its banks only, when it names any)."""
    banks = {bank.id for bank in quiz.banks}
    return sum(
        count
        for (topic, bank_id), count in by_topic_bank.items()
        if topic == quiz.topic and (not banks or bank_id in banks)
    )


def standings_for(user_id: int | None, quizzes: list[Quiz]) -> list[QuizStanding]:
    """Each quiz with its question count and the user's attempts, in a bounded number of queries."""
    by_topic_bank, per_quiz = _pool_sizes()
    standings = {}
    for quiz in quizzes:
        if quiz.selection == SelectionMode.FIXED:
            count = per_quiz.get(("fixed", quiz.id), 0)
        elif ("rules", quiz.id) in per_quiz:
            count = per_quiz[("rules", quiz.id)]
        else:
            count = min(quiz.draw_count or 0, _pool_size(quiz, by_topic_bank))
        standings[quiz.id] = QuizStanding(quiz=quiz, question_count=count)
    if user_id is not None and standings:
        _add_attempts(user_id, standings)
    return list(standings.values())


@cache
def _attempts_statement() -> sa.Select:
    """A user's counted attempts at some quizzes, built once (``user_id``, ``quiz_ids``)."""
    return (
        sa.select(Attempt.quiz_id, Attempt.id, Attempt.state, Attempt.score, Attempt.submitted_at)
        .where(
            Attempt.user_id == sa.bindparam("user_id"),
            Attempt.quiz_id.in_(sa.bindparam("quiz_ids", expanding=True)),
            Attempt.is_preview.is_(False),
        )
        .order_by(Attempt.quiz_id, Attempt.number)
    )


def _add_attempts(user_id: int, standings: dict[int, QuizStanding]) -> None:
    """The user's attempts at each quiz, and the extra attempts their assignments grant."""
    now = utcnow()
    rows = db.session.execute(
        _attempts_statement(), {"user_id": user_id, "quiz_ids": list(standings)}
    ).all()
    for quiz_id, attempt_id, state, score, submitted_at in rows:
        standing = standings[quiz_id]
        standing.attempts_used += 1
        if state == AttemptState.OPEN:
            standing.open_attempt_id = attempt_id
        elif standing.quiz.shows_score(submitted_at, now):
            standing.scores.append(score)
        else:
            standing.hidden_scores += 1
    for quiz_id, terms in terms_by_quiz(user_id, list(standings), now).items():
        standings[quiz_id].extra_attempts = terms.extra_attempts
        standings[quiz_id].assignment_refusal = terms.refusal(now)


# Every home page runs this query: built once.
_PUBLISHED_QUIZZES = (
    sa.select(Quiz)
    .where(Quiz.is_published.is_(True))
    .options(sa.orm.selectinload(Quiz.banks))
    .order_by(Quiz.topic, Quiz.id)
)


def topic_sections(user_id: int | None, seed_dir: str | None = None) -> list[TopicSection]:
    """The published quizzes grouped by topic, with the user's standing on each."""
    quizzes = list(db.session.scalars(_PUBLISHED_QUIZZES))
    grouped: dict[str, list[QuizStanding]] = defaultdict(list)
    for standing in standings_for(user_id, quizzes):
        grouped[standing.quiz.topic].append(standing)
    order = list(DEFAULT_TOPIC_TITLES)
    topics = sorted(grouped, key=lambda t: (order.index(t) if t in order else len(order), t))
    return [TopicSection(t, topic_title(t, seed_dir), grouped[t]) for t in topics]


def answered_state(attempt_id: int) -> dict[str, object]:
    """Which questions of an attempt hold an answer: positions and their count, in one query."""
    rows = db.session.execute(
        sa.select(Response.position, Response.answer)
        .where(Response.attempt_id == attempt_id)
        .order_by(Response.position)
    )
    # Compared in Python: a cleared answer may be stored as JSON null rather than SQL NULL.
    positions = [position for position, answer in rows if answer is not None]
    return {"answered_positions": positions, "answered_count": len(positions)}


def shown_scores(attempts: list[Attempt]) -> set[int]:
    """The ids of the finished attempts whose score their student may see now."""
    now = utcnow()
    return {a.id for a in attempts if not a.is_open and a.quiz.shows_score(a.submitted_at, now)}


def attempt_history(user_id: int) -> list[Attempt]:
    """All the user's attempts (previews aside), newest first, with their quiz loaded."""
    return list(
        db.session.scalars(
            sa.select(Attempt)
            .where(Attempt.user_id == user_id, Attempt.is_preview.is_(False))
            .options(sa.orm.joinedload(Attempt.quiz))
            .order_by(Attempt.started_at.desc(), Attempt.id.desc())
        )
    )
