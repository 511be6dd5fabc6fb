"""Classroom scale on this machine: a login storm, a start-and-submit herd, an arriving class.

Every scenario runs against gunicorn serving the seed quizzes on a fresh
database: SQLite with 2 workers (as `make run` serves) and PostgreSQL with 4
workers and Redis-held rate limits. Simulated students are threads with their
own cookie jar that scrape CSRF tokens like a browser:

- login storm: N students log in at random moments within a window;
- start herd: N logged-in students on the quiz page press Start in the same
  second, answer every question after 3-10 s of thinking, and from the
  summary page press Submit together;
- classroom: N students arrive over a window, log in, take the quiz with
  3-10 s of thinking per question and submit.

Afterwards the database is checked: one submitted attempt per student and
every stored answer equal to the last one posted. One table is printed with
p50/p95/max per request kind, and the CPU each request cost the gunicorn
workers and the simulated students (who share the machine's cores with the
server); the exit status is non-zero when a request failed or an answer was
lost, wrong or doubled.

    .venv/bin/python bench/classroom.py                  # the full sizes
    .venv/bin/python bench/classroom.py --scale 0.1      # a quick run
    .venv/bin/python bench/classroom.py --databases sqlite
"""

import argparse
import os
import random
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from student_load import (  # noqa: E402
    PASSWORD,
    SERVER_PROBLEM,
    FormFields,
    Student,
    choose_answer,
    percentiles,
    prepare,
    start_server,
    verify,
    worker_cpu_seconds,
)

DEFAULT_POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/quizapp_bench"
DEFAULT_REDIS = "redis://127.0.0.1:6379/15"
QUIZ = "the-rovers-instruments"


@dataclass
class Outcome:
    """What one scenario on one database measured."""

    database: str
    scenario: str
    students: int
    wall: float = 0.0
    server_cpu: float = 0.0  # the gunicorn workers' (not PostgreSQL's)
    client_cpu: float = 0.0  # the simulated students' (this process)
    requests: int = 0
    timings: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    found: dict = field(default_factory=dict)
    server_errors: list = field(default_factory=list)


class ClassStudent(Student):
    """A student whose steps are called one by one, with think time between answers."""

    def __init__(self, index, base_url, timings, errors, deadline, rng):
        super().__init__(index, base_url, QUIZ, timings, errors, deadline)
        self.rng = rng
        self.url = None
        self.requests = 0  # timed or not, for the CPU per request

    def call(self, *args, **kwargs):
        self.requests += 1
        return super().call(*args, **kwargs)

    def login(self) -> bool:
        page = self.call("login_page", "GET", "/auth/login", 200)
        form = {
            "email": self.email,
            "password": PASSWORD,
            "csrf_token": page and FormFields(page.text).csrf,
        }
        return bool(page and self.call("login", "POST", "/auth/login", 302, form))

    def start(self) -> bool:
        return self.press_start(self.open_quiz())

    def open_quiz(self) -> str | None:
        """Open the quiz page; the CSRF token its Start button posts."""
        page = self.call("quiz_page", "GET", f"/quiz/{self.quiz}", 200)
        return page and FormFields(page.text).csrf

    def press_start(self, csrf: str | None) -> bool:
        form = {"csrf_token": csrf}
        started = csrf and self.call("start", "POST", f"/quiz/{self.quiz}/start", 302, form)
        if started:
            self.url = started.headers["location"]
        return bool(started)

    def answer_all(self, think: tuple[float, float]) -> bool:
        for position in range(1, 200):
            page = self.call("question", "GET", self.url, 200)
            if not page:
                return False
            fields = FormFields(page.text)
            answer = choose_answer(fields, self.index + position)
            time.sleep(self.rng.uniform(*think))
            form = answer | {"csrf_token": fields.csrf, "nav": "next"}
            moved = self.call("answer", "POST", self.url, 302, form)
            if not moved:
                return False
            self.posted[position] = answer
            self.url = moved.headers["location"]
            if self.url.endswith("/summary"):
                return True
        return False

    def submit(self) -> bool:
        return self.press_submit(self.open_summary())

    def open_summary(self) -> str | None:
        """Open the summary page; the CSRF token its Submit button posts."""
        page = self.call("summary", "GET", self.url, 200)
        return page and FormFields(page.text).csrf

    def press_submit(self, csrf: str | None) -> bool:
        form = {"csrf_token": csrf}
        done = csrf and self.call(
            "submit", "POST", self.url.replace("/summary", "/submit"), 302, form
        )
        return bool(done and self.call("results", "GET", done.headers["location"], 200))


def at(moment: float) -> None:
    """Sleep until the monotonic clock reads ``moment``."""
    time.sleep(max(0.0, moment - time.monotonic()))


def login_storm(students, window, think):
    t0 = time.monotonic() + 1
    rng = random.Random(1)
    moments = sorted(rng.uniform(0, window) for _ in students)

    def one(pair):
        student, offset = pair
        at(t0 + offset)
        student.login()

    return one, list(zip(students, moments, strict=True)), False


