"""Choosing the questions an attempt asks."""

import random
from collections.abc import Sequence
from dataclasses import dataclass

import sqlalchemy as sa

from quizapp.extensions import db
from quizapp.models import (
    Question,
    QuestionStatus,
    QuestionVersion,
    Quiz,
    QuizDrawRule,
    QuizQuestion,
    SelectionMode,
)
from quizapp.models.quiz import quiz_bank
from quizapp.questiontypes import get_type
from quizapp.questiontypes.base import normalise_answer

# Shorter answers ("2", "no") are too common in other stems to count as given away.
MIN_GIVEAWAY_LENGTH = 3


def _current_versions_query() -> sa.Select:
    return (
        sa.select(QuestionVersion)
        .join(Question, QuestionVersion.question_id == Question.id)
        .where(
            QuestionVersion.number == Question.current_version,
            Question.status == QuestionStatus.PUBLISHED,
        )
    )


# Every start draws from one of these pools: the statements are built once.
_QUIZ_ID = sa.bindparam("quiz_id")
_FIXED_POOL = (
    _current_versions_query()
    .join(QuizQuestion, QuizQuestion.question_id == Question.id)
    .where(QuizQuestion.quiz_id == _QUIZ_ID)
    .order_by(QuizQuestion.position)
)
_QUIZ_BANKS = sa.select(quiz_bank.c.bank_id).where(quiz_bank.c.quiz_id == _QUIZ_ID)
_TOPIC_POOL = (
    _current_versions_query()
    .where(Question.topic == sa.bindparam("topic"))
    .where(sa.or_(~sa.exists(_QUIZ_BANKS), Question.bank_id.in_(_QUIZ_BANKS)))
    .order_by(Question.id)
)


def pool_for(quiz: Quiz) -> list[QuestionVersion]:
    """The current published versions a quiz can ask, in a stable order."""
    if quiz.selection == SelectionMode.FIXED:
        return list(db.session.scalars(_FIXED_POOL, {"quiz_id": quiz.id}))
    return list(db.session.scalars(_TOPIC_POOL, {"quiz_id": quiz.id, "topic": quiz.topic}))


@dataclass(frozen=True)
class _Drawable:
    """What the draw needs to know about one version to keep an attempt free of repeats."""

    version: QuestionVersion
    spans: tuple[tuple[int, int, int], ...]
    fact: str | None
    prompt: str
    answers: tuple[str, ...]


def _drawable(version: QuestionVersion) -> _Drawable:
    article = version.article_id
    spans = tuple(
        (article, source["start"], source["end"])
        for source in (version.sources or ())
        if article is not None
    )
    terms = (normalise_answer(term) for term in answer_terms(version))
    return _Drawable(
        version=version,
        spans=spans,
        fact=version.fact_key or None,
        prompt=f" {normalise_answer(version.prompt)} ",
        answers=tuple(term for term in terms if len(term) >= MIN_GIVEAWAY_LENGTH),
    )


def answer_terms(version: QuestionVersion) -> list[str]:
    """The words a student would give as the version's answer (empty when none are words)."""
    try:
        return get_type(version.type).answer_terms(version.data)
    except (ValueError, KeyError, TypeError):
        return []


def _gives_away(asker: _Drawable, other: _Drawable) -> bool:
    return any(f" {term} " in asker.prompt for term in other.answers)


def _conflict(one: _Drawable, other: _Drawable) -> bool:
    """Whether two questions must not share an attempt.

    They must not when they test the same fact, cite overlapping text, or one
    question's stem names the other's answer.
    """
    if one.fact is not None and one.fact == other.fact:
        return True
    for article, start, end in one.spans:
        for other_article, other_start, other_end in other.spans:
            if article == other_article and start < other_end and other_start < end:
                return True
    return _gives_away(one, other) or _gives_away(other, one)


DRAW_TRIES = 25


def _add_without_conflicts(
    chosen: list[_Drawable], candidates: Sequence[_Drawable], count: int | None
) -> None:
    """Append to ``chosen`` up to ``count`` candidates that conflict with nothing chosen."""
    added = 0
    for candidate in candidates:
        if count is not None and added >= count:
            break
        if any(
            candidate.version is earlier.version or _conflict(candidate, earlier)
            for earlier in chosen
        ):
            continue
        chosen.append(candidate)
        added += 1


