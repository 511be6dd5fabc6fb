"""Per-question analysis of a set of finished attempts, aggregated in SQL.

- **Facility**: the mean score on the question (0..1).
- **Discrimination**: the point-biserial correlation (Pearson's r) between
  the score on the question and the score on the rest of the attempt (the
  attempt's total without this question), so a question does not correlate
  with itself. It lies between -1 and 1; negative means stronger students
  did worse on it.
- **Option picks** for choice questions (mcq, multi, true/false), per version.

Flags point at questions that look broken: negative discrimination, a
distractor nobody picked, a correct option almost nobody picked.

Everything comes from one grouped query over the responses in scope (the
attempt's total is its score times its stored question count), so the cost
is one scan of those answers, whatever the number of students.
"""

import json
from collections import defaultdict
from dataclasses import dataclass, field

import sqlalchemy as sa

from quizapp.extensions import db
from quizapp.models import Attempt, Question, QuestionVersion, Response
from quizapp.score_moments import Moments

CHOICE_TYPES = ("mcq", "multi", "truefalse")
# Flags need this many answers before they say anything.
MIN_RESPONSES = 5
# A correct option picked by fewer than this share of students is flagged.
RARELY_PICKED = 0.2


@dataclass
class OptionPicks:
    label: str
    correct: bool
    picks: int = 0


@dataclass
class VersionPicks:
    version_number: int
    responses: int
    options: list[OptionPicks]


@dataclass
class QuestionStats:
    """One question's line in the analysis."""

    question_id: int
    prompt: str
    qtype: str
    responses: int
    facility: float | None
    discrimination: float | None
    picks: list[VersionPicks] = field(default_factory=list)

    @property
    def flags(self) -> list[str]:
        """What looks wrong with the question, in words."""
        flags = []
        if self.responses < MIN_RESPONSES:
            return flags
        if self.discrimination is not None and self.discrimination < 0:
            flags.append("Negative discrimination: stronger students did worse on it.")
        for version in self.picks:
            if version.responses < MIN_RESPONSES:
                continue
            for option in version.options:
                share = option.picks / version.responses
                if not option.correct and option.picks == 0:
                    flags.append(f"Nobody picked the distractor “{option.label}”.")
                elif option.correct and share < RARELY_PICKED:
                    flags.append(f"Almost nobody picked the correct “{option.label}”.")
        return flags


def _answer_groups(scope: sa.ColumnElement[bool]) -> list[sa.Row]:
    """One pass over the responses: sums per question version and, for choice types, per answer.

    Each row is (version id, answer as JSON text or None, n, Σx, Σy, Σxy, Σx², Σy²),
    with x the score on the question and y the rest of the attempt's score.
    """
    x = sa.func.coalesce(Response.score, 0.0)
    rest = Attempt.score * Attempt.question_count - x
    choice = QuestionVersion.type.in_(CHOICE_TYPES)
    answer = sa.case((choice, sa.cast(Response.answer, sa.Text)), else_=sa.null())
    scored = (
        sa.select(
            Response.question_version_id.label("version_id"),
            answer.label("answer"),
            x.label("x"),
            rest.label("y"),
        )
        .join(Attempt, Attempt.id == Response.attempt_id)
        .join(QuestionVersion, QuestionVersion.id == Response.question_version_id)
        .where(scope)
        .subquery()
    )
    x, y = scored.c.x, scored.c.y
    return db.session.execute(
        sa.select(
            scored.c.version_id,
            scored.c.answer,
            sa.func.count(),
            sa.func.sum(x),
            sa.func.sum(y),
            sa.func.sum(x * y),
            sa.func.sum(x * x),
            sa.func.sum(y * y),
        ).group_by(scored.c.version_id, scored.c.answer)
    ).all()


