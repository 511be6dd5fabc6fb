"""A teacher brings a GIFT file in, checks the preview, imports it, moves it on as Moodle XML,
and a student is graded as the file said, partial credit included."""

import re
from pathlib import Path

import sqlalchemy as sa
from playwright.sync_api import Page, expect

from quizapp.auth.services import create_user
from quizapp.extensions import db
from quizapp.models import QuestionBank, Role
from tests.browser.test_student_journey import assert_accessible
from tests.factories import make_quiz

PASSWORD = "a long enough password"
GIFT = """// Three questions with weights, written as Moodle teachers do.
$CATEGORY: $course$/top/Mars

::Nickname::Which name did the rover get? {
  =Perseverance#Right.
  ~%50%Percy#Its nickname: half marks.
  ~Curiosity#That is the 2012 rover.
}

::Instruments::Which of these are instruments on the Mars 2020 rover? {
  ~%50%SuperCam
  ~%50%Mastcam-Z
  ~%-100%ChemCam#That one is on Curiosity.
}

::Planet::The Mars 2020 rover landed on Mars.{TRUE#No, it did.#Yes.}

::Essay::Describe the landing.{}
"""


def log_in(page: Page, server: str, email: str) -> None:
    page.goto(server + "/auth/login")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.locator("form[action*='/auth/login'] [type=submit]").click()


def new_bank(page: Page, server: str, name: str) -> str:
    page.goto(server + "/teach/banks")
    page.get_by_role("link", name="New bank", exact=True).click()
    page.fill("input[name=name]", name)
    page.get_by_role("button", name="Create bank").click()
    expect(page.get_by_role("heading", name=name)).to_be_visible()
    return page.url.rsplit("/", 1)[1]


def upload_and_confirm(page: Page, name: str, content: bytes, count: int) -> None:
    page.get_by_role("link", name="Import questions").click()
    page.set_input_files(
        "input[name=upload]", files=[{"name": name, "mimeType": "text/plain", "buffer": content}]
    )
    page.get_by_role("button", name="Preview").click()
    expect(page.locator("[role=status]").first).to_contain_text(f"{count} questions to import")
    page.get_by_role("button", name=f"Import {count} questions").click()
    expect(page.get_by_text(f"Imported {count} questions")).to_be_visible()


def test_gift_upload_preview_import_export_and_grading(page: Page, live_app, live_server, tmp_path):
    with live_app.app_context():
        create_user("teacher@example.org", PASSWORD, "Tess Teacher", Role.TEACHER)
        create_user("student@example.org", PASSWORD, "Sam Student", Role.STUDENT)
        db.session.remove()
    log_in(page, live_server, "teacher@example.org")
    first = new_bank(page, live_server, "From GIFT")

    page.get_by_role("link", name="Import questions").click()
    page.set_input_files(
        "input[name=upload]",
        files=[{"name": "mars.gift", "mimeType": "text/plain", "buffer": GIFT.encode()}],
    )
    page.get_by_role("button", name="Preview").click()
    status = page.locator("[role=status]").first
    expect(status).to_contain_text("Read as GIFT (Moodle): 3 questions to import, 1 problem")
    expect(page.locator(".problems")).to_contain_text("Line 18: Not imported: an essay question")
    previews = page.locator(".preview-question")
    expect(previews).to_have_count(3)
    expect(previews.nth(0)).to_contain_text("Percy (50%): Its nickname: half marks.")
    expect(previews.nth(0).locator("input[type=radio]")).to_have_count(3)
    expect(previews.nth(0).locator("input[type=radio]").first).to_be_disabled()
    expect(previews.nth(1)).to_contain_text("ChemCam (-100%): That one is on Curiosity.")
    assert_accessible(page)
    page.screenshot(path=str(tmp_path / "preview.png"), full_page=True)
    page.get_by_role("button", name="Import 3 questions").click()
    expect(page.get_by_text("Imported 3 questions into “From GIFT”")).to_be_visible()
    expect(page.locator("table caption")).to_have_text("3 questions")

    page.get_by_role("link", name="Export").click()
    expect(page.get_by_text("Carries every question of this bank.").first).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download Moodle XML").click()
    xml = Path(download.value.path()).read_bytes()
    assert b'<question type="multichoice">' in xml

    second = new_bank(page, live_server, "From XML")
    upload_and_confirm(page, f"{first}.xml", xml, 3)

    with live_app.app_context():
        bank = db.session.scalar(sa.select(QuestionBank).where(QuestionBank.slug == second))
        quiz = make_quiz(slug="mars", topic="general", title="Mars", draw_count=3)
        quiz.banks.append(bank)
        db.session.commit()
        db.session.remove()

    page.goto(live_server + "/auth/logout")
    page.context.clear_cookies()
    log_in(page, live_server, "student@example.org")
    page.goto(live_server + "/quiz/mars")
    page.locator("form[action$='/start'] button").click()
    page.wait_for_url(re.compile(r"/attempt/\d+/q/1$"))
    for _ in range(3):
        prompt = page.locator("#question-prompt").inner_text()
        form = page.locator("form.answer-form")
        if "name did the rover" in prompt:
            form.get_by_label("Percy").check()  # half marks
        elif "instruments" in prompt:
            form.get_by_label("SuperCam").check()  # one of two correct: half marks
        else:
            form.get_by_label("True").check()  # full marks
        button = page.locator("button[name=nav][value=next], button[name=nav][value=finish]")
        with page.expect_navigation():
            button.first.click()
    page.wait_for_url(re.compile(r"/summary$"))
    page.locator("form[action$='/submit'] button[type=submit]").click()
    page.wait_for_url(re.compile(r"/results$"))
    expect(page.locator("#score")).to_have_text("Score: 67%")


def test_a_large_import_follows_its_job_to_the_bank(page: Page, live_app, live_server):
    live_app.config["IMPORT_JOB_THRESHOLD"] = 5
    with live_app.app_context():
        create_user("teacher@example.org", PASSWORD, "Tess Teacher", Role.TEACHER)
        db.session.remove()
    log_in(page, live_server, "teacher@example.org")
    new_bank(page, live_server, "Many")
    text = "\n\n".join(f"::S{n}::Statement {n} is true.{{T}}" for n in range(12))
    page.get_by_role("link", name="Import questions").click()
    page.fill("textarea[name=text]", text)
    page.get_by_role("button", name="Preview").click()
    page.get_by_role("button", name="Import 12 questions").click()
    expect(page).to_have_url(re.compile(r"/teach/jobs/\d+$"))
    expect(page.get_by_role("heading", name="Importing 12 questions into Many")).to_be_visible()
    expect(page.get_by_text("Imported 12 questions into “Many”")).to_be_visible(timeout=30_000)
    assert_accessible(page)
    page.get_by_role("link", name="Open the bank").click()
    expect(page.locator("table caption")).to_have_text("12 questions")
