"""Facility and discrimination of questions, from answers on real attempts, in SQL.

One grouped query sums, per question version, the moments of the item
score ``x`` (the response's score) and the attempt score ``y``: n, Σx, Σy,
Σxy, Σx², Σy². The sums add up across versions, questions, rules or
articles, so any grouping is a cheap roll-up of a few hundred rows, and the
database does the work over the millions of answers.

* facility: the mean item score (1 = everyone right);
* discrimination: the correlation of the item score with the attempt score
  (the point-biserial index for right/wrong items): near 0 or negative means
  the question does not separate strong from weak students.

Only finished attempts count; teachers' preview attempts never do.
"""

import math
from collections.abc import Iterable
from dataclasses import dataclass

import sqlalchemy as sa

from quizapp.extensions import db
from quizapp.models import Attempt, AttemptState, QuestionVersion, Response

# Below this many answers a question's figures are not shown (too noisy).
MIN_ANSWERS = 5


@dataclass
class Moments:
    """Sums of item score x and attempt score y over some answers."""

    n: int = 0
    sx: float = 0.0
    sy: float = 0.0
    sxy: float = 0.0
    sxx: float = 0.0
    syy: float = 0.0

    def add(self, other: "Moments") -> None:
        """Pool ``other``'s answers into these sums."""
        self.n += other.n
        self.sx += other.sx
        self.sy += other.sy
        self.sxy += other.sxy
        self.sxx += other.sxx
        self.syy += other.syy

    @property
    def facility(self) -> float | None:
        """The mean item score, or None below :data:`MIN_ANSWERS` answers."""
        return self.sx / self.n if self.n >= MIN_ANSWERS else None

    @property
    def discrimination(self) -> float | None:
        """The item-attempt score correlation, or None when it is undefined."""
        if self.n < MIN_ANSWERS:
            return None
        covariance = self.n * self.sxy - self.sx * self.sy
        spread = (self.n * self.sxx - self.sx**2) * (self.n * self.syy - self.sy**2)
        if spread <= 1e-12:
            return None
        return max(-1.0, min(1.0, covariance / math.sqrt(spread)))


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


def version_moments(versions: sa.ColumnElement[bool] | None = None) -> list[VersionMoments]:
    """The moments of every answered question version (one query).

    ``versions``, a condition on :class:`QuestionVersion`, narrows the answers counted.
    """
    x = sa.func.coalesce(Response.score, 0.0)
    y = Attempt.score
    sums = (
        sa.select(
            Response.question_version_id,
            sa.func.count().label("n"),
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
    if versions is not None:
        sums = sums.join(QuestionVersion, QuestionVersion.id == Response.question_version_id).where(
            versions
        )
    sums = sums.subquery()
    return _attach_versions(sums)


def _attach_versions(sums: sa.Subquery) -> list[VersionMoments]:
    columns = list(sums.c)
    rows = db.session.execute(
        sa.select(
            QuestionVersion.id,
            QuestionVersion.question_id,
            QuestionVersion.rule,
            QuestionVersion.article_id,
            *columns[1:],
        ).join(sums, columns[0] == QuestionVersion.id)
    )
    return [
        VersionMoments(
            version_id,
            question_id,
            rule,
            article_id,
            Moments(int(n), float(sx), float(sy), float(sxy), float(sxx), float(syy)),
        )
        for version_id, question_id, rule, article_id, n, sx, sy, sxy, sxx, syy in rows
    ]


def pooled(items: Iterable[VersionMoments], key) -> dict:
    """Sum the moments of ``items`` per ``key(item)``."""
    totals: dict = {}
    for item in items:
        totals.setdefault(key(item), Moments()).add(item.moments)
    return totals