def _version_picks(version: QuestionVersion, answers: list[tuple[str | None, int]]):
    data = version.data
    if version.type == "truefalse":
        options = [
            OptionPicks("True", data.get("answer") is True),
            OptionPicks("False", data.get("answer") is False),
        ]
        index = {True: 0, False: 1}
    else:
        keys = data.get("answers") if version.type == "multi" else [data.get("answer")]
        options = [OptionPicks(str(o), o in (keys or ())) for o in data.get("options") or []]
        index = {i: i for i in range(len(options))}
    total = 0
    for text, count in answers:
        total += count
        picked = _decode(text)
        for choice in picked if isinstance(picked, list) else [picked]:
            if not _is_choice(choice, version.type == "truefalse"):
                continue
            position = index.get(choice)
            if position is not None:
                options[position].picks += count
    return VersionPicks(version.number, total, options)


def _is_choice(value, truefalse: bool) -> bool:
    """A stored pick: a bool for true/false, an option index (never a bool) otherwise."""
    if truefalse:
        return isinstance(value, bool)
    return isinstance(value, int) and not isinstance(value, bool)


def _decode(text: str | None):
    if text is None:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return None


def question_analysis(scope: sa.ColumnElement[bool]) -> list[QuestionStats]:
    """The analysis of every question answered in the attempts ``scope`` selects."""
    groups = _answer_groups(scope)
    if not groups:
        return []
    answered = {
        version.id: version
        for version in db.session.scalars(
            sa.select(QuestionVersion).where(QuestionVersion.id.in_({row[0] for row in groups}))
        )
    }
    sums: dict[int, Moments] = defaultdict(Moments)
    picks: dict[int, list[tuple[str | None, int]]] = defaultdict(list)
    for version_id, answer, *figures in groups:
        version = answered[version_id]
        moments = Moments.from_sums(*figures)
        sums[version.question_id].add(moments)
        if version.type in CHOICE_TYPES:
            picks[version_id].append((answer, moments.n))
    by_question: dict[int, list[VersionPicks]] = defaultdict(list)
    for version_id in sorted(picks, key=lambda v: answered[v].number):
        version = answered[version_id]
        by_question[version.question_id].append(_version_picks(version, picks[version_id]))
    latest = _current_versions(list(sums))
    stats = [
        _question_stats(latest[question_id], total, by_question.get(question_id, []))
        for question_id, total in sums.items()
    ]
    stats.sort(key=lambda s: (s.discrimination is None, s.discrimination or 0, s.question_id))
    return stats


def _current_versions(question_ids: list[int]) -> dict[int, QuestionVersion]:
    """Each question's current version, by question id."""
    rows = db.session.execute(
        sa.select(Question.id, QuestionVersion)
        .join(
            QuestionVersion,
            sa.and_(
                QuestionVersion.question_id == Question.id,
                QuestionVersion.number == Question.current_version,
            ),
        )
        .where(Question.id.in_(question_ids))
    ).all()
    return {question_id: version for question_id, version in rows}


def _question_stats(version: QuestionVersion, total: Moments, picks: list[VersionPicks]):
    return QuestionStats(
        question_id=version.question_id,
        prompt=version.prompt,
        qtype=version.type,
        responses=total.n,
        facility=total.mean_x(),
        discrimination=total.correlation(),
        picks=picks,
    )


ANALYSIS_HEADER = [
    "Question id",
    "Question",
    "Type",
    "Responses",
    "Facility (%)",
    "Discrimination (point-biserial r)",
    "Option picks",
    "Flags",
]


def analysis_rows(stats: list[QuestionStats]):
    """The analysis as CSV rows."""
    for item in stats:
        picks = "; ".join(
            f"v{version.version_number}: "
            + ", ".join(
                f"{o.label}{' (correct)' if o.correct else ''}={o.picks}" for o in version.options
            )
            for version in item.picks
        )
        yield [
            item.question_id,
            item.prompt,
            item.qtype,
            item.responses,
            round(item.facility * 100, 1) if item.facility is not None else None,
            round(item.discrimination, 3) if item.discrimination is not None else None,
            picks,
            " ".join(item.flags),
        ]
