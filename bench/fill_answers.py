"""Fill a database with a realistic classroom history: up to millions of stored answers.

The database named by ``--database-uri`` is emptied (its ``public`` schema on
PostgreSQL, the file on SQLite), migrated to the newest schema and loaded
with the seed banks and quizzes. Then a teacher, a class with every student
enrolled, an assignment per seed quiz and the students' submitted attempts
are written in bulk. Whether a student answers a question correctly follows
a simple item-response model (student ability against question difficulty),
so facility and discrimination come out as they would in a real class, and
every stored score is the one the question type grades the stored answer.

    .venv/bin/python bench/fill_answers.py \\
        --database-uri postgresql+psycopg://postgres@127.0.0.1:5432/bench --answers 1000000

It prints a JSON summary (the teacher's email and password, class and
assignment ids, counts, seconds). Other benchmarks import :func:`fill`.
"""

import argparse
import json
import math
import random
import secrets
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quizapp import create_app  # noqa: E402
from quizapp.auth.services import create_user, hash_password  # noqa: E402
from quizapp.extensions import db  # noqa: E402
from quizapp.identity import identity_key  # noqa: E402
from quizapp.models import (  # noqa: E402
    Assignment,
    Attempt,
    AttemptState,
    Challenge,
    ChallengeReason,
    Classroom,
    Enrollment,
    QuestionVersion,
    Quiz,
    Response,
    Role,
    User,
)
from quizapp.questiontypes import get_type  # noqa: E402
from quizapp.quiz.selection import draw_questions, pool_for  # noqa: E402
from quizapp.seeding import load_seed  # noqa: E402

TEACHER_EMAIL = "teacher@bench.example"
PASSWORD = "bench-teacher-password"  # noqa: S105 - a throwaway account in a bench database
ATTEMPTS_PER_STUDENT = 2
DRAWS_PER_QUIZ = 40
BATCH = 5000
HISTORY_DAYS = 42
CHALLENGE_RATE = 0.002


@dataclass
class FillSummary:
    """What :func:`fill` wrote, and where to log in to look at it."""

    database_uri: str
    teacher_email: str = TEACHER_EMAIL
    teacher_password: str = PASSWORD
    classroom_id: int = 0
    assignment_ids: dict[str, int] = field(default_factory=dict)
    students: int = 0
    attempts: int = 0
    answers: int = 0
    challenges: int = 0
    seconds: float = 0.0


def _empty_database(app) -> None:
    with app.app_context():
        if db.engine.dialect.name == "postgresql":
            with db.engine.begin() as connection:
                connection.execute(sa.text("DROP SCHEMA public CASCADE"))
                connection.execute(sa.text("CREATE SCHEMA public"))
        else:
            db.session.remove()
            path = Path(db.engine.url.database)
            db.engine.dispose()
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)


def _migrate(app) -> None:
    from flask_migrate import upgrade

    with app.app_context():
        upgrade(directory=str(ROOT / "migrations"))


def _make_app(database_uri: str):
    return create_app(
        {
            "SECRET_KEY": "bench",
            "SQLALCHEMY_DATABASE_URI": database_uri,
            "JOBS_BROKER_URL": "memory://",
            "RATELIMIT_ENABLED": False,
        }
    )


def _right_and_wrong(version) -> tuple[object, object]:
    """An answer that earns full marks and one that earns nothing, for the version's type."""
    data = version.data
    kind = version.type
    if kind == "mcq":
        right = data["options"].index(data["answer"])
        return right, (right + 1) % len(data["options"])
    if kind == "multi":
        right = [i for i, option in enumerate(data["options"]) if option in data["answers"]]
        wrong = [i for i in range(len(data["options"])) if i not in right]
        return right, wrong or []
    if kind == "truefalse":
        return data["answer"], not data["answer"]
    if kind == "numeric":
        return data["answer"], data["answer"] + 10 * (data["tolerance"] + 1)
    if kind == "short":
        return data["answers"][0], "no idea"
    if kind == "matching":
        size = len(data["pairs"])
        return list(range(size)), [(i + 1) % size for i in range(size)]
    size = len(data["items"])
    return list(range(size)), list(reversed(range(size)))


def _difficulty(version, rng: random.Random) -> float:
    base = {"easy": -1.0, "medium": 0.0, "hard": 1.0}[version.difficulty.value]
    return base + rng.gauss(0, 0.5)


@dataclass
class _QuizPlan:
    quiz_id: int
    assignment_id: int
    draws: list[list]
    difficulty: dict[int, float]
    answers: dict[int, tuple[tuple[object, float], tuple[object, float]]]
    orders: dict[int, list[int]]


