"""The figures of the admin dashboard, each computed by one aggregate query."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

import sqlalchemy as sa

from quizapp.admin import item_analysis
from quizapp.extensions import db
from quizapp.models import (
    Attempt,
    Challenge,
    ChallengeStatus,
    Question,
    QuestionStatus,
    QuestionVersion,
    Quiz,
    Role,
    SiteFigure,
    User,
)
from quizapp.models.base import utcnow

ACTIVE_DAYS = 30
HISTORY_DAYS = 42
SCORE_BINS = 10
QUIZZES_SHOWN = 8
QUESTIONS_SHOWN = 10


@dataclass
class RoleCount:
    role: Role
    accounts: int
    deactivated: int
    active_recently: int


def people(now: datetime | None = None) -> list[RoleCount]:
    """Accounts per role, deactivated ones, and those active in the last 30 days.

    A student is active when they started a real attempt in that time; a
    teacher or admin when they logged in.
    """
    cutoff = (now or utcnow()) - timedelta(days=ACTIVE_DAYS)
    attempted = sa.select(Attempt.user_id).where(
        Attempt.started_at >= cutoff, Attempt.is_preview.is_(False)
    )
    recent = sa.or_(
        User.last_login_at >= cutoff,
        sa.and_(User.role == Role.STUDENT, User.id.in_(attempted)),
    )
    rows = db.session.execute(
        sa.select(
            User.role,
            sa.func.count(),
            sa.func.sum(sa.case((User.active.is_(False), 1), else_=0)),
            sa.func.sum(sa.case((sa.and_(User.active.is_(True), recent), 1), else_=0)),
        ).group_by(User.role)
    )
    found = {role: RoleCount(role, n, int(off or 0), int(on or 0)) for role, n, off, on in rows}
    return [found.get(role, RoleCount(role, 0, 0, 0)) for role in Role]


def attempts_per_day(today: date | None = None) -> list[tuple[date, int]]:
    """Real attempts started on each of the last :data:`HISTORY_DAYS` days (UTC), oldest first."""
    today = today or utcnow().date()
    first = today - timedelta(days=HISTORY_DAYS - 1)
    start = datetime(first.year, first.month, first.day)
    day = sa.func.date(Attempt.started_at)
    rows = db.session.execute(
        sa.select(day, sa.func.count())
        .where(Attempt.started_at >= start, Attempt.is_preview.is_(False))
        .group_by(day)
    )
    counts = {str(value)[:10]: n for value, n in rows}
    days = [first + timedelta(days=offset) for offset in range(HISTORY_DAYS)]
    return [(d, counts.get(d.isoformat(), 0)) for d in days]


@dataclass
class QuizScores:
    quiz_id: int
    title: str
    slug: str
    bins: list[int]

    @property
    def attempts(self) -> int:
        return sum(self.bins)


def _score_bin() -> sa.Case:
    # A CASE ladder rather than floor(): portable, and 100 % falls in the top bin.
    return sa.case(
        *[(Attempt.score < (b + 1) / SCORE_BINS, b) for b in range(SCORE_BINS - 1)],
        else_=SCORE_BINS - 1,
    )


def score_distributions() -> list[QuizScores]:
    """Histograms of finished real attempts' scores, for the most attempted quizzes."""
    bucket = _score_bin().label("bucket")
    rows = db.session.execute(
        sa.select(Quiz.id, Quiz.title, Quiz.slug, bucket, sa.func.count())
        .join(Attempt, Attempt.quiz_id == Quiz.id)
        .where(item_analysis.real_attempts_filter())
        .group_by(Quiz.id, Quiz.title, Quiz.slug, bucket)
    )
    quizzes: dict[int, QuizScores] = {}
    for quiz_id, title, slug, b, n in rows:
        entry = quizzes.setdefault(quiz_id, QuizScores(quiz_id, title, slug, [0] * SCORE_BINS))
        entry.bins[int(b)] = n
    ranked = sorted(quizzes.values(), key=lambda q: (-q.attempts, q.title))
    return ranked[:QUIZZES_SHOWN]


@dataclass
class QuestionFigure:
    question_id: int
    prompt: str
    value: float
    detail: int


