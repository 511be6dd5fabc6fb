"""Facility and discrimination of questions, from answers on real attempts, in SQL.

One grouped query sums, per question version, the moments of the item
score ``x`` (the response's score) and the attempt score ``y``: n, Σx, Σy,
Σxy, Σx², Σy². The sums add up across versions, questions, rules or
articles, so any grouping is a cheap roll-up of a few hundred rows, and the
database does the work over the millions of answers.

That query reads every answer, so its result is stored (``item_statistic``)
and recalculated by :mod:`quizapp.admin.recalculation`; pages read the
stored sums and say how old they are.

* facility: the mean item score (1 = everyone right);
* discrimination: the correlation of the item score with the attempt score
  (the point-biserial index for right/wrong items): near 0 or negative means
  the question does not separate strong from weak students.

Only finished attempts count; teachers' preview attempts never do.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa

from quizapp import score_moments
from quizapp.extensions import db
from quizapp.models import Attempt, AttemptState, ItemStatistic, QuestionVersion, Response
from quizapp.models.base import UTCDateTime

# Below this many answers a question's figures are not shown (too noisy).
MIN_ANSWERS = 5


class Moments(score_moments.Moments):
    """Moments whose figures are shown only from :data:`MIN_ANSWERS` answers on."""

    @property
    def facility(self) -> float | None:
        """The mean item score, or None below :data:`MIN_ANSWERS` answers."""
        return self.mean_x() if self.n >= MIN_ANSWERS else None

    @property
    def discrimination(self) -> float | None:
        """The item-attempt score correlation, or None when it is undefined or too noisy."""
        return self.correlation() if self.n >= MIN_ANSWERS else None


@dataclass
class VersionMoments:
    """The sums for one question version, with what it is grouped by."""

    version_id: int
    question_id: int
    rule: str | None
    article_id: int | None
    moments: Moments


def real_attempts_filter() -> sa.ColumnElement[bool]:
    """Finished attempts that are not teachers' previews."""
    return sa.and_(Attempt.state != AttemptState.OPEN, Attempt.is_preview.is_(False))


def _answer_sums() -> sa.Select:
    """Per answered version: n, Σx, Σy, Σxy, Σx², Σy² over real answers (the heavy query)."""
    x = sa.func.coalesce(Response.score, 0.0)
    y = Attempt.score
    return (
        sa.select(
            Response.question_version_id,
            sa.func.count(),
            sa.func.sum(x),
            sa.func.sum(y),
            sa.func.sum(x * y),
            sa.func.sum(x * x),
            sa.func.sum(y * y),
        )
        .join(Attempt, Attempt.id == Response.attempt_id)
        .where(real_attempts_filter())
        .group_by(Response.question_version_id)
    )


def replace_sums(now: datetime) -> None:
    """Replace the stored sums by sums over every real answer (the caller commits)."""
    sums = _answer_sums().add_columns(sa.literal(now, UTCDateTime()))
    db.session.execute(sa.delete(ItemStatistic))
    db.session.execute(
        sa.insert(ItemStatistic).from_select(
            [
                "question_version_id",
                "answers",
                "sum_x",
                "sum_y",
                "sum_xy",
                "sum_xx",
                "sum_yy",
                "computed_at",
            ],
            sums,
        )
    )


def computed_at() -> datetime | None:
    """When the stored sums were last recalculated (None: never, or nothing answered)."""
    return db.session.scalar(sa.select(sa.func.max(ItemStatistic.computed_at)))


def version_moments(versions: sa.ColumnElement[bool] | None = None) -> list[VersionMoments]:
    """The stored moments of every answered question version (one query).

    ``versions``, a condition on :class:`QuestionVersion`, narrows the versions read.
    """
    statement = sa.select(
        QuestionVersion.id,
        QuestionVersion.question_id,
        QuestionVersion.rule,
        QuestionVersion.article_id,
        ItemStatistic.answers,
        ItemStatistic.sum_x,
        ItemStatistic.sum_y,
        ItemStatistic.sum_xy,
        ItemStatistic.sum_xx,
        ItemStatistic.sum_yy,
    ).join(ItemStatistic, ItemStatistic.question_version_id == QuestionVersion.id)
    if versions is not None:
        statement = statement.where(versions)
    return [
        VersionMoments(
            version_id,
            question_id,
            rule,
            article_id,
            Moments.from_sums(n, sx, sy, sxy, sxx, syy),
        )
        for version_id, question_id, rule, article_id, n, sx, sy, sxy, sxx, syy in (
            db.session.execute(statement)
        )
    ]


def pooled(items: Iterable[VersionMoments], key) -> dict:
    """Sum the moments of ``items`` per ``key(item)``."""
    totals: dict = {}
    for item in items:
        totals.setdefault(key(item), Moments()).add(item.moments)
    return totals
