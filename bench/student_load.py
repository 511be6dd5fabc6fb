"""Student flow under load: many simultaneous students take a quiz through gunicorn.

Each simulated student logs in, starts the quiz, answers every question (one
autosave on the first), submits and reads the results, like a browser: CSRF
tokens are scraped from the pages. Afterwards the database is checked: one
submitted, scored attempt per student and every stored answer equal to the
last one posted. Exits non-zero when a request failed or an answer was lost.

    .venv/bin/python bench/student_load.py --students 200 --threads 4
"""

import argparse
import http.client
import math
import os
import re
import resource
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from email.message import Message
from http.cookies import SimpleCookie
from pathlib import Path
from unittest import mock
from urllib.parse import urlencode, urlsplit

import lxml.html

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SERVER_PROBLEM = re.compile(r"\[(ERROR|CRITICAL)\]|Traceback|Exception on|database is locked")
PASSWORD = "bench-student-password"  # noqa: S105 - a throwaway account in a temp database


class FormFields:
    """Collect the CSRF token and the answer fields (name -> allowed values) of a page."""

    def __init__(self, html: str) -> None:
        self.csrf, self.fields, self.kinds = None, {}, {}
        for element in lxml.html.fromstring(html).iter("input", "select"):
            name = element.get("name") or ""
            if element.tag == "input" and name == "csrf_token":
                self.csrf = element.get("value")
            elif element.tag == "input" and name == "answer":
                self.kinds["answer"] = element.get("type", "text")
                self.fields.setdefault("answer", []).append(element.get("value", ""))
            elif element.tag == "select" and re.fullmatch(r"(match|position)_\d+", name):
                options = element.iter("option")
                self.fields[name] = [o.get("value") for o in options if o.get("value")]
                self.kinds[name] = "select"


@dataclass
class Reply:
    """One HTTP response, as much of it as a simulated student reads."""

    status_code: int
    text: str
    headers: Message


class Browser:
    """A cookie-keeping HTTP client as light as a browser is for the server's machine.

    Simulated students share the server's cores, so their own CPU cost is
    kept low: one ``http.client`` connection per request (gunicorn's sync
    workers close each one), cookies kept from ``Set-Cookie``.
    """

    def __init__(self, base_url: str, timeout: float = 60.0) -> None:
        parts = urlsplit(base_url)
        self.host, self.port, self.timeout = parts.hostname, parts.port, timeout
        self.cookies: dict[str, str] = {}

    def request(self, method: str, url: str, data=None, headers=None) -> Reply:
        sent = dict(headers or {})
        body = None
        if data is not None:
            fields = {name: value for name, value in data.items() if value is not None}
            body = urlencode(fields, doseq=True)
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        try:
            connection.request(method, url, body=body, headers=sent)
            response = connection.getresponse()
            text = response.read().decode()
        finally:
            connection.close()
        self._keep_cookies(response.msg.get_all("Set-Cookie") or [])
        return Reply(response.status, text, response.msg)

    def get(self, url: str) -> Reply:
        return self.request("GET", url)

    def post(self, url: str, data=None) -> Reply:
        return self.request("POST", url, data=data)

    def _keep_cookies(self, lines: list[str]) -> None:
        for line in lines:
            for name, morsel in SimpleCookie(line).items():
                if morsel.value == "" or morsel["max-age"] == "0":
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value

    def close(self) -> None:
        """Nothing stays open between requests."""


REQUEST_FAILED = (OSError, http.client.HTTPException)


def choose_answer(page: FormFields, variant: int) -> dict:
    """Deterministic form values for a question page; ``variant`` varies them."""
    posted = {}
    for name, values in page.fields.items():
        kind = page.kinds[name]
        if kind in ("text", "number"):
            posted[name] = str(3 + variant % 40)
        elif kind == "radio":
            posted[name] = values[variant % len(values)]
        elif kind == "checkbox":
            posted[name] = sorted({values[variant % len(values)], values[0]})
        elif name.startswith("match_"):
            posted[name] = values[(int(name[6:]) + variant) % len(values)]
        else:  # position_<shown>: a rotation of 1..n, so the places stay distinct
            n = len(page.fields)
            posted[name] = str((int(name[9:]) + variant) % n + 1)
    return posted