def _first_without_conflicts(
    candidates: Sequence[_Drawable], count: int | None
) -> list[QuestionVersion]:
    chosen: list[_Drawable] = []
    _add_without_conflicts(chosen, candidates, count)
    return [item.version for item in chosen]


def draw_questions(
    pool: Sequence[QuestionVersion], count: int | None, rng: random.Random, shuffle: bool
) -> list[QuestionVersion]:
    """Pick up to ``count`` versions, no two of which conflict.

    Two questions conflict when they test the same fact, cite overlapping
    text, or one's stem names the other's answer. ``pool`` is in its stable
    order; with ``shuffle`` the draw and the order are random, otherwise the
    first suitable questions are asked in order. A random draw can block
    itself (a question citing a whole paragraph rules out every question from
    its sentences), so it is retried a few times and the fullest draw wins.
    """
    drawables = [_drawable(version) for version in pool]
    if not shuffle:
        return _first_without_conflicts(drawables, count)
    best: list[QuestionVersion] = []
    for _ in range(DRAW_TRIES):
        candidates = list(drawables)
        rng.shuffle(candidates)
        chosen = _first_without_conflicts(candidates, count)
        if len(chosen) > len(best):
            best = chosen
        if count is not None and len(best) >= count:
            break
    return best


def rule_pools(quiz: Quiz) -> list[tuple[QuizDrawRule, list[QuestionVersion]]]:
    """Each draw rule of ``quiz`` with the current published versions it may draw (one query)."""
    rules = list(quiz.draw_rules)
    if not rules:
        return []
    rows = db.session.execute(
        _current_versions_query()
        .add_columns(Question.bank_id, Question.category)
        .where(Question.bank_id.in_({rule.bank_id for rule in rules}))
        .order_by(Question.id)
    ).all()
    return [
        (rule, [v for v, bank_id, category in rows if _matches(rule, v, bank_id, category)])
        for rule in rules
    ]


def _matches(rule: QuizDrawRule, version: QuestionVersion, bank_id: int, category: str) -> bool:
    if bank_id != rule.bank_id:
        return False
    if rule.difficulty is not None and version.difficulty != rule.difficulty:
        return False
    wanted = rule.category.strip("/")
    return not wanted or category.strip("/") == wanted or category.startswith(wanted + "/")


def draw_by_rules(
    pools: Sequence[tuple[int, Sequence[QuestionVersion]]], rng: random.Random, shuffle: bool
) -> list[QuestionVersion]:
    """Draw each rule's count from its pool, no two versions in conflict across rules.

    ``pools`` pairs a count with the versions a rule may draw, in rule order.
    Without ``shuffle`` the first suitable questions are taken and asked rule
    by rule; with it each rule draws at random (retried, fullest draw wins)
    and the questions are asked in a random order.
    """
    prepared = [(count, [_drawable(version) for version in pool]) for count, pool in pools]
    best: list[_Drawable] = []
    for _ in range(DRAW_TRIES if shuffle else 1):
        chosen: list[_Drawable] = []
        for count, drawables in prepared:
            candidates = list(drawables)
            if shuffle:
                rng.shuffle(candidates)
            _add_without_conflicts(chosen, candidates, count)
        if len(chosen) > len(best):
            best = chosen
        if len(best) >= sum(count for count, _ in prepared):
            break
    if shuffle:
        rng.shuffle(best)
    return [item.version for item in best]


def draw_for_quiz(quiz: Quiz, rng: random.Random) -> list[QuestionVersion]:
    """The versions a new attempt at ``quiz`` asks, in the order it asks them."""
    if quiz.selection == SelectionMode.POOL and quiz.draw_rules:
        pools = [(rule.count, pool) for rule, pool in rule_pools(quiz)]
        return draw_by_rules(pools, rng, quiz.shuffle_questions)
    if quiz.selection == SelectionMode.FIXED and quiz.owner_id is not None:
        # The teacher chose these questions: ask every published one of them.
        versions = pool_for(quiz)
        if quiz.shuffle_questions:
            rng.shuffle(versions)
        return versions
    return draw_questions(pool_for(quiz), quiz.draw_count, rng, quiz.shuffle_questions)