def _plan_quiz(quiz: Quiz, assignment_id: int, rng: random.Random) -> _QuizPlan:
    pool = pool_for(quiz)
    draws = [
        draw_questions(pool, quiz.draw_count, rng, shuffle=True) for _ in range(DRAWS_PER_QUIZ)
    ]
    difficulty, answers, orders = {}, {}, {}
    for version in pool:
        qtype = get_type(version.type)
        right, wrong = _right_and_wrong(version)
        answers[version.id] = (
            (right, qtype.grade(version.data, right, prompt=version.prompt)),
            (wrong, qtype.grade(version.data, wrong, prompt=version.prompt)),
        )
        difficulty[version.id] = _difficulty(version, rng)
        orders[version.id] = qtype.shown_order(version.data, rng, True)
    return _QuizPlan(quiz.id, assignment_id, draws, difficulty, answers, orders)


def _setup_class(summary: FillSummary) -> tuple[int, list[tuple[Quiz, int]]]:
    teacher = create_user(TEACHER_EMAIL, PASSWORD, "Bench Teacher", Role.TEACHER)
    classroom = Classroom(name="Bench class", owner_id=teacher.id, join_code="BENCH" + "2345")
    db.session.add(classroom)
    db.session.flush()
    quizzes = db.session.scalars(
        sa.select(Quiz).where(Quiz.is_published.is_(True)).order_by(Quiz.id)
    ).all()
    assigned = []
    for quiz in quizzes:
        assignment = Assignment(classroom_id=classroom.id, quiz_id=quiz.id)
        db.session.add(assignment)
        db.session.flush()
        assigned.append((quiz, assignment.id))
        summary.assignment_ids[quiz.slug] = assignment.id
    db.session.commit()
    summary.classroom_id = classroom.id
    return classroom.id, assigned


def _insert_students(count: int, classroom_id: int) -> list[int]:
    password_hash = hash_password(secrets.token_urlsafe(12))
    first_id = (db.session.scalar(sa.select(sa.func.max(User.id))) or 0) + 1
    now = datetime.now(UTC)
    for start in range(0, count, BATCH):
        rows = [
            {
                "id": first_id + n,
                "email": f"student{n}@bench.example",
                "email_key": identity_key(f"student{n}@bench.example"),
                "display_name": f"Student {n}",
                "password_hash": password_hash,
                "role": Role.STUDENT,
                "session_token": secrets.token_urlsafe(24),
                "active": True,
                "must_change_password": False,
                "created_at": now,
            }
            for n in range(start, min(count, start + BATCH))
        ]
        db.session.execute(sa.insert(User), rows)
        db.session.execute(
            sa.insert(Enrollment),
            [
                {"classroom_id": classroom_id, "user_id": row["id"], "joined_at": now}
                for row in rows
            ],
        )
    db.session.commit()
    _advance_sequence("user", first_id + count)
    return list(range(first_id, first_id + count))


def _advance_sequence(table: str, next_id: int) -> None:
    if db.engine.dialect.name == "postgresql":
        db.session.execute(
            sa.text(f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), {next_id})")
        )
        db.session.commit()


def _attempt_rows(plan, student_id, ability, number, attempt_id, rng, now):
    versions = rng.choice(plan.draws)
    started = now - timedelta(days=rng.uniform(0, HISTORY_DAYS), minutes=rng.uniform(0, 600))
    responses = []
    for position, version in enumerate(versions, start=1):
        chance = 1 / (1 + math.exp(plan.difficulty[version.id] - ability))
        answer, score = plan.answers[version.id][0 if rng.random() < chance else 1]
        responses.append(
            {
                "attempt_id": attempt_id,
                "position": position,
                "question_version_id": version.id,
                "option_order": plan.orders[version.id],
                "answer": answer,
                "saved_at": started + timedelta(seconds=30 * position),
                "score": score,
            }
        )
    attempt = {
        "id": attempt_id,
        "user_id": student_id,
        "quiz_id": plan.quiz_id,
        "assignment_id": plan.assignment_id,
        "number": number,
        "question_count": len(versions),
        "state": AttemptState.SUBMITTED,
        "started_at": started,
        "submitted_at": started + timedelta(seconds=30 * len(versions) + 20),
        "score": sum(r["score"] for r in responses) / len(responses),
        "is_late": False,
        "is_preview": False,
    }
    return attempt, responses