def student_email(index: int) -> str:
    """The login of the student numbered ``index``."""
    return f"student{index:04d}@bench.quizapp.local"


class Student:
    """One simulated browser: a cookie jar, the timings and the answers it posted."""

    def __init__(self, index, base_url, quiz, timings, errors, deadline):
        self.email = student_email(index)
        self.index, self.quiz, self.deadline = index, quiz, deadline
        self.timings, self.errors, self.posted = timings, errors, {}
        self.client = Browser(base_url)

    def call(self, kind, method, url, expect, data=None, headers=None):
        """Send one request, record its latency, return the response or None on failure."""
        if time.monotonic() > self.deadline:
            raise TimeoutError("global timeout")
        start = time.perf_counter()
        try:
            response = self.client.request(method, url, data=data, headers=headers)
        except REQUEST_FAILED as error:
            self.errors.append((kind, method, url, repr(error)))
            return None
        self.timings.append((kind, time.perf_counter() - start))
        if response.status_code != expect:
            self.errors.append((kind, method, url, f"{response.status_code} {response.text[:200]}"))
            return None
        return response

    def run(self) -> None:
        """The whole flow; stops at the first failed request."""
        try:
            self._flow()
        except TimeoutError:
            self.errors.append(("timeout", "", self.email, "global timeout reached"))
        finally:
            self.client.close()

    def _flow(self) -> None:
        page = self.call("login_page", "GET", "/auth/login", 200)
        csrf = page and FormFields(page.text).csrf
        form = {"email": self.email, "password": PASSWORD, "csrf_token": csrf}
        if not page or not self.call("login", "POST", "/auth/login", 302, form):
            return
        page = self.call("quiz_page", "GET", f"/quiz/{self.quiz}", 200)
        form = {"csrf_token": page and FormFields(page.text).csrf}
        started = page and self.call("start", "POST", f"/quiz/{self.quiz}/start", 302, form)
        if not started:
            return
        url = started.headers["location"]
        for position in range(1, 200):
            page = self.call("question_get", "GET", url, 200)
            if not page:
                return
            fields = FormFields(page.text)
            answer = choose_answer(fields, self.index + position)
            if position == 1:  # an autosave with another choice, overwritten by the post
                other = choose_answer(fields, self.index + position + 1)
                headers = {"Accept": "application/json"}
                other["csrf_token"] = fields.csrf
                if not self.call("autosave", "POST", f"{url}/autosave", 200, other, headers):
                    return
            form = answer | {"csrf_token": fields.csrf, "nav": "next"}
            moved = self.call("answer_post", "POST", url, 302, form)
            if not moved:
                return
            self.posted[position] = answer
            url = moved.headers["location"]
            if url.endswith("/summary"):
                break
        page = self.call("summary", "GET", url, 200)
        form = {"csrf_token": page and FormFields(page.text).csrf}
        done = page and self.call("submit", "POST", url.replace("/summary", "/submit"), 302, form)
        if done:
            self.call("results", "GET", done.headers["location"], 200)


def bench_env(tmp: Path, database_uri: str | None = None) -> dict:
    """Environment for the flask commands, gunicorn and the in-process checks.

    SQLite in ``tmp`` unless ``database_uri`` names another (emptied) database.
    The rate-limit counters live in ``tmp`` too; every student comes from
    127.0.0.1, so the per-address login limit is raised to fit the class.
    """
    return os.environ | {
        "QUIZAPP_SQLALCHEMY_DATABASE_URI": database_uri or f"sqlite:///{tmp}/bench.db",
        "QUIZAPP_SECRET_KEY": "bench-secret-key-not-for-production",
        "QUIZAPP_RATELIMIT_STORAGE_URI": f"sqlite:///{tmp}/ratelimits.sqlite3",
        "QUIZAPP_LOGIN_RATE_LIMIT": "10000 per minute",
        "QUIZAPP_JOBS_SQLITE_PATH": f"{tmp}/jobs.sqlite3",
    }


