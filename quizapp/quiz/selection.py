"""Choosing the questions an attempt asks."""

import random
from collections.abc import Sequence

import sqlalchemy as sa

from quizapp.extensions import db
from quizapp.models import (
    Question,
    QuestionStatus,
    QuestionVersion,
    Quiz,
    QuizQuestion,
    SelectionMode,
)
from quizapp.models.quiz import quiz_bank


def _current_versions_query() -> sa.Select:
    return (
        sa.select(QuestionVersion)
        .join(Question, QuestionVersion.question_id == Question.id)
        .where(
            QuestionVersion.number == Question.current_version,
            Question.status == QuestionStatus.PUBLISHED,
        )
    )


def pool_for(quiz: Quiz) -> list[QuestionVersion]:
    """The current published versions a quiz can ask, in a stable order."""
    if quiz.selection == SelectionMode.FIXED:
        query = (
            _current_versions_query()
            .join(QuizQuestion, QuizQuestion.question_id == Question.id)
            .where(QuizQuestion.quiz_id == quiz.id)
            .order_by(QuizQuestion.position)
        )
    else:
        query = _current_versions_query().where(Question.topic == quiz.topic)
        has_banks = sa.select(quiz_bank.c.bank_id).where(quiz_bank.c.quiz_id == quiz.id)
        query = query.where(
            sa.or_(~sa.exists(has_banks), Question.bank_id.in_(has_banks))
        ).order_by(Question.id)
    return list(db.session.scalars(query))


def _overlaps(version: QuestionVersion, used: list[tuple[int, int, int]]) -> bool:
    if version.article_id is None or version.source_start is None:
        return False
    return any(
        article == version.article_id and version.source_start < end and start < version.source_end
        for article, start, end in used
    )


DRAW_TRIES = 25


def _first_without_overlaps(
    candidates: Sequence[QuestionVersion], count: int | None
) -> list[QuestionVersion]:
    chosen: list[QuestionVersion] = []
    used: list[tuple[int, int, int]] = []
    for version in candidates:
        if count is not None and len(chosen) >= count:
            break
        if _overlaps(version, used):
            continue
        chosen.append(version)
        if version.article_id is not None and version.source_start is not None:
            used.append((version.article_id, version.source_start, version.source_end))
    return chosen


def draw_questions(
    pool: Sequence[QuestionVersion], count: int | None, rng: random.Random, shuffle: bool
) -> list[QuestionVersion]:
    """Pick up to ``count`` versions, never two made from the same (or an overlapping) source.

    ``pool`` is in its stable order; with ``shuffle`` the draw and the order
    are random, otherwise the first suitable questions are asked in order. A
    random draw can block itself (a question citing a whole paragraph rules
    out every question from its sentences), so it is retried a few times and
    the fullest draw wins.
    """
    if not shuffle:
        return _first_without_overlaps(pool, count)
    best: list[QuestionVersion] = []
    for _ in range(DRAW_TRIES):
        candidates = list(pool)
        rng.shuffle(candidates)
        chosen = _first_without_overlaps(candidates, count)
        if len(chosen) > len(best):
            best = chosen
        if count is not None and len(best) >= count:
            break
    return best
