"""Answers survive what classrooms do to networks: offline, reloads, ended sessions, full disks.

The page keeps each change in the browser's storage until the server confirms it,
and says plainly what is saved and what is waiting.
"""

import re
from datetime import timedelta

import pytest
import sqlalchemy as sa
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, expect

from quizapp.extensions import db
from quizapp.models import Attempt, Response
from quizapp.models.base import utcnow
from tests.browser.accounts import log_in, register

WAITING = "waiting to be saved"


def start_attempt(page: Page, base: str) -> int:
    page.goto(base + "/quiz/landing-quiz")
    page.locator("form[action$='/start'] button").click()
    page.wait_for_url(re.compile(r"/attempt/\d+/q/1$"))
    return int(re.search(r"/attempt/(\d+)/", page.url).group(1))


def position_of(app, attempt_id: int, kind: str) -> int:
    with app.app_context():
        responses = db.session.scalars(
            sa.select(Response).where(Response.attempt_id == attempt_id)
        ).all()
        position = next(r.position for r in responses if r.version.type == kind)
        db.session.remove()
        return position


def stored_answers(app, attempt_id: int) -> dict[int, object]:
    with app.app_context():
        rows = db.session.execute(
            sa.select(Response.position, Response.answer).where(Response.attempt_id == attempt_id)
        ).all()
        db.session.remove()
    return dict(rows)


def pending_in_browser(page: Page, attempt_id: int) -> dict:
    return page.evaluate(
        "key => JSON.parse(window.localStorage.getItem(key) || '{}')",
        f"quizapp:pending:{attempt_id}",
    )


def open_question(page: Page, base: str, attempt_id: int, position: int) -> str:
    url = f"{base}/attempt/{attempt_id}/q/{position}"
    page.goto(url)
    return url


def test_an_answer_typed_offline_survives_a_reload_and_is_saved_once_online(
    page: Page, seeded_server, live_app
):
    register(page, seeded_server, "offline.reload@example.org", "Sam Signal")
    attempt_id = start_attempt(page, seeded_server)
    short = position_of(live_app, attempt_id, "short")
    url = open_question(page, seeded_server, attempt_id, short)
    status = page.locator(".autosave-status")

    page.context.set_offline(True)
    page.locator("form.answer-form input[name=answer]").fill("Jezero Crater")
    expect(status).to_contain_text(WAITING)
    expect(status).to_contain_text("You are offline")
    assert pending_in_browser(page, attempt_id)[str(short)]["fields"] == [
        ["answer", "Jezero Crater"]
    ]
    with pytest.raises(PlaywrightError):
        page.reload()  # the browser's own "no internet" page
    assert stored_answers(live_app, attempt_id)[short] is None

    page.context.set_offline(False)
    page.goto(url)
    expect(page.locator("form.answer-form input[name=answer]")).to_have_value("Jezero Crater")
    # Chromium's error page may reload by itself when the network returns and save the
    # answer first; either way nothing may be left waiting.
    expect(status).not_to_contain_text(WAITING, timeout=15000)
    assert stored_answers(live_app, attempt_id)[short] == "Jezero Crater"
    assert pending_in_browser(page, attempt_id) == {}
    expect(page.get_by_role("button", name=f"Question {short}, answered")).to_be_visible()


def test_save_and_next_offline_stays_put_then_saves_when_the_network_returns(
    page: Page, seeded_server, live_app
):
    register(page, seeded_server, "offline.next@example.org", "Sam Signal")
    attempt_id = start_attempt(page, seeded_server)
    url = page.url
    status = page.locator(".autosave-status")
    expect(page.locator("#progress-label")).to_contain_text("0 answered")

    page.context.set_offline(True)
    form = page.locator("form.answer-form")
    choice = form.locator("input[type=radio], input[type=checkbox]")
    if choice.count():
        choice.first.check()
    elif form.locator("select").count():
        selects = form.locator("select")
        for index in range(selects.count()):
            selects.nth(index).select_option(index=index + 1)
    else:
        form.locator("input[name=answer]").fill("25")
    page.get_by_role("button", name=re.compile(r"^Save and (next|review)$")).click()
    expect(status).to_contain_text(WAITING)
    expect(status).to_contain_text("You are offline")
    assert page.url == url
    expect(page.get_by_role("button", name="Question 1, not answered")).to_be_visible()
    assert stored_answers(live_app, attempt_id)[1] is None

    page.context.set_offline(False)  # the "online" event sends it, no reload needed
    expect(status).to_contain_text("All answers saved", timeout=15000)
    expect(page.get_by_role("button", name="Question 1, answered")).to_be_visible()
    expect(page.locator("#progress-label")).to_contain_text("1 answered")
    assert stored_answers(live_app, attempt_id)[1] is not None

    page.get_by_role("button", name=re.compile(r"^Save and (next|review)$")).click()
    page.wait_for_url(re.compile(r"/attempt/\d+/(q/2|summary)$"))
    with live_app.app_context():
        count = db.session.scalar(
            sa.select(sa.func.count(Response.id)).where(Response.attempt_id == attempt_id)
        )
        db.session.remove()
    assert count == 7  # one row per question, however often an answer was sent


