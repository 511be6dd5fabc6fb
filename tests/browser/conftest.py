"""Browser fixtures: Debian's headless Chromium driven by Playwright, and a live server.

Every test under ``tests/browser`` is marked ``browser`` automatically, so
``pytest -m "not browser"`` leaves them out. Playwright never downloads a
browser of its own: it launches ``/usr/bin/chromium`` (``make test`` installs
Debian's ``chromium`` package when it can). Without it the browser tests are
skipped with the reason, except under CI (``CI=true``), where they fail.
"""

import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from quizapp import create_app
from quizapp.extensions import db
from tests.factories import make_bank, make_quiz

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
BROWSER_TESTS = Path(__file__).parent


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items) -> None:
    """Mark every test in this folder ``browser`` (before ``-m`` selects on marks)."""
    for item in items:
        if BROWSER_TESTS in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)


def _require_chromium() -> None:
    if CHROMIUM.exists():
        return
    reason = (
        f"Chromium not installed at {CHROMIUM}: install Debian's chromium package "
        "(make test does so when it may run apt-get)"
    )
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}; under CI the browser tests must run.", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session."""
    _require_chromium()
    os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh page in a fresh browser context (no cookies shared between tests)."""
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def live_app(tmp_path):
    """The app on a temporary SQLite file with every table, CSRF on and rate limits off."""
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "browser-test-secret-key",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'live.db'}",
            "JOBS_SQLITE_PATH": str(tmp_path / "jobs.sqlite3"),
            # Housekeeping on the clock would run at random moments of a test.
            "JOBS_PERIODIC": False,
            "WTF_CSRF_ENABLED": True,
            "RATELIMIT_ENABLED": False,
            "RATELIMIT_STORAGE_URI": "memory://",
        }
    )
    with app.app_context():
        db.create_all()
    yield app
    app.extensions["jobs"].stop()
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def live_server(live_app) -> Iterator[str]:
    """Serve ``live_app`` on 127.0.0.1 at a free port in a thread; yield its base URL."""
    server = make_server("127.0.0.1", 0, live_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)
        server.server_close()


@pytest.fixture
def seeded_server(live_app, live_server) -> str:
    """The live server with a bank and a timed three-attempt quiz, "The Landing"."""
    with live_app.app_context():
        make_bank()
        make_quiz(title="The Landing", time_limit_seconds=900, attempts_allowed=3)
        db.session.remove()
    return live_server