def start_herd(students, window, think):
    """Start together and submit together.

    Everyone first logs in and opens the quiz page (not timed). At the same
    moment all press Start; each then answers and reaches the summary page,
    and at a second moment all press Submit.
    """
    questions_guess = 8
    t_start = time.monotonic() + 5 + len(students) * 0.03
    t_submit = t_start + 10 + questions_guess * think[1] + 15

    def one(student):
        csrf = student.login() and student.open_quiz()
        student.timings.clear()  # getting to the Start button is not part of the herd
        at(t_start)
        if student.press_start(csrf) and student.answer_all(think):
            csrf = student.open_summary()
            at(t_submit)
            student.press_submit(csrf)

    return one, students, True


def classroom(students, window, think):
    t0 = time.monotonic() + 1
    rng = random.Random(2)
    moments = [rng.uniform(0, window) for _ in students]

    def one(pair):
        student, offset = pair
        at(t0 + offset)
        if student.login() and student.start() and student.answer_all(think):
            student.submit()

    return one, list(zip(students, moments, strict=True)), True


SCENARIOS = {
    "login storm": (login_storm, 500, 60.0),
    "start herd": (start_herd, 500, 0.0),
    "classroom": (classroom, 300, 30.0),
}


def run_scenario(name, database, uri, workers, scale, think, tmp: Path) -> Outcome:
    build, full_size, window = SCENARIOS[name]
    count = max(2, int(full_size * scale))
    outcome = Outcome(database, name, count)
    env, app = prepare(tmp, count, uri)
    if database == "postgresql":
        env = env | {"QUIZAPP_RATELIMIT_STORAGE_URI": DEFAULT_REDIS}
        _flush_redis()
    log = tmp / "gunicorn.log"
    process, base_url = start_server(env, workers, 1, log)
    deadline = time.monotonic() + 900
    students = [
        ClassStudent(i, base_url, [], outcome.errors, deadline, random.Random(i))
        for i in range(count)
    ]
    step, items, takes_quiz = build(students, window * max(scale, 0.2), think)
    try:
        t1, cpu1, own1 = time.perf_counter(), worker_cpu_seconds(process.pid), time.process_time()
        with ThreadPoolExecutor(max_workers=len(items)) as pool:
            list(pool.map(step, items))
        outcome.wall = time.perf_counter() - t1
        outcome.server_cpu = worker_cpu_seconds(process.pid) - cpu1
        outcome.client_cpu = time.process_time() - own1
    finally:
        for student in students:
            student.client.close()
        process.terminate()
        process.wait(timeout=30)
    for student in students:
        outcome.timings.extend(student.timings)
    outcome.requests = sum(student.requests for student in students)
    if takes_quiz:
        with app.app_context():
            outcome.found, _checked = verify(students, QUIZ)
    lines = log.read_text().splitlines()
    outcome.server_errors = [line for line in lines if SERVER_PROBLEM.search(line)]
    return outcome


def _flush_redis() -> None:
    import redis

    redis.Redis.from_url(DEFAULT_REDIS).flushdb()


def print_table(outcomes: list[Outcome]) -> None:
    print()
    header = f"{'database':<11}{'scenario':<13}{'students':>8}  {'request':<11}{'count':>6}"
    print(header + "   p50 ms  p95 ms  p99 ms  max ms")
    for outcome in outcomes:
        kinds: dict[str, list[float]] = {}
        for kind, seconds in outcome.timings:
            kinds.setdefault(kind, []).append(seconds)
        for kind in ("login", "start", "question", "answer", "submit", "results"):
            if kind in kinds:
                values = kinds[kind]
                print(
                    f"{outcome.database:<11}{outcome.scenario:<13}{outcome.students:>8}  "
                    f"{kind:<11}{len(values):>6} {percentiles(values)}"
                )
        problems = ", ".join(f"{k} {v}" for k, v in outcome.found.items() if v) or "none"
        requests = max(1, outcome.requests)
        print(
            f"{'':<11}{'':<13}{'':>8}  CPU per request: app workers "
            f"{outcome.server_cpu / requests * 1000:.1f} ms, simulated students "
            f"{outcome.client_cpu / requests * 1000:.1f} ms ({requests} requests)"
        )
        print(
            f"{'':<11}{'':<13}{'':>8}  wall {outcome.wall:.0f} s, errors {len(outcome.errors)}, "
            f"server errors {len(outcome.server_errors)}, answer problems: {problems}"
        )
        for error in outcome.errors[:5]:
            print("   ERROR", *error)
        for line in outcome.server_errors[:5]:
            print("   SERVER", line)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the full sizes")
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--scenarios", default=",".join(SCENARIOS))
    parser.add_argument("--think", type=float, nargs=2, default=(3.0, 10.0), metavar=("MIN", "MAX"))
    parser.add_argument(
        "--postgres", default=os.environ.get("QUIZAPP_BENCH_DATABASE_URI", DEFAULT_POSTGRES)
    )
    args = parser.parse_args()
    outcomes = []
    for database in args.databases.split(","):
        uri, workers = (None, 2) if database == "sqlite" else (args.postgres, 4)
        for name in args.scenarios.split(","):
            with tempfile.TemporaryDirectory(prefix="quizapp-classroom-") as tmp:
                print(f"== {database}, {name} …", flush=True)
                outcome = run_scenario(
                    name, database, uri, workers, args.scale, args.think, Path(tmp)
                )
                outcomes.append(outcome)
    print_table(outcomes)
    failed = any(o.errors or o.server_errors or any(o.found.values()) for o in outcomes)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