def _insert_attempts(plans, students, target_answers, rng, summary) -> None:
    """Round after round, each student makes one more attempt at their quiz until enough."""
    now = datetime.now(UTC)
    next_attempt = (db.session.scalar(sa.select(sa.func.max(Attempt.id))) or 0) + 1
    attempts, responses = [], []
    number = 0
    while summary.answers < target_answers:
        number += 1
        for student in students:
            if summary.answers >= target_answers:
                break
            ability = random.Random(student).gauss(0, 1)
            plan = plans[student % len(plans)]
            attempt, rows = _attempt_rows(plan, student, ability, number, next_attempt, rng, now)
            attempts.append(attempt)
            responses.extend(rows)
            next_attempt += 1
            summary.attempts += 1
            summary.answers += len(rows)
            if len(responses) >= BATCH:
                _flush(attempts, responses)
    _flush(attempts, responses)
    _advance_sequence("attempt", next_attempt)


def _flush(attempts: list, responses: list) -> None:
    if attempts:
        if db.engine.dialect.name == "postgresql":
            _copy_rows("attempt", attempts)
            _copy_rows("response", responses)
        else:
            db.session.execute(sa.insert(Attempt), attempts)
            db.session.execute(sa.insert(Response), responses)
        db.session.commit()
    attempts.clear()
    responses.clear()


JSON_COLUMNS = {"option_order", "answer"}


def _copy_rows(table: str, rows: list[dict]) -> None:
    """Write rows with PostgreSQL's COPY, an order of magnitude faster than INSERTs."""
    columns = list(rows[0])
    driver = db.session.connection().connection.driver_connection
    quoted = ", ".join(f'"{name}"' for name in columns)
    with driver.cursor() as cursor, cursor.copy(f"COPY {table} ({quoted}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row([_copy_value(name, row[name]) for name in columns])


def _copy_value(name: str, value):
    if name in JSON_COLUMNS:
        return json.dumps(value)
    if isinstance(value, AttemptState):
        return value.value
    if isinstance(value, datetime):
        return value.astimezone(UTC).replace(tzinfo=None)
    return value


def _insert_challenges(rng: random.Random, summary: FillSummary) -> None:
    rows = db.session.execute(
        sa.select(Response.id, Attempt.user_id, Response.question_version_id)
        .join(Attempt, Attempt.id == Response.attempt_id)
        .where(Response.score < 1, Response.id % 97 == 0)
    ).all()
    question_of = dict(
        db.session.execute(sa.select(QuestionVersion.id, QuestionVersion.question_id)).all()
    )
    reasons = list(ChallengeReason)
    chosen = [row for row in rows if rng.random() < CHALLENGE_RATE * 97]
    for start in range(0, len(chosen), BATCH):
        db.session.execute(
            sa.insert(Challenge),
            [
                {
                    "response_id": response_id,
                    "user_id": user_id,
                    "question_id": question_of[version_id],
                    "question_version_id": version_id,
                    "reason": rng.choice(reasons),
                    "comment": "I think my answer is right.",
                }
                for response_id, user_id, version_id in chosen[start : start + BATCH]
            ],
        )
    db.session.commit()
    summary.challenges = len(chosen)


def fill(database_uri: str, answers: int = 1_000_000, seed: int = 1) -> FillSummary:
    """Empty the database, migrate it, load the seed and write about ``answers`` answers."""
    started = time.perf_counter()
    summary = FillSummary(database_uri=database_uri)
    app = _make_app(database_uri)
    _empty_database(app)
    _migrate(app)
    rng = random.Random(seed)
    with app.app_context():
        load_seed(ROOT / "seed")
        classroom_id, assigned = _setup_class(summary)
        plans = [_plan_quiz(quiz, assignment_id, rng) for quiz, assignment_id in assigned]
        mean_questions = sum(q.draw_count for q, _ in assigned) / len(assigned)
        summary.students = max(1, round(answers / mean_questions / ATTEMPTS_PER_STUDENT))
        students = _insert_students(summary.students, classroom_id)
        _insert_attempts(plans, students, answers, rng, summary)
        _insert_challenges(rng, summary)
        db.session.remove()
        db.engine.dispose()
    summary.seconds = round(time.perf_counter() - started, 1)
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database-uri",
        help="emptied first: use a database of its own (default: a temporary SQLite file)",
    )
    parser.add_argument("--answers", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        uri = arguments.database_uri or f"sqlite:///{Path(folder) / 'bench.db'}"
        summary = fill(uri, arguments.answers, arguments.seed)
    print(json.dumps(asdict(summary), indent=2))
    rate = summary.answers / summary.seconds if summary.seconds else 0
    print(f"filled {summary.answers:,} answers in {summary.seconds} s ({rate:,.0f} answers/s)")


if __name__ == "__main__":
    main()
