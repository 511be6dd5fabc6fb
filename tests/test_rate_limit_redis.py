"""Login limits kept in Redis hold across workers: a new app instance sees the counts.

Runs against the Redis server named by QUIZAPP_TEST_REDIS_URL (CI sets it);
without it the test is skipped, except under CI where that is a failure.
"""

import os
import uuid

import pytest

from quizapp import create_app
from quizapp.auth.services import create_user
from quizapp.extensions import db

REDIS_URL = os.environ.get("QUIZAPP_TEST_REDIS_URL")


@pytest.fixture
def redis_url():
    if not REDIS_URL:
        if os.environ.get("CI") == "true":
            pytest.fail("QUIZAPP_TEST_REDIS_URL must be set under CI", pytrace=False)
        pytest.skip("QUIZAPP_TEST_REDIS_URL is not set")
    return REDIS_URL


def _worker(database_uri: str, redis_url: str):
    """An app instance as one gunicorn worker would build it."""
    return create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test-secret-key",
            "SQLALCHEMY_DATABASE_URI": database_uri,
            "WTF_CSRF_ENABLED": False,
            "RATELIMIT_ENABLED": True,
            "RATELIMIT_STORAGE_URI": redis_url,
            "JOBS_BROKER_URL": "memory://",
        }
    )


def _fail_login(app, email: str, address: str):
    return app.test_client().post(
        "/auth/login",
        data={"email": email, "password": "wrong password"},
        environ_base={"REMOTE_ADDR": address},
    )


def test_failed_logins_counted_by_one_worker_limit_another(tmp_path, redis_url):
    import redis

    database_uri = f"sqlite:///{tmp_path / 'shared.db'}"
    marker = uuid.uuid4().hex
    email = f"victim-{marker}@example.org"
    first = _worker(database_uri, redis_url)
    with first.app_context():
        db.create_all()
        create_user(email, "the right password", "Victim")
    try:
        for number in range(5):
            assert _fail_login(first, email, f"198.51.100.{number}").status_code == 200
        # A second worker, with its own connection to the same Redis.
        second = _worker(database_uri, redis_url)
        response = _fail_login(second, email, "198.51.100.200")
        assert response.status_code == 429
        assert "Too many attempts" in response.get_data(as_text=True)
    finally:
        client = redis.Redis.from_url(redis_url)
        keys = list(client.scan_iter(f"*{marker}*"))
        assert keys, "the counters should live in Redis"
        client.delete(*keys)