def empty_postgres(database_uri: str) -> None:
    """Create the PostgreSQL database when missing, and drop everything in it."""
    import sqlalchemy as sa

    url = sa.make_url(database_uri)
    server = sa.create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with server.connect() as connection:
        exists = connection.scalar(
            sa.text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": url.database}
        )
        if not exists:
            connection.execute(sa.text(f'CREATE DATABASE "{url.database}"'))
    server.dispose()
    engine = sa.create_engine(url)
    with engine.begin() as connection:
        connection.execute(sa.text("DROP SCHEMA public CASCADE"))
        connection.execute(sa.text("CREATE SCHEMA public"))
    engine.dispose()


def create_students(count: int) -> None:
    """Create the student accounts, hashing their shared password once."""
    from quizapp.auth import services

    hashed = services.hash_password(PASSWORD)
    with mock.patch.object(services, "hash_password", lambda _password: hashed):
        for index in range(count):
            email, name = student_email(index), f"Student {index}"
            services.create_user(email, PASSWORD, name, allow_reserved_domains=True)


QUIZAPP = "quizapp:create_app()"


def start_server(
    env: dict,
    workers: int,
    threads: int,
    log: Path,
    app: str = QUIZAPP,
    ready_path: str = "/auth/login",
) -> tuple:
    """Start gunicorn on a free loopback port; return the process and its base URL."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [str(BIN / "gunicorn"), "-w", str(workers), "-b", f"127.0.0.1:{port}"]
    if app == QUIZAPP:
        command += ["-c", "python:quizapp.serving"]  # as `make run` serves
    if threads > 1:
        command += ["--threads", str(threads)]
    command.append(app)
    with log.open("w") as output:  # gunicorn's log and the app's tracebacks
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=output, stderr=output)
    base_url = f"http://127.0.0.1:{port}"
    for _ in range(150):
        if _answers(base_url, ready_path) and _workers_ready(log, app, workers):
            return process, base_url
        time.sleep(0.2)
    process.kill()
    raise RuntimeError(f"gunicorn did not answer; see {log}")


def _answers(base_url: str, path: str) -> bool:
    try:
        return Browser(base_url, timeout=2).get(path).status_code == 200
    except REQUEST_FAILED:
        return False


def _workers_ready(log: Path, app: str, workers: int) -> bool:
    """Whether every quizapp worker has said it is ready (a scenario must not time their start)."""
    if app != QUIZAPP:
        return True
    return log.read_text().count("Worker ready: pid") >= workers


def verify(students: list[Student], quiz_slug: str) -> tuple[dict, Counter]:
    """Compare the database with what the students posted."""
    import sqlalchemy as sa

    from quizapp.extensions import db
    from quizapp.models import Attempt, Quiz, Response, User
    from quizapp.questiontypes import get_type

    quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == quiz_slug))
    found = {"missing attempts": 0, "duplicate attempts": 0, "unsubmitted": 0}
    found |= {"lost answers": 0, "wrong answers": 0, "doubled answers": 0}
    checked = Counter()
    for student in students:
        user = db.session.scalar(sa.select(User).where(User.email == student.email))
        attempts = db.session.scalars(
            sa.select(Attempt).where(Attempt.user_id == user.id, Attempt.quiz_id == quiz.id)
        ).all()
        found["missing attempts"] += not attempts
        found["duplicate attempts"] += max(0, len(attempts) - 1)
        for attempt in attempts:
            found["unsubmitted"] += attempt.state.value != "submitted" or attempt.score is None
            rows = db.session.scalars(
                sa.select(Response).where(Response.attempt_id == attempt.id)
            ).all()
            positions = [row.position for row in rows]
            found["doubled answers"] += len(positions) - len(set(positions))
            found["lost answers"] += len(set(student.posted) - set(positions))
            for row in rows:
                posted = student.posted.get(row.position)
                if row.answer is None:
                    found["lost answers"] += 1
                    continue
                qtype, data = get_type(row.version.type), row.version.data
                checked[qtype.name] += 1
                stored = qtype.field_data(data, row.option_order, row.answer)
                norm = {k: sorted(v) if isinstance(v, list) else v for k, v in stored.items()}
                found["wrong answers"] += posted is None or norm != posted
    return found, checked


def percentiles(values: list[float]) -> str:
    """p50/p95/p99 (nearest rank) and max, in milliseconds."""
    ranked = sorted(values)
    picks = [ranked[max(0, math.ceil(q * len(ranked) / 100) - 1)] for q in (50, 95, 99)]
    return " ".join(f"{seconds * 1000:7.0f}" for seconds in [*picks, ranked[-1]])


def cpu_seconds() -> tuple[float, float]:
    """CPU time used so far by this process and by its reaped children (gunicorn)."""
    own, children = (
        resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    )
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def worker_cpu_seconds(master_pid: int) -> float:
    """User plus system CPU seconds of the gunicorn master's worker processes."""
    ticks = 0
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
    for pid in children:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def prepare(tmp: Path, count: int, database_uri: str | None = None):
    """Migrate and seed a fresh database, create the students; return env and app."""
    if database_uri:
        empty_postgres(database_uri)
    env = bench_env(tmp, database_uri)
    for command in (["db", "upgrade"], ["seed", "load"]):
        flask = [str(BIN / "flask"), "--app", "quizapp", *command]
        done = subprocess.run(flask, cwd=ROOT, env=env, capture_output=True, text=True)
        if done.returncode:
            raise SystemExit(f"{' '.join(command)} failed:\n{done.stdout}{done.stderr}")
    os.environ.update(env)
    from quizapp import create_app

    app = create_app()
    with app.app_context():
        create_students(count)
    return env, app


