"""Time the job that turns an uploaded article into a draft bank.

The three seed articles, one after the other (about 2,400 words of raw page
captures, chrome included), are uploaded as one plain-text article and as an
HTML page, each by a teacher on a fresh SQLite database in a temporary folder.
The job runs as it does in production (:func:`quizapp.jobs.run_job`), and its
own clock (started to finished) is reported, with the number of draft
questions it wrote; the first job of the process, which also loads the
language model, is reported apart. Exits non-zero when a job fails or a warm
job takes longer than ``--limit`` seconds (default 2).

    .venv/bin/python bench/draft_bank.py
"""

import argparse
import html
import json
import secrets
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quizapp import create_app  # noqa: E402
from quizapp.auth.services import create_user  # noqa: E402
from quizapp.draftbanks import start_article_job  # noqa: E402
from quizapp.extensions import db  # noqa: E402
from quizapp.models import Role  # noqa: E402


def _article() -> str:
    return "\n".join(
        path.read_text(encoding="utf-8") for path in sorted((ROOT / "seed/articles").glob("*.txt"))
    )


def _as_html(text: str) -> str:
    paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines() if line)
    return (
        "<html><head><title>Bench</title><script>var x = 1;</script></head><body>"
        f"<nav><a href='/'>Home</a></nav><main><article>{paragraphs}</article></main>"
        "<footer>Footer</footer></body></html>"
    )


def run(limit: float) -> dict:
    """Run the job on the plain text and on the HTML page; return the figures."""
    text = _article()
    figures = {"words": len(text.split()), "limit_seconds": limit, "jobs": {}}
    with tempfile.TemporaryDirectory() as folder:
        app = create_app(
            {
                "SECRET_KEY": "bench",
                "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/bench.db",
                "JOBS_BROKER_URL": "memory://",
            }
        )
        with app.app_context():
            db.create_all()
            teacher = create_user(
                email="bench@example.org",
                password=secrets.token_urlsafe(16),
                display_name="Bench",
                role=Role.TEACHER,
            )
            # The first job in a process also loads the language model and vocabulary.
            runs = (
                ("cold_text", "text", text),
                ("text", "text", text),
                ("html", "html", _as_html(text)),
            )
            for name, fmt, content in runs:
                began = time.perf_counter()
                job = start_article_job(
                    owner_id=teacher.id, content=content, fmt=fmt, title=f"Bench {fmt}"
                )
                figures["jobs"][name] = {
                    "status": job.status.value,
                    "error": job.error,
                    "job_seconds": round((job.finished_at - job.started_at).total_seconds(), 3),
                    "wall_seconds": round(time.perf_counter() - began, 3),
                    "questions": (job.result or {}).get("questions", 0),
                }
            db.session.remove()
            db.engine.dispose()
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=float, default=2.0, help="seconds a job may take")
    figures = run(parser.parse_args().limit)
    print(json.dumps(figures, indent=2))
    # The first job in a process also loads the language model and word lists.
    jobs = [job for name, job in figures["jobs"].items() if not name.startswith("cold")]
    ok = all(
        j["status"] == "succeeded" and j["job_seconds"] <= figures["limit_seconds"] for j in jobs
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
