"""A teacher turns a pasted HTML page into a draft bank and builds, previews and publishes a quiz.

The job runs in the live server's own background consumer; the job page
refreshes itself until it ends. Each builder page is scanned with axe-core.
"""

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from quizapp.auth.services import create_user
from quizapp.extensions import db
from quizapp.models import Role
from tests.browser.test_student_journey import assert_accessible
from tests.conftest import PASSWORD
from tests.factories import make_bank

JPL_PAGE = (Path(__file__).parent.parent / "articles" / "jpl_sneak_peek.html").read_text()


@pytest.fixture
def workspace(live_app, live_server):
    with live_app.app_context():
        make_bank()
        for email, role in (("tess@example.org", Role.TEACHER), ("sam@example.org", Role.STUDENT)):
            create_user(email=email, password=PASSWORD, display_name=email[:4], role=role)
        db.session.remove()
    return live_server


def log_in(page: Page, base: str, email: str) -> None:
    page.goto(base + "/auth/login")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("main form button[type=submit], main form input[type=submit]").first.click()


def test_pasted_article_becomes_a_draft_bank_while_the_job_page_follows_it(page: Page, workspace):
    log_in(page, workspace, "tess@example.org")
    page.goto(workspace + "/teach/articles/new")
    assert_accessible(page)
    page.fill("input[name=title]", "Perseverance sneak peek")
    page.fill("input[name=publisher]", "NASA JPL")
    page.fill("textarea[name=text]", JPL_PAGE)
    page.get_by_role("button", name="Make a draft bank").click()
    expect(page).to_have_url(re.compile(r"/teach/jobs/\d+$"))
    expect(page.get_by_text("draft questions are ready for review")).to_be_visible(timeout=60_000)
    assert_accessible(page)
    page.reload()
    expect(page.get_by_text("draft questions are ready for review")).to_be_visible()
    page.get_by_role("link", name="Open the draft bank").click()
    expect(page.locator("h1")).to_have_text("Perseverance sneak peek")
    statuses = page.locator("tbody tr td:nth-child(5)").all_inner_texts()
    assert statuses and set(statuses) == {"draft"}
    assert "cookies" not in page.content()


def test_teacher_builds_previews_and_publishes_a_quiz_a_student_can_take(page: Page, workspace):
    log_in(page, workspace, "tess@example.org")
    page.goto(workspace + "/teach/quizzes")
    page.get_by_role("link", name="New quiz").click()
    assert_accessible(page)
    page.fill("input[name=title]", "Landing in three")
    page.check("input[name=selection][value=fixed]")
    page.fill("input[name=time_limit_minutes]", "10")
    page.get_by_role("button", name="Create the quiz").click()
    expect(page.get_by_text("Quiz created")).to_be_visible()
    page.get_by_role("button", name="Choose questions").click()
    boxes = page.locator("input[name=question_ids]")
    for index in range(3):
        boxes.nth(index).check()
    first_prompt = page.locator("label.form-check-label").first.inner_text().split("·")[0].strip()
    page.get_by_role("button", name="Add the ticked questions").click()
    expect(page.get_by_text("Added 3 questions.")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Down question 1").click()
    second = page.locator("#questions ol > li").nth(1)
    expect(second).to_contain_text(first_prompt[:40])
    page.get_by_role("button", name="Preview as a student").click()
    expect(page).to_have_url(re.compile(r"/attempt/\d+/q/1$"))
    page.goto(workspace + "/teach/quizzes")
    expect(page.locator("tbody")).to_contain_text("Draft")
    page.get_by_role("link", name="Landing in three").click()
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text("Published: students can now take it.")).to_be_visible()

    student = page.context.browser.new_context().new_page()
    log_in(student, workspace, "sam@example.org")
    student.goto(workspace + "/")
    student.get_by_role("link", name="Landing in three").first.click()
    student.locator("main form button[type=submit]").first.click()
    expect(student).to_have_url(re.compile(r"/attempt/\d+/q/1$"))
    # Let the page finish loading its fonts before the context (and its requests) goes away.
    student.wait_for_load_state("networkidle")
    student.context.close()
    page.wait_for_load_state("networkidle")
