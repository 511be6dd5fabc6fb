"""An admin promotes a student, deactivates an account, reads the dashboard and the audit log.

Each admin page on the way is scanned with axe-core: no serious or critical violations.
"""

import pytest
import sqlalchemy as sa
from playwright.sync_api import Page, expect

from quizapp.admin import recalculation
from quizapp.auth.services import create_user
from quizapp.extensions import db
from quizapp.models import QuestionVersion, Role
from tests.admin_helpers import add_attempt
from tests.browser.test_student_journey import assert_accessible
from tests.factories import make_bank, make_quiz

PASSWORD = "correct horse battery staple"


@pytest.fixture
def site(live_app, live_server):
    with live_app.app_context():
        create_user("boss@example.org", PASSWORD, "Bea Boss", Role.ADMIN)
        pupil = create_user("pupil@example.org", PASSWORD, "Pia Pupil").id
        create_user("leaver@example.org", PASSWORD, "Lee Leaver")
        make_bank()
        quiz = make_quiz()
        version_id = db.session.scalar(sa.select(sa.func.min(QuestionVersion.id)))
        for number, score in enumerate((0.0, 0.5, 1.0), start=1):
            add_attempt(pupil, quiz.id, number, {version_id: score})
        recalculation.recalculate()
        db.session.remove()
    return live_server


def log_in(page: Page, base: str, email: str) -> None:
    page.goto(f"{base}/auth/login")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def test_admin_journey(page: Page, site: str):
    log_in(page, site, "boss@example.org")
    page.get_by_role("link", name="Admin", exact=True).click()

    # The dashboard: charts with their titles and data tables.
    expect(page.get_by_role("heading", name="People")).to_be_visible()
    chart = page.get_by_role("img", name="Attempts started per day, last 42 days")
    expect(chart).to_be_visible()
    scores = page.get_by_role("table", name="Scores in “The Landing”")
    expect(scores.get_by_role("row", name="90–100% 1")).to_have_count(1)
    assert_accessible(page)

    # Promote a student to teacher.
    page.get_by_role("link", name="Accounts", exact=True).click()
    page.get_by_label("Search email or name").fill("pupil")
    page.get_by_role("button", name="Search").click()
    page.get_by_role("link", name="pupil@example.org").click()
    assert_accessible(page)
    page.get_by_role("combobox", name="Role", exact=True).select_option("teacher")
    page.get_by_role("button", name="Change role").click()
    expect(page.get_by_text("pupil@example.org is now a teacher.")).to_be_visible()

    # Deactivate another account, which then cannot log in.
    page.get_by_role("link", name="Accounts", exact=True).click()
    page.get_by_role("link", name="leaver@example.org").click()
    page.get_by_role("button", name="Deactivate account").click()
    expect(page.get_by_text("leaver@example.org is deactivated")).to_be_visible()

    # Each action is in the audit log.
    page.get_by_role("link", name="Audit log", exact=True).click()
    expect(page.get_by_text("pupil@example.org: student → teacher")).to_be_visible()
    expect(page.get_by_text("leaver@example.org: deactivated")).to_be_visible()
    assert_accessible(page)

    other = page.context.browser.new_context().new_page()
    log_in(other, site, "leaver@example.org")
    expect(other.get_by_text("This account has been deactivated.")).to_be_visible()
    other.context.close()