def report(args, setup, wall, cpu, timings, errors, found, checked, server_errors) -> None:
    """Print the figures."""
    mode = f"{args.workers} sync workers"
    if args.threads > 1:
        mode = f"{args.workers} gthread workers x {args.threads} threads"
    print(f"gunicorn {mode}; quiz {args.quiz}; setup {setup:.1f} s")
    print(
        f"students {args.students}, requests {len(timings)}, wall {wall:.1f} s, "
        f"throughput {len(timings) / wall:.0f} req/s, errors {len(errors)}"
    )
    print(f"cpu seconds: server {cpu[1]:.0f}, load generator {cpu[0]:.0f}")
    print(f"{'request':<14}{'count':>7}   p50 ms  p95 ms  p99 ms  max ms")
    kinds = {"all": [seconds for _, seconds in timings]}
    for kind, seconds in timings:
        kinds.setdefault(kind, []).append(seconds)
    for kind, values in kinds.items():
        print(f"{kind:<14}{len(values):>7} {percentiles(values)}")
    print(", ".join(f"{key} {value}" for key, value in found.items()))
    print(f"answers checked {checked.total()}:", ", ".join(f"{k} {v}" for k, v in checked.items()))
    for error in errors[:10]:
        print("ERROR", *error)
    for line in server_errors[:20]:
        print("SERVER", line)


def run(args) -> int:
    """Set up, load, check and report one gunicorn set-up; return the exit status."""
    with tempfile.TemporaryDirectory(prefix="quizapp-bench-") as tmp:
        t0 = time.perf_counter()
        env, app = prepare(Path(tmp), args.students)
        setup = time.perf_counter() - t0
        log = Path(tmp) / "gunicorn.log"
        process, base_url = start_server(env, args.workers, args.threads, log)
        timings, errors = [], []
        deadline = time.monotonic() + args.timeout
        students = [
            Student(i, base_url, args.quiz, timings, errors, deadline) for i in range(args.students)
        ]
        cpu0 = cpu_seconds()
        try:
            t1 = time.perf_counter()
            with ThreadPoolExecutor(max_workers=args.students) as pool:
                list(pool.map(Student.run, students))
            wall = time.perf_counter() - t1
        finally:
            process.terminate()
            process.wait(timeout=30)
        cpu = tuple(after - before for before, after in zip(cpu0, cpu_seconds(), strict=True))
        with app.app_context():
            found, checked = verify(students, args.quiz)
        lines = log.read_text().splitlines()
        server_errors = [line for line in lines if SERVER_PROBLEM.search(line)]
        report(args, setup, wall, cpu, timings, errors, found, checked, server_errors)
        return 1 if errors or server_errors or any(found.values()) else 0


def main() -> int:
    """Parse the flags and run the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=100)
    parser.add_argument("--quiz", default="the-rovers-instruments")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--threads", type=int, default=1, help="threads per worker (gthread)")
    parser.add_argument("--timeout", type=float, default=300.0, help="global limit, seconds")
    return run(parser.parse_args())


if __name__ == "__main__":
    sys.exit(main())
