"""A student registers, takes a quiz with the keyboard only, submits and reviews sources.

Each page on the way is scanned with axe-core: no serious or critical violations.
"""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from quizapp.extensions import db
from tests.factories import make_bank, make_quiz

MAX_TABS = 60


@pytest.fixture
def seeded_server(live_app, live_server):
    with live_app.app_context():
        make_bank()
        # Unlimited attempts: its review shows every answer and source at once.
        make_quiz(title="The Landing", time_limit_seconds=900)
        db.session.remove()
    return live_server


def assert_accessible(page: Page) -> None:
    """No serious or critical axe-core violations on the page as it is now."""
    results = Axe().run(page)
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} -> "
        + "; ".join(node["target"][0] for node in v["nodes"][:3])
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert not serious, f"{page.url}: " + "\n".join(serious)


def tab_to(page: Page, css: str) -> None:
    """Press Tab until the element matching ``css`` has the focus."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", css):
            return
    raise AssertionError(f"could not reach {css} with the Tab key on {page.url}")


def answer_with_keyboard(page: Page) -> None:
    """Answer the question on the page using only the keyboard."""
    form = "form.answer-form"
    if page.locator(f"{form} input[type=radio]").count():
        tab_to(page, f"{form} input[type=radio]")
        page.keyboard.press("Space")
    elif page.locator(f"{form} input[type=checkbox]").count():
        tab_to(page, f"{form} input[type=checkbox]")
        page.keyboard.press("Space")
    elif page.locator(f"{form} select").count():
        selects = page.locator(f"{form} select")
        for index in range(selects.count()):
            tab_to(page, f"{form} select:not([data-done])")
            for _ in range(index + 1):
                page.keyboard.press("ArrowDown")
            page.evaluate("document.activeElement.setAttribute('data-done', '')")
    elif page.locator(f"{form} input[inputmode=decimal]").count():
        tab_to(page, f"{form} input[inputmode=decimal]")
        page.keyboard.type("25")
    else:
        tab_to(page, f"{form} input[type=text], {form} input:not([type])")
        page.keyboard.type("Jezero")


def test_student_takes_a_quiz_with_the_keyboard_only(page: Page, seeded_server):
    page.goto(seeded_server + "/auth/register")
    assert_accessible(page)
    tab_to(page, "input[name=email]")
    page.keyboard.type("keyboard.student@example.org")
    tab_to(page, "input[name=display_name]")
    page.keyboard.type("Kim Keys")
    tab_to(page, "input[name=password]")
    page.keyboard.type("a long enough password")
    tab_to(page, "input[name=confirm]")
    page.keyboard.type("a long enough password")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_text("Your account is ready")).to_be_visible()
    assert_accessible(page)
    tab_to(page, "input[name=email]")
    page.keyboard.type("keyboard.student@example.org")
    tab_to(page, "input[name=password]")
    page.keyboard.type("a long enough password")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="The Landing").first).to_be_visible()
    assert_accessible(page)
    tab_to(page, "a[href='/quiz/landing-quiz']")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/quiz/landing-quiz$"))
    assert_accessible(page)
    tab_to(page, "form[action$='/start'] button")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/attempt/\d+/q/1$"))

    for number in range(1, 8):
        expect(page.get_by_text(f"Question {number} of 7")).to_be_visible()
        if number == 1:
            assert_accessible(page)
        answer_with_keyboard(page)
        tab_to(page, "button[name=nav][value=next], button[name=nav][value=finish]")
        with page.expect_navigation():
            page.keyboard.press("Enter")

    page.wait_for_url(re.compile(r"/summary$"))
    expect(page.get_by_text("All 7 questions are answered")).to_be_visible()
    assert_accessible(page)
    tab_to(page, "form[action$='/submit'] button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/results$"))

    expect(page.locator("#score")).to_contain_text(re.compile(r"Score: \d+%"))
    highlighted = page.locator("mark")
    expect(highlighted.first).to_be_visible()
    assert highlighted.count() == 7
    expect(page.locator("figcaption cite").first).to_have_text("Test rover lands")
    assert_accessible(page)


def test_autosave_keeps_an_answer_across_a_reload(page: Page, seeded_server, live_app):
    page.goto(seeded_server + "/auth/register")
    page.fill("input[name=email]", "reload@example.org")
    page.fill("input[name=display_name]", "Reese Reload")
    page.fill("input[name=password]", "a long enough password")
    page.fill("input[name=confirm]", "a long enough password")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.fill("input[name=email]", "reload@example.org")
    page.fill("input[name=password]", "a long enough password")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.goto(seeded_server + "/quiz/landing-quiz")
    page.locator("form[action$='/start'] button").click()
    page.wait_for_url(re.compile(r"/attempt/\d+/q/1$"))
    answer_with_keyboard(page)
    expect(page.locator(".autosave-status")).to_contain_text("saved", timeout=5000)
    page.reload()
    nav = page.get_by_role("button", name="Question 1, answered")
    expect(nav).to_be_visible()
