"""The site at phone and laptop sizes: menus, sideways scrolling, contrast."""

import pytest
from playwright.sync_api import Page, expect

from quizapp.extensions import db
from tests.browser.test_student_journey import assert_accessible
from tests.factories import make_bank, make_quiz

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1366, "height": 800}
PASSWORD = "a long enough password"


@pytest.fixture
def seeded_server(live_app, live_server):
    with live_app.app_context():
        make_bank()
        make_quiz(title="The Landing", time_limit_seconds=900, attempts_allowed=3)
        db.session.remove()
    return live_server


def register(page: Page, base: str, email: str) -> None:
    page.goto(base + "/auth/register")
    page.fill("input[name=email]", email)
    page.fill("input[name=display_name]", "Pat Phone")
    page.fill("input[name=password]", PASSWORD)
    page.fill("input[name=confirm]", PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    # Registration sends the new student to log in.
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_phone_menu_reaches_my_results_and_log_out_without_javascript(browser, seeded_server):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    try:
        register(page, seeded_server, "nojs.phone@example.org")
        results = page.locator("#main-nav").get_by_role("link", name="My results")
        expect(results).to_be_hidden()
        page.get_by_role("button", name="Menu").click()
        expect(results).to_be_visible()
        expect(page.get_by_role("button", name="Log out")).to_be_visible()
        results.click()
        expect(page.get_by_role("heading", name="My results")).to_be_visible()
    finally:
        context.close()


def test_phone_menu_opens_with_javascript(browser, seeded_server):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    try:
        page.goto(seeded_server + "/")
        login = page.get_by_role("link", name="Log in", exact=True).first
        page.get_by_role("button", name="Menu").click()
        expect(page.locator("#main-nav")).to_be_visible()
        expect(login).to_be_visible()
    finally:
        context.close()


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_student_pages_fit_the_screen_and_pass_contrast_checks(browser, seeded_server, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    try:
        page.goto(seeded_server + "/")
        assert_accessible(page)
        register(page, seeded_server, f"look.{viewport['width']}@example.org")
        for path in ("/", "/quiz/landing-quiz", "/results", "/auth/password"):
            page.goto(seeded_server + path)
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= viewport["width"], f"{path} scrolls sideways: {width}px"
            assert_accessible(page)
    finally:
        context.close()
