"""Item statistics per generator rule or per source article, from real answers.

For each group: the published questions it has in use, the answers given,
the mean facility and mean discrimination of its questions (each question
weighted once), the share of answers that students challenged and the share
of review decisions that rejected one of its questions. Every figure is an
aggregate query; Python only rolls a few hundred rows up into groups.
"""

from dataclasses import dataclass, field
from enum import StrEnum
from statistics import fmean

import sqlalchemy as sa

from quizapp.admin import item_analysis
from quizapp.extensions import db
from quizapp.models import (
    Article,
    Challenge,
    Question,
    QuestionStatus,
    QuestionVersion,
    ReviewAction,
    ReviewDecision,
)

NO_RULE = "(written by hand)"
NO_ARTICLE = "(no source article)"


class Grouping(StrEnum):
    RULE = "rule"
    ARTICLE = "article"


SORT_KEYS = ("label", "in_use", "answers", "facility", "discrimination", "challenges", "rejections")


@dataclass
class GroupStats:
    """The figures of one rule or one article."""

    key: str
    label: str
    in_use: int = 0
    answers: int = 0
    facilities: list[float] = field(default_factory=list)
    discriminations: list[float] = field(default_factory=list)
    challenge_count: int = 0
    decisions: int = 0
    rejected: int = 0

    @property
    def facility(self) -> float | None:
        return fmean(self.facilities) if self.facilities else None

    @property
    def discrimination(self) -> float | None:
        return fmean(self.discriminations) if self.discriminations else None

    @property
    def challenges(self) -> float | None:
        """Challenges per answer given."""
        return self.challenge_count / self.answers if self.answers else None

    @property
    def rejections(self) -> float | None:
        """Rejections per review decision taken."""
        return self.rejected / self.decisions if self.decisions else None


def group_column(grouping: Grouping) -> sa.ColumnElement:
    """The version column a grouping groups by."""
    return QuestionVersion.rule if grouping == Grouping.RULE else QuestionVersion.article_id


def _key(value) -> str:
    return "" if value is None else str(value)


def _current_version_join() -> sa.ColumnElement[bool]:
    return sa.and_(
        QuestionVersion.question_id == Question.id,
        QuestionVersion.number == Question.current_version,
    )


def _labels(grouping: Grouping, keys: set[str]) -> dict[str, str]:
    if grouping == Grouping.RULE:
        return {key: key or NO_RULE for key in keys}
    titles = {str(i): t for i, t in db.session.execute(sa.select(Article.id, Article.title))}
    return {key: titles.get(key, NO_ARTICLE) if key else NO_ARTICLE for key in keys}


def group_label(grouping: Grouping, key: str) -> str:
    """The name shown for one group: the rule, or the article's title."""
    if grouping == Grouping.RULE or not key.isdigit():
        return key or (NO_RULE if grouping == Grouping.RULE else NO_ARTICLE)
    return db.session.scalar(sa.select(Article.title).where(Article.id == int(key))) or NO_ARTICLE


def group_stats(grouping: Grouping) -> list[GroupStats]:
    """The statistics of every rule (or article) that has questions, answers or decisions."""
    column = group_column(grouping)
    groups: dict[str, GroupStats] = {}

    def group(value) -> GroupStats:
        key = _key(value)
        return groups.setdefault(key, GroupStats(key, ""))

    moments = item_analysis.version_moments()
    per_question = item_analysis.pooled(
        moments,
        lambda m: (_key(m.rule if grouping == Grouping.RULE else m.article_id), m.question_id),
    )
    for (key, _question), pooled in per_question.items():
        entry = group(key or None)
        entry.answers += pooled.n
        if pooled.facility is not None:
            entry.facilities.append(pooled.facility)
        if pooled.discrimination is not None:
            entry.discriminations.append(pooled.discrimination)
    for value, count in db.session.execute(
        sa.select(column, sa.func.count())
        .select_from(Question)
        .join(QuestionVersion, _current_version_join())
        .where(Question.status == QuestionStatus.PUBLISHED)
        .group_by(column)
    ):
        group(value).in_use = count
    for value, count in db.session.execute(
        sa.select(column, sa.func.count())
        .select_from(Challenge)
        .join(QuestionVersion, QuestionVersion.id == Challenge.question_version_id)
        .group_by(column)
    ):
        group(value).challenge_count = count
    rejected = sa.func.sum(sa.case((ReviewDecision.action == ReviewAction.REJECTED, 1), else_=0))
    for value, count, rejections in db.session.execute(
        sa.select(column, sa.func.count(), rejected)
        .select_from(ReviewDecision)
        .join(
            QuestionVersion,
            sa.and_(
                QuestionVersion.question_id == ReviewDecision.question_id,
                QuestionVersion.number == ReviewDecision.version_number,
            ),
        )
        .group_by(column)
    ):
        entry = group(value)
        entry.decisions, entry.rejected = count, int(rejections or 0)
    labels = _labels(grouping, set(groups))
    for key, entry in groups.items():
        entry.label = labels[key]
    return list(groups.values())


def sort_groups(groups: list[GroupStats], sort: str, descending: bool) -> list[GroupStats]:
    """Sort by one column; groups without a figure go last either way."""
    if sort not in SORT_KEYS:
        sort = "label"

    def value(entry: GroupStats):
        figure = getattr(entry, sort)
        return figure.casefold() if isinstance(figure, str) else figure

    present = [g for g in groups if value(g) is not None]
    missing = [g for g in groups if value(g) is None]
    present.sort(key=lambda g: (value(g), g.label.casefold()), reverse=descending)
    missing.sort(key=lambda g: g.label.casefold())
    return present + missing


@dataclass
class QuestionStats:
    """One question of a group, with its own figures."""

    question_id: int
    prompt: str
    status: str
    answers: int
    facility: float | None
    discrimination: float | None
    challenges: int


def group_filter(grouping: Grouping, key: str) -> sa.ColumnElement[bool]:
    """Versions that belong to the group named ``key`` ("" for none)."""
    column = group_column(grouping)
    if not key:
        return column.is_(None)
    if grouping == Grouping.ARTICLE:
        return column == (int(key) if key.isdigit() else -1)
    return column == key


def questions_of(grouping: Grouping, key: str) -> list[QuestionStats]:
    """The questions with a version in the group, hardest first (a fixed number of queries)."""
    in_group = group_filter(grouping, key)
    moments = [
        m
        for m in item_analysis.version_moments(in_group)
        if _key(m.rule if grouping == Grouping.RULE else m.article_id) == key
    ]
    per_question = item_analysis.pooled(moments, lambda m: m.question_id)
    challenges = dict(
        db.session.execute(
            sa.select(Challenge.question_id, sa.func.count())
            .join(QuestionVersion, QuestionVersion.id == Challenge.question_version_id)
            .where(in_group)
            .group_by(Challenge.question_id)
        ).all()
    )
    rows = db.session.execute(
        sa.select(Question.id, Question.status, QuestionVersion.prompt)
        .join(QuestionVersion, _current_version_join())
        .where(Question.id.in_(sa.select(QuestionVersion.question_id).where(in_group)))
    )
    found = []
    for question_id, status, prompt in rows:
        pooled = per_question.get(question_id, item_analysis.Moments())
        found.append(
            QuestionStats(
                question_id,
                prompt,
                status.value,
                pooled.n,
                pooled.facility,
                pooled.discrimination,
                challenges.get(question_id, 0),
            )
        )
    found.sort(key=lambda q: (q.facility is None, q.facility or 0, q.question_id))
    return found
