"""The login limits hold as configured when `make run` serves with several workers."""

import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from quizapp import create_app
from quizapp.auth.services import create_user
from quizapp.extensions import db
from quizapp.ratelimits import SQLiteStorage

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).parent / "gunicorn"
PASSWORD = "correct horse battery"  # noqa: S105 - a throwaway account


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def two_worker_server(tmp_path, monkeypatch):
    """gunicorn with two workers, as `make run` serves, on a fresh SQLite database."""
    database = f"sqlite:///{tmp_path / 'app.db'}"
    app = create_app({"SQLALCHEMY_DATABASE_URI": database, "SECRET_KEY": "x" * 32})
    with app.app_context():
        db.create_all()
        create_user("limited@example.org", PASSWORD, "Limited")
        db.engine.dispose()
    port = _free_port()
    env = {
        "PATH": str(GUNICORN.parent),
        "QUIZAPP_SQLALCHEMY_DATABASE_URI": database,
        "QUIZAPP_SECRET_KEY": "limits-test-secret-key",
        "QUIZAPP_RATELIMIT_STORAGE_URI": f"sqlite:///{tmp_path / 'limits.sqlite3'}",
        "QUIZAPP_JOBS_IN_PROCESS": "false",
    }
    command = [str(GUNICORN), "-c", "python:quizapp.serving", "-w", "2"]
    command += ["-b", f"127.0.0.1:{port}", "quizapp:create_app()"]
    log = (tmp_path / "server.log").open("w")
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                httpx.get(f"{base}/auth/login", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.05)
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


def _wrong_login(base: str) -> int:
    with httpx.Client(base_url=base, timeout=10) as client:
        page = client.get("/auth/login").text
        token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)[1]
        response = client.post(
            "/auth/login",
            data={"csrf_token": token, "email": "limited@example.org", "password": "wrong guess!"},
        )
        return response.status_code


def test_two_workers_refuse_the_sixth_wrong_password_for_one_account(two_worker_server):
    statuses = [_wrong_login(two_worker_server) for _ in range(8)]
    assert statuses[:5] == [200] * 5
    assert statuses[5:] == [429] * 3


def test_the_shared_store_counts_across_connections_and_windows(tmp_path):
    uri = f"sqlite:///{tmp_path / 'limits.sqlite3'}"
    first, second = SQLiteStorage(uri), SQLiteStorage(uri)
    assert first.incr("login/alice", expiry=60) == 1
    assert second.incr("login/alice", expiry=60) == 2
    assert first.get("login/alice") == 2
    assert second.get_expiry("login/alice") > time.time() + 50
    assert first.incr("login/bob", expiry=0) == 1
    assert second.incr("login/bob", expiry=60) == 1  # the earlier window had ended
    second.clear("login/alice")
    assert first.get("login/alice") == 0
    assert first.check()


def test_by_default_the_counters_live_in_a_file_in_the_instance_folder():
    app = create_app({"SECRET_KEY": "x" * 32})
    uri = app.config["RATELIMIT_STORAGE_URI"]
    assert uri == f"sqlite:///{Path(app.instance_path) / 'ratelimits.sqlite3'}"
