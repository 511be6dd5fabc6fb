"""A teacher edits a question in the browser, previews it as a student would, and saves it.

The editor, the history and the review queue are scanned with axe-core and
photographed at laptop and phone sizes (the pictures land in pytest's tmp_path).
"""

import pytest
import sqlalchemy as sa
from playwright.sync_api import Page, expect

from quizapp.auth.services import create_user
from quizapp.extensions import db
from quizapp.models import Question, QuestionStatus, Role
from tests.browser.test_student_journey import assert_accessible
from tests.conftest import PASSWORD
from tests.factories import make_bank

SIZES = {"laptop": (1366, 800), "phone": (390, 844)}


@pytest.fixture
def teacher_server(live_app, live_server):
    with live_app.app_context():
        teacher = create_user(
            email="teach@example.org", password=PASSWORD, display_name="Tess", role=Role.TEACHER
        )
        bank = make_bank(slug="mine")
        bank.owner_id = teacher.id
        for question in bank.questions:
            if question.key in ("q-tf", "q-short"):
                question.status = QuestionStatus.DRAFT
        db.session.commit()
        question_id = db.session.scalar(sa.select(Question.id).where(Question.key == "q-mcq"))
        db.session.remove()
    return live_server, question_id


def log_in(page: Page, base: str) -> None:
    page.goto(base + "/auth/login")
    page.get_by_label("Email").fill("teach@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def photograph(page: Page, folder, name: str) -> None:
    for size, (width, height) in SIZES.items():
        page.set_viewport_size({"width": width, "height": height})
        page.screenshot(path=str(folder / f"{name}-{size}.png"), full_page=True)
    page.set_viewport_size({"width": 1366, "height": 800})


def test_teacher_edits_a_question_with_a_preview(page: Page, teacher_server, tmp_path):
    base, question_id = teacher_server
    log_in(page, base)
    page.goto(f"{base}/teach/questions/{question_id}")
    page.get_by_role("link", name="Edit").click()
    expect(page.get_by_role("heading", name="Edit question")).to_be_visible()
    preview = page.get_by_role("region", name="Preview: what a student sees")
    expect(preview.get_by_role("radio", name="Mastcam-Z")).to_be_visible()
    assert_accessible(page)
    photograph(page, tmp_path, "editor")

    page.get_by_label("Question", exact=True).fill("Which mast camera can zoom in?")
    page.get_by_label("Option 4", exact=True).fill("SuperCam")
    page.get_by_label("What changed and why").fill("Add a distractor")
    page.get_by_role("button", name="Preview").click()
    preview = page.get_by_role("region", name="Preview: what a student sees")
    expect(preview.get_by_role("heading", name="Which mast camera can zoom in?")).to_be_visible()
    expect(preview.get_by_role("radio", name="SuperCam")).to_be_visible()
    # Nothing is saved by a preview: the page still edits version 1.
    expect(page.get_by_text("Saving makes version 2")).to_be_visible()

    page.get_by_role("button", name="Save new version").click()
    expect(page.get_by_text("Saved version 2.")).to_be_visible()
    expect(
        page.get_by_role("heading", level=1, name="Which mast camera can zoom in?")
    ).to_be_visible()

    page.get_by_role("link", name="History").click()
    expect(page.get_by_text("2 versions, newest first.")).to_be_visible()
    expect(page.locator("ins", has_text="SuperCam").first).to_be_visible()
    assert_accessible(page)
    photograph(page, tmp_path, "history")


def test_a_mistake_is_explained_in_the_editor(page: Page, teacher_server):
    base, question_id = teacher_server
    log_in(page, base)
    page.goto(f"{base}/teach/questions/{question_id}/edit")
    for number in range(1, 4):
        page.get_by_label(f"Option {number}", exact=True).fill("")
    page.get_by_label("Option 1", exact=True).fill("Only this one")
    page.get_by_label("Question", exact=True).fill("")
    page.get_by_role("button", name="Save new version").click()
    expect(page.get_by_text("Give at least two options.")).to_be_visible()
    expect(page.get_by_text("Write the question.")).to_be_visible()
    assert_accessible(page)


def test_teacher_reviews_drafts(page: Page, teacher_server, tmp_path):
    base, _ = teacher_server
    log_in(page, base)
    page.get_by_role("link", name="Review queue").click()
    expect(page.get_by_role("heading", name="Drafts 2")).to_be_visible()
    assert_accessible(page)
    photograph(page, tmp_path, "review")
    first = page.get_by_role("article").first
    first.get_by_label("Reason for rejecting").fill("Too easy")
    first.get_by_role("button", name="Reject").click()
    expect(page.get_by_text("Rejected.")).to_be_visible()
    page.get_by_role("article").first.get_by_label("Select").check()
    page.get_by_role("button", name="Approve the ticked drafts").click()
    expect(page.get_by_text("Approved 1 draft.")).to_be_visible()
    expect(page.get_by_text("No drafts are waiting.")).to_be_visible()
