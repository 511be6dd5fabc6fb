"""Time the teacher's results pages on a large classroom history.

Fills a database with ``--answers`` stored answers (see ``fill_answers.py``;
skipped with ``--no-fill`` for a database filled before), then, logged in as
the bench teacher, times the biggest assignment's results page, its question
analysis and both CSV exports, read to the last byte. Each is run
``--repeat`` times; the best and the median are printed, with the number of
SQL statements each request ran.

    .venv/bin/python bench/results_timing.py \\
        --database-uri postgresql+psycopg://postgres@127.0.0.1:5432/bench --answers 1000000
"""

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from fill_answers import PASSWORD, TEACHER_EMAIL, fill  # noqa: E402

from quizapp import create_app  # noqa: E402
from quizapp.extensions import db  # noqa: E402
from quizapp.models import Attempt, Response  # noqa: E402


def _app(database_uri: str):
    return create_app(
        {
            "SQLALCHEMY_DATABASE_URI": database_uri,
            "SECRET_KEY": "bench",
            "WTF_CSRF_ENABLED": False,
            "RATELIMIT_ENABLED": False,
            "JOBS_BROKER_URL": "memory://",
            "JOBS_IN_PROCESS": False,
        }
    )


def _biggest_assignment(app) -> tuple[int, int, int]:
    """The assignment with the most answers: (id, attempts, answers)."""
    with app.app_context():
        row = db.session.execute(
            sa.select(
                Attempt.assignment_id, sa.func.count(sa.distinct(Attempt.id)), sa.func.count()
            )
            .join(Response, Response.attempt_id == Attempt.id)
            .where(Attempt.assignment_id.is_not(None))
            .group_by(Attempt.assignment_id)
            .order_by(sa.func.count().desc())
            .limit(1)
        ).one()
        return row[0], row[1], row[2]


def _time(app, client, url: str, repeat: int) -> tuple[float, float, int, int]:
    statements: list[str] = []

    def record(*_args) -> None:
        statements.append("")

    with app.app_context():
        engine = db.engine
    seconds = []
    for _ in range(repeat):
        statements.clear()
        sa.event.listen(engine, "before_cursor_execute", record)
        started = time.perf_counter()
        response = client.get(url)
        body = response.get_data()
        seconds.append(time.perf_counter() - started)
        sa.event.remove(engine, "before_cursor_execute", record)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
    return min(seconds), statistics.median(seconds), len(statements), len(body)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-uri", help="emptied and filled unless --no-fill")
    parser.add_argument("--answers", type=int, default=100_000)
    parser.add_argument("--no-fill", action="store_true", help="use the database as it is")
    parser.add_argument("--repeat", type=int, default=5)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        uri = arguments.database_uri or f"sqlite:///{Path(folder) / 'bench.db'}"
        if not arguments.no_fill:
            summary = fill(uri, arguments.answers)
            print(f"filled {summary.answers:,} answers in {summary.seconds} s")
        app = _app(uri)
        if uri.startswith("postgresql"):
            # Fresh planner statistics after the bulk load, as autovacuum would gather.
            with app.app_context(), db.engine.connect() as connection:
                connection.execution_options(isolation_level="AUTOCOMMIT").execute(
                    sa.text("ANALYZE")
                )
        assignment_id, attempts, answers = _biggest_assignment(app)
        print(f"assignment {assignment_id}: {attempts:,} attempts, {answers:,} answers")
        client = app.test_client()
        client.post("/auth/login", data={"email": TEACHER_EMAIL, "password": PASSWORD})
        base = f"/teach/results/assignments/{assignment_id}"
        for name, url in (
            ("results page", base),
            ("results CSV", base + ".csv"),
            ("question analysis", base + "/analysis"),
            ("analysis CSV", base + "/analysis.csv"),
        ):
            best, median, queries, size = _time(app, client, url, arguments.repeat)
            print(
                f"{name:18} best {best * 1000:7.0f} ms  median {median * 1000:7.0f} ms"
                f"  {queries} queries  {size:,} bytes"
            )


if __name__ == "__main__":
    main()