def _current_prompts(question_ids: list[int]) -> dict[int, str]:
    # Always one query, even for no ids, so the page's query count never varies.
    rows = db.session.execute(
        sa.select(Question.id, QuestionVersion.prompt)
        .join(
            QuestionVersion,
            sa.and_(
                QuestionVersion.question_id == Question.id,
                QuestionVersion.number == Question.current_version,
            ),
        )
        .where(Question.id.in_(question_ids))
    )
    return dict(rows.all())


def hardest_questions(moments: list[item_analysis.VersionMoments]) -> list[QuestionFigure]:
    """The questions with the lowest facility (at least MIN_ANSWERS answers)."""
    per_question = item_analysis.pooled(moments, lambda item: item.question_id)
    rated = [(qid, m) for qid, m in per_question.items() if m.facility is not None]
    rated.sort(key=lambda pair: (pair[1].facility, pair[0]))
    chosen = rated[:QUESTIONS_SHOWN]
    prompts = _current_prompts([qid for qid, _ in chosen])
    return [QuestionFigure(qid, prompts.get(qid, ""), m.facility, m.n) for qid, m in chosen]


def most_challenged_questions() -> list[QuestionFigure]:
    """The questions students challenged most: value = challenges, detail = still open."""
    open_count = sa.func.sum(sa.case((Challenge.status == ChallengeStatus.OPEN, 1), else_=0))
    total = sa.func.count()
    rows = db.session.execute(
        sa.select(Challenge.question_id, total, open_count)
        .group_by(Challenge.question_id)
        .order_by(total.desc(), Challenge.question_id)
        .limit(QUESTIONS_SHOWN)
    ).all()
    prompts = _current_prompts([qid for qid, _, _ in rows])
    return [QuestionFigure(qid, prompts.get(qid, ""), n, int(o or 0)) for qid, n, o in rows]


@dataclass
class ReviewQueue:
    draft_questions: int
    open_challenges: int


def review_queue() -> ReviewQueue:
    """Items waiting for a teacher: draft questions and open challenges (one query)."""
    drafts = (
        sa.select(sa.func.count(Question.id))
        .where(Question.status == QuestionStatus.DRAFT)
        .scalar_subquery()
    )
    challenges = (
        sa.select(sa.func.count(Challenge.id))
        .where(Challenge.status == ChallengeStatus.OPEN)
        .scalar_subquery()
    )
    row = db.session.execute(sa.select(drafts, challenges)).one()
    return ReviewQueue(int(row[0]), int(row[1]))


DASHBOARD_FIGURES = "dashboard"


@dataclass
class DashboardFigures:
    """The dashboard's stored figures and when they were computed."""

    people: list[RoleCount]
    attempts_per_day: list[tuple[date, int]]
    score_distributions: list[QuizScores]
    computed_at: datetime


def store_dashboard_figures(now: datetime) -> None:
    """Compute people, attempts per day and score distributions; store them (caller commits)."""
    data = {
        "people": [
            [c.role.value, c.accounts, c.deactivated, c.active_recently] for c in people(now)
        ],
        "attempts_per_day": [[d.isoformat(), n] for d, n in attempts_per_day(now.date())],
        "score_distributions": [
            [q.quiz_id, q.title, q.slug, q.bins] for q in score_distributions()
        ],
    }
    db.session.execute(sa.delete(SiteFigure).where(SiteFigure.name == DASHBOARD_FIGURES))
    db.session.add(SiteFigure(name=DASHBOARD_FIGURES, data=data, computed_at=now))
    db.session.flush()


def stored_dashboard_figures() -> DashboardFigures | None:
    """The figures the last recalculation stored, or None before the first one."""
    row = db.session.get(SiteFigure, DASHBOARD_FIGURES)
    if row is None:
        return None
    data = row.data
    return DashboardFigures(
        people=[RoleCount(Role(r), a, d, n) for r, a, d, n in data["people"]],
        attempts_per_day=[(date.fromisoformat(d), n) for d, n in data["attempts_per_day"]],
        score_distributions=[QuizScores(*entry) for entry in data["score_distributions"]],
        computed_at=row.computed_at,
    )
