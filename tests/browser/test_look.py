"""The site at phone and laptop sizes: menus, sideways scrolling, contrast."""

import re

import pytest
from playwright.sync_api import Page, expect

from quizapp.auth.services import create_user
from quizapp.extensions import db
from quizapp.models import Role
from tests.browser.accounts import PASSWORD, log_in, register
from tests.browser.test_student_journey import assert_accessible

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1366, "height": 800}


def test_phone_menu_reaches_my_results_and_log_out_without_javascript(browser, seeded_server):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    try:
        register(page, seeded_server, "nojs.phone@example.org", "Pat Phone")
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
        register(page, seeded_server, f"look.{viewport['width']}@example.org", "Pat Phone")
        page.goto(seeded_server + "/quiz/landing-quiz")
        page.locator("form[action$='/start'] button").click()
        page.wait_for_url(re.compile(r"/attempt/\d+/q/1$"))
        attempt = re.search(r"/attempt/(\d+)/", page.url).group(1)
        pages = [f"/attempt/{attempt}/q/{n}" for n in range(1, 8)] + [f"/attempt/{attempt}/summary"]
        for path in pages:
            check_page(page, seeded_server + path, viewport)
        expect(page.get_by_role("link", name="Question 1").first).to_be_visible()
        page.get_by_role("button", name="Submit all and finish").click()
        page.wait_for_url(re.compile(r"/results$"))
        for path in (f"/attempt/{attempt}/results", "/", "/quiz/landing-quiz", "/results"):
            check_page(page, seeded_server + path, viewport)
        check_page(page, seeded_server + "/auth/password", viewport)
    finally:
        context.close()


def check_page(page: Page, url: str, viewport: dict) -> None:
    """The page fits the screen's width and passes axe's checks (contrast among them)."""
    page.goto(url)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= viewport["width"], f"{url} scrolls sideways: {width}px"
    assert_accessible(page)


def test_teacher_bank_table_fits_a_phone(browser, seeded_server, live_app):
    with live_app.app_context():
        create_user("teacher.phone@example.org", PASSWORD, "Tam Teacher", Role.TEACHER)
        db.session.remove()
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    try:
        page.goto(seeded_server + "/auth/login")
        page.fill("input[name=email]", "teacher.phone@example.org")
        page.fill("input[name=password]", PASSWORD)
        with page.expect_navigation():
            page.keyboard.press("Enter")
        check_page(page, seeded_server + "/teach/banks", PHONE)
        expect(page.locator("td[data-label=Questions]").first).to_be_visible()
    finally:
        context.close()


def _luminance(rgb: str) -> float:
    channels = [int(value) / 255 for value in re.findall(r"\d+(?:\.\d+)?", rgb)[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    """The WCAG contrast ratio of two CSS rgb() colours."""
    high, low = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_answer_controls_have_borders_a_student_can_see(browser, seeded_server):
    context = browser.new_context(viewport=LAPTOP)
    page = context.new_page()
    try:
        register(page, seeded_server, "borders@example.org", "Pat Phone")
        page.goto(seeded_server + "/quiz/landing-quiz")
        page.locator("form[action$='/start'] button").click()
        page.wait_for_url(re.compile(r"/attempt/\d+/q/1$"))
        attempt = re.search(r"/attempt/(\d+)/", page.url).group(1)
        seen = set()
        for number in range(1, 8):
            page.goto(f"{seeded_server}/attempt/{attempt}/q/{number}")
            controls = page.locator(
                "form.answer-form input[type=radio], form.answer-form input[type=checkbox],"
                " form.answer-form input[type=text], form.answer-form select"
            )
            for index in range(controls.count()):
                control = controls.nth(index)
                kind = control.evaluate("e => e.type")
                border = control.evaluate("e => getComputedStyle(e).borderTopColor")
                card = control.evaluate("e => getComputedStyle(e.closest('.card')).backgroundColor")
                if card == "rgba(0, 0, 0, 0)":
                    card = "rgb(255, 255, 255)"
                assert contrast(border, card) >= 3, (kind, border, card)
                seen.add(kind)
        assert {"radio", "checkbox", "text", "select-one"} <= seen
    finally:
        context.close()


@pytest.mark.parametrize("width", [1280, 1366, 1440])
def test_the_admins_menu_stays_on_one_line_on_a_laptop(browser, seeded_server, live_app, width):
    with live_app.app_context():
        create_user("menu.admin@example.org", PASSWORD, "Alexandra Administrator", Role.ADMIN)
        db.session.remove()
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    try:
        page.goto(seeded_server + "/auth/login")
        log_in(page, "menu.admin@example.org")
        items = page.locator("#main-nav .nav-link:visible, #main-nav button:visible")
        expect(items.first).to_be_visible()
        boxes = [item.bounding_box() for item in items.all()]
        assert len(boxes) == 10  # 8 areas, the account, log out
        lines = {round(box["y"] + box["height"] / 2) for box in boxes}
        assert max(lines) - min(lines) <= 2, f"the menu takes several lines at {width}px"
        assert max(box["height"] for box in boxes) < 48, "a menu label wraps inside itself"
        account = page.get_by_role("link", name="Alexandra Administrator: change password")
        expect(account).to_be_visible()
    finally:
        context.close()


def test_a_narrow_laptop_folds_the_admins_menu_behind_its_button(browser, seeded_server, live_app):
    with live_app.app_context():
        create_user("fold.admin@example.org", PASSWORD, "Alexandra Administrator", Role.ADMIN)
        db.session.remove()
    context = browser.new_context(viewport={"width": 1024, "height": 800})
    page = context.new_page()
    try:
        page.goto(seeded_server + "/auth/login")
        log_in(page, "fold.admin@example.org")
        admin = page.get_by_role("link", name="Admin", exact=True)
        expect(admin).to_be_hidden()
        page.get_by_role("button", name="Menu").click()
        expect(admin).to_be_visible()
        expect(page.get_by_role("link", name="Change password", exact=True)).to_be_visible()
    finally:
        context.close()