def test_a_change_made_after_the_session_ended_is_sent_after_logging_in_again(
    page: Page, seeded_server, live_app
):
    email = "expired.session@example.org"
    register(page, seeded_server, email, "Sam Signal")
    attempt_id = start_attempt(page, seeded_server)
    short = position_of(live_app, attempt_id, "short")
    url = open_question(page, seeded_server, attempt_id, short)
    status = page.locator(".autosave-status")
    field = page.locator("form.answer-form input[name=answer]")
    field.fill("Jezero")
    expect(status).to_contain_text("All answers saved", timeout=15000)

    page.context.clear_cookies()  # the session ends while the student works
    field.fill("Jezero Crater")
    expect(status).to_contain_text("Your session has ended")
    expect(status).to_contain_text(WAITING)
    page.get_by_role("button", name=re.compile(r"^Save and (next|review)$")).click()
    assert page.url == url
    expect(page.get_by_text("The form expired")).to_have_count(0)
    assert stored_answers(live_app, attempt_id)[short] == "Jezero"

    status.get_by_role("link", name="log in again").click()
    page.wait_for_url(re.compile(r"/auth/login"))
    log_in(page, email)
    page.wait_for_url(url)
    expect(field).to_have_value("Jezero Crater")
    expect(status).to_contain_text("All answers saved", timeout=15000)
    assert stored_answers(live_app, attempt_id)[short] == "Jezero Crater"


def test_a_login_in_another_tab_lets_the_waiting_answer_go_with_a_fresh_token(
    page: Page, seeded_server, live_app
):
    email = "other.tab@example.org"
    register(page, seeded_server, email, "Sam Signal")
    attempt_id = start_attempt(page, seeded_server)
    short = position_of(live_app, attempt_id, "short")
    open_question(page, seeded_server, attempt_id, short)
    status = page.locator(".autosave-status")

    page.context.clear_cookies()
    page.locator("form.answer-form input[name=answer]").fill("Perseverance")
    expect(status).to_contain_text("Your session has ended")

    other = page.context.new_page()
    other.goto(seeded_server + "/auth/login")
    log_in(other, email)
    expect(status).to_contain_text("All answers saved", timeout=20000)
    assert stored_answers(live_app, attempt_id)[short] == "Perseverance"


def test_when_the_server_cannot_write_the_page_says_so_and_keeps_the_answer(
    page: Page, seeded_server, live_app, monkeypatch
):
    from quizapp.quiz import routes

    register(page, seeded_server, "full.disk@example.org", "Sam Signal")
    attempt_id = start_attempt(page, seeded_server)
    short = position_of(live_app, attempt_id, "short")
    open_question(page, seeded_server, attempt_id, short)
    status = page.locator(".autosave-status")
    real_store = routes.store_answer

    def disk_full(*args, **kwargs):
        raise sa.exc.OperationalError("UPDATE responses", {}, Exception("database or disk is full"))

    monkeypatch.setattr(routes, "store_answer", disk_full)
    page.locator("form.answer-form input[name=answer]").fill("Jezero")
    expect(status).to_contain_text("cannot write to its database")
    expect(status).to_contain_text("kept in this browser")
    expect(status).not_to_contain_text("log in")
    assert pending_in_browser(page, attempt_id)[str(short)]["fields"] == [["answer", "Jezero"]]

    monkeypatch.setattr(routes, "store_answer", real_store)
    expect(status).to_contain_text("All answers saved", timeout=20000)
    assert stored_answers(live_app, attempt_id)[short] == "Jezero"


def test_without_javascript_the_plain_form_saves_and_moves_on(browser, seeded_server, live_app):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        register(page, seeded_server, "no.script@example.org", "Sam Signal")
        attempt_id = start_attempt(page, seeded_server)
        short = position_of(live_app, attempt_id, "short")
        open_question(page, seeded_server, attempt_id, short)
        page.locator("form.answer-form input[name=answer]").fill("Jezero")
        page.get_by_role("button", name=re.compile(r"^Save and (next|review)$")).click()
        page.wait_for_url(re.compile(rf"/attempt/{attempt_id}/(q/{short + 1}|summary)$"))
        assert stored_answers(live_app, attempt_id)[short] == "Jezero"
    finally:
        context.close()


def test_the_page_warns_before_the_time_runs_out(page: Page, seeded_server, live_app):
    register(page, seeded_server, "low.time@example.org", "Sam Signal")
    attempt_id = start_attempt(page, seeded_server)
    warning = page.get_by_role("alert").filter(has_text="left")
    expect(warning).to_have_count(0)
    with live_app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        attempt.deadline = utcnow() + timedelta(seconds=62)
        db.session.commit()
        db.session.remove()
    page.reload()
    expect(warning).to_contain_text("minute")
    expect(warning).to_contain_text("1 minute left", timeout=8000)
