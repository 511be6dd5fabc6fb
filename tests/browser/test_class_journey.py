"""A teacher runs a class end to end in the browser.

The teacher makes a class, a student joins by code, the teacher assigns a
quiz with a due date, the student takes it and challenges a question, the
teacher accepts, fixes the key and regrades, and the score changes on both
sides. Pages are screenshotted at laptop and phone sizes along the way.
"""

import re
from datetime import timedelta

import pytest
from playwright.sync_api import Page, expect

from quizapp.auth.services import create_user
from quizapp.extensions import db
from quizapp.models import Role
from quizapp.models.base import utcnow
from tests.browser.test_student_journey import assert_accessible
from tests.factories import make_bank, make_quiz

PASSWORD = "a long enough password"
SIZES = {"laptop": (1366, 800), "phone": (390, 844)}


@pytest.fixture
def class_server(live_app, live_server):
    with live_app.app_context():
        teacher = create_user("tess@example.org", PASSWORD, "Tess Teacher", role=Role.TEACHER)
        bank = make_bank(types=["mcq"])
        bank.owner_id = teacher.id
        make_quiz(title="Zoom cameras", draw_count=1, owner_id=teacher.id)
        create_user("sam@example.org", PASSWORD, "Sam Student")
        db.session.commit()
        db.session.remove()
    return live_server


def login(page: Page, base: str, email: str) -> None:
    page.context.clear_cookies()
    page.goto(base + "/auth/login")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.locator("#main form [type=submit]").first.click()


def shoot(page: Page, folder, name: str) -> None:
    """Screenshot the page at both sizes (full page), checking it fits a phone's width."""
    for size, (width, height) in SIZES.items():
        page.set_viewport_size({"width": width, "height": height})
        page.screenshot(path=str(folder / f"{name}-{size}.png"), full_page=True)
        if size == "phone":
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"{name} scrolls sideways on a phone"
    page.set_viewport_size({"width": 1366, "height": 800})


def test_class_assignment_challenge_and_regrade(page: Page, class_server, tmp_path):
    base = class_server
    # The teacher makes a class and assigns the quiz, due in two days.
    login(page, base, "tess@example.org")
    page.goto(base + "/teach/classes")
    page.fill("input[name=name]", "Year 9 Mars")
    with page.expect_navigation():
        page.get_by_role("button", name="Create class").click()
    code = page.get_by_test_id("join-code").inner_text().strip()
    assert re.fullmatch(r"[A-HJ-NP-Z2-9]{6}", code)
    due = (utcnow() + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    page.select_option("select[name=assign-quiz]", label="Zoom cameras")
    page.fill("input[name=assign-due_at]", due)
    with page.expect_navigation():
        page.get_by_role("button", name="Assign").click()
    expect(page.get_by_text("The quiz was assigned.")).to_be_visible()
    assert_accessible(page)
    shoot(page, tmp_path, "teacher-class")

    # The student joins with the code from the home page and sees the work due.
    login(page, base, "sam@example.org")
    page.goto(base + "/")
    page.fill("input[name=code]", code.lower())
    with page.expect_navigation():
        page.get_by_role("button", name="Join").click()
    expect(page.get_by_text("You joined Year 9 Mars.")).to_be_visible()
    work = page.locator("table", has_text="Work assigned to you")
    expect(work.get_by_text("To do")).to_be_visible()
    assert_accessible(page)
    shoot(page, tmp_path, "student-home")

    # The student takes the quiz and picks Hazcam, which the key says is wrong.
    work.get_by_role("link", name="Zoom cameras").click()
    page.locator("form[action$='/start'] button").click()
    page.wait_for_url(re.compile(r"/attempt/\d+/q/1$"))
    page.get_by_label("Hazcam").check()
    page.get_by_role("button", name="Save and review").click()
    page.get_by_role("button", name="Submit all and finish").click()
    expect(page.locator("#score")).to_contain_text("0%")
    results_url = page.url

    # ...and challenges it.
    with page.expect_navigation():
        page.get_by_role("link", name=re.compile("Challenge this question")).click()
    page.get_by_label("The answer key is wrong").check()
    page.get_by_label("Explain").fill("The Hazcam can zoom too.")
    assert_accessible(page)
    shoot(page, tmp_path, "student-challenge")
    with page.expect_navigation():
        page.get_by_role("button", name="Send to my teacher").click()
    expect(page.get_by_text("Your challenge was sent to your teacher.")).to_be_visible()
    assert_accessible(page)
    shoot(page, tmp_path, "student-review")

    # The teacher sees the result, accepts the challenge, fixes the key and regrades.
    login(page, base, "tess@example.org")
    page.goto(base + "/teach/classes")
    page.get_by_role("link", name="Year 9 Mars").click()
    page.get_by_role("link", name="Results for Zoom cameras").click()
    row = page.locator("#results tbody tr", has_text="Sam Student")
    expect(row).to_contain_text("0%")
    assert_accessible(page)
    shoot(page, tmp_path, "teacher-results")
    page.get_by_role("link", name="Questions").click()
    expect(page.get_by_text("point-biserial correlation")).to_be_visible()
    shoot(page, tmp_path, "teacher-analysis")

    page.get_by_role("link", name="Challenges").first.click()
    page.get_by_role("link", name=re.compile("Which camera on the mast")).click()
    expect(page.get_by_text("The Hazcam can zoom too.")).to_be_visible()
    page.get_by_label("Reply to the student").fill("Right: both zoom. Fixed.")
    with page.expect_navigation():
        page.get_by_role("button", name="Accept and fix the question").click()
    expect(page.get_by_label("Option 1", exact=True)).to_have_value("Hazcam")
    page.get_by_label("Option 1 is correct", exact=True).check()
    page.fill("input[name=change_note]", "Hazcam is the answer")
    shoot(page, tmp_path, "teacher-fix")
    with page.expect_navigation():
        page.get_by_role("button", name="Save new version").click()
    preview = page.locator("#regrade-preview")
    expect(preview).to_contain_text("Sam Student")
    expect(preview).to_contain_text("+100 points")
    assert_accessible(page)
    shoot(page, tmp_path, "teacher-regrade")
    with page.expect_navigation():
        page.get_by_role("button", name="Apply the regrade").click()
    expect(page.get_by_text("Regrade applied. Answers changed: 1.")).to_be_visible()
    page.goto(base + "/teach/classes")
    page.get_by_role("link", name="Year 9 Mars").click()
    page.get_by_role("link", name="Results for Zoom cameras").click()
    expect(page.locator("#results tbody tr", has_text="Sam Student")).to_contain_text("100%")

    # The student sees the new score and why.
    login(page, base, "sam@example.org")
    page.goto(results_url)
    expect(page.locator("#score")).to_contain_text("100%")
    expect(page.get_by_text("Regraded.")).to_be_visible()
    expect(page.get_by_text("Right: both zoom. Fixed.")).to_be_visible()
