"""Time the admin dashboard and the item statistics on a database full of answers.

Without arguments it fills a temporary SQLite file with 100,000 answers
(``bench/fill_answers.py``) and times the pages there. For the real target,
fill a PostgreSQL database of its own (it is emptied) and time the pages on it:

    .venv/bin/python bench/fill_answers.py \\
        --database-uri postgresql+psycopg://postgres@127.0.0.1:5432/qa_admin_bench --answers 1000000
    .venv/bin/python bench/admin_dashboard.py \\
        --database-uri postgresql+psycopg://postgres@127.0.0.1:5432/qa_admin_bench

It adds a benchmark admin account when there is none, times the recalculation
of the stored item statistics (the background job that reads every answer),
then renders each page a few times through the app (the whole request:
guard, queries, charts, template) and prints the render times. Target: under
1 s each.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quizapp import create_app  # noqa: E402
from quizapp.admin import recalculation  # noqa: E402
from quizapp.auth.services import create_user  # noqa: E402
from quizapp.extensions import db  # noqa: E402
from quizapp.models import Response, Role, User  # noqa: E402

ADMIN_EMAIL = "admin@bench.example"
PASSWORD = "bench-admin-password"  # noqa: S105 - a throwaway account in a bench database
PAGES = {
    "dashboard": "/admin/",
    "rule statistics": "/admin/statistics?by=rule",
    "article statistics": "/admin/statistics?by=article",
}
TARGET_SECONDS = 1.0


def _app(database_uri: str):
    return create_app(
        {
            "SECRET_KEY": "bench",
            "SQLALCHEMY_DATABASE_URI": database_uri,
            "JOBS_BROKER_URL": "memory://",
            "RATELIMIT_ENABLED": False,
            "WTF_CSRF_ENABLED": False,
        }
    )


def _ensure_admin(app) -> int:
    with app.app_context():
        if db.session.scalar(sa.select(User.id).where(User.email == ADMIN_EMAIL)) is None:
            create_user(ADMIN_EMAIL, PASSWORD, "Bench Admin", Role.ADMIN)
        return db.session.scalar(sa.select(sa.func.count(Response.id)))


def _time_page(client, url: str, runs: int) -> list[float]:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(url)
        timings.append(time.perf_counter() - started)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-uri", help="an already filled database (default: fill one)")
    parser.add_argument("--answers", type=int, default=100_000, help="answers for a new fill")
    parser.add_argument("--runs", type=int, default=5)
    arguments = parser.parse_args()
    if arguments.database_uri:
        run(arguments.database_uri, arguments.runs)
        return
    from bench.fill_answers import fill

    with tempfile.TemporaryDirectory() as folder:
        uri = f"sqlite:///{os.path.join(folder, 'bench.db')}"
        fill(uri, arguments.answers)
        run(uri, arguments.runs)


def run(database_uri: str, runs: int) -> None:
    """Render each page ``runs`` times on ``database_uri`` and print the timings."""
    app = _app(database_uri)
    answers = _ensure_admin(app)
    client = app.test_client()
    client.post("/auth/login", data={"email": ADMIN_EMAIL, "password": PASSWORD})
    with app.app_context():
        started = time.perf_counter()
        recalculation.recalculate()
        seconds = time.perf_counter() - started
    print(f"{answers:,} stored answers; {runs} renders per page after one warm-up")
    print(f"{'recalculation job':20} {seconds * 1000:7.0f} ms (in the background)")
    slow = False
    for name, url in PAGES.items():
        _time_page(client, url, 1)
        timings = _time_page(client, url, runs)
        median, worst = statistics.median(timings), max(timings)
        slow |= median >= TARGET_SECONDS
        print(f"{name:20} median {median * 1000:7.0f} ms   max {worst * 1000:7.0f} ms")
    print("target: under 1 s each:", "missed" if slow else "met")
    with app.app_context():
        db.engine.dispose()


if __name__ == "__main__":
    main()
