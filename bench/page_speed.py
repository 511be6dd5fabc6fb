"""Page speed against a bare Flask hello world, both under `make run`'s gunicorn settings.

The benchmark writes a one-route Flask app, serves it and the quiz app with
the same gunicorn command (2 sync workers), and drives each page with the
same closed loop of concurrent clients for a fixed time. It prints requests
per second and the server's CPU time per request for the hello world and for
the question, home and results pages, and each page's ratio to the hello
world (throughput ratio: higher is better; the targets are 0.25 for the
question page and 0.2 for home and results).

    .venv/bin/python bench/page_speed.py --seconds 10 --clients 4
"""

import argparse
import re
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from student_load import (  # noqa: E402
    PASSWORD,
    FormFields,
    prepare,
    start_server,
    student_email,
    worker_cpu_seconds,
)

HELLO_APP = """
from flask import Flask

app = Flask(__name__)


@app.route("/")
def hello():
    return "Hello, World!"
"""
QUIZ = "the-rovers-instruments"
TARGETS = {"question": 0.25, "home": 0.2, "results": 0.2}


def closed_loop(clients: list[httpx.Client], urls: list[str], seconds: float) -> int:
    """Each client requests its URL again and again for ``seconds``; return the count."""
    done = [0] * len(clients)
    stop = time.monotonic() + seconds

    def loop(index: int) -> None:
        while time.monotonic() < stop:
            response = clients[index].get(urls[index])
            if response.status_code != 200:
                raise RuntimeError(f"{urls[index]} answered {response.status_code}")
            done[index] += 1

    threads = [threading.Thread(target=loop, args=(i,)) for i in range(len(clients))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(done)


def measure(process, clients, urls, seconds) -> tuple[float, float]:
    """Requests per second and server CPU milliseconds per request."""
    closed_loop(clients, urls, 1.0)  # warm up
    cpu0, t0 = worker_cpu_seconds(process.pid), time.perf_counter()
    count = closed_loop(clients, urls, seconds)
    wall, cpu = time.perf_counter() - t0, worker_cpu_seconds(process.pid) - cpu0
    return count / wall, cpu / count * 1000


def logged_in_students(base_url: str, count: int) -> list[tuple[httpx.Client, str, str]]:
    """Clients of students who log in, take the quiz and leave a second attempt open.

    Returns each client with its open question page and its finished results page.
    """
    students = []
    for index in range(count):
        client = httpx.Client(base_url=base_url, timeout=60)
        token = FormFields(client.get("/auth/login").text).csrf
        form = {"email": student_email(index), "password": PASSWORD, "csrf_token": token}
        client.post("/auth/login", data=form)
        results = _finish_attempt(client)
        token = FormFields(client.get(f"/quiz/{QUIZ}").text).csrf
        question = client.post(f"/quiz/{QUIZ}/start", data={"csrf_token": token})
        students.append((client, question.headers["location"], results))
    return students


def _finish_attempt(client: httpx.Client) -> str:
    token = FormFields(client.get(f"/quiz/{QUIZ}").text).csrf
    started = client.post(f"/quiz/{QUIZ}/start", data={"csrf_token": token})
    attempt = re.search(r"/attempt/(\d+)/", started.headers["location"])[1]
    token = FormFields(client.get(f"/attempt/{attempt}/summary").text).csrf
    done = client.post(f"/attempt/{attempt}/submit", data={"csrf_token": token})
    return done.headers["location"]


def hello_world(tmp: Path, seconds: float, clients: int) -> tuple[float, float]:
    (tmp / "hello.py").write_text(HELLO_APP)
    env = {"PATH": str(Path(sys.executable).parent), "PYTHONPATH": str(tmp)}
    process, base_url = start_server(env, 2, 1, tmp / "hello.log", app="hello:app", ready_path="/")
    try:
        pool = [httpx.Client(base_url=base_url, timeout=60) for _ in range(clients)]
        return measure(process, pool, ["/"] * clients, seconds)
    finally:
        process.terminate()
        process.wait(timeout=30)


def quiz_pages(tmp: Path, seconds: float, clients: int) -> dict[str, tuple[float, float]]:
    env, _app = prepare(tmp, clients)
    process, base_url = start_server(env, 2, 1, tmp / "quiz.log")
    try:
        students = logged_in_students(base_url, clients)
        pool = [client for client, _, _ in students]
        pages = {
            "question": [question for _, question, _ in students],
            "home": ["/"] * clients,
            "results": [results for _, _, results in students],
        }
        return {name: measure(process, pool, urls, seconds) for name, urls in pages.items()}
    finally:
        process.terminate()
        process.wait(timeout=30)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--clients", type=int, default=4, help="concurrent clients")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="quizapp-speed-") as tmp:
        hello = hello_world(Path(tmp), args.seconds, args.clients)
        pages = quiz_pages(Path(tmp), args.seconds, args.clients)
    print(f"gunicorn -w 2 (sync), {args.clients} concurrent clients, {args.seconds:.0f} s per page")
    print(
        "ratio: req/s against the hello world's; cpu ratio: its CPU per request against the page's"
    )
    print(f"{'page':<10}{'req/s':>8}{'cpu ms/req':>12}{'ratio':>8}{'cpu ratio':>11}{'target':>8}")
    print(f"{'hello':<10}{hello[0]:>8.0f}{hello[1]:>12.2f}{1:>8.2f}{1:>11.2f}{'':>8}")
    for name, (rate, cpu) in pages.items():
        ratios = f"{rate / hello[0]:>8.2f}{hello[1] / cpu:>11.2f}"
        print(f"{name:<10}{rate:>8.0f}{cpu:>12.2f}{ratios}{TARGETS[name]:>8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
