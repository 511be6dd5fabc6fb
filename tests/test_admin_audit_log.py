"""The audit log viewer: filters by actor, action and date, pages, CSV export."""

import csv
import io
from datetime import UTC, datetime

import pytest

from quizapp import audit
from quizapp.extensions import db
from quizapp.models import AuditEvent
from tests.admin_helpers import login, make_user
from tests.test_query_counts import count_queries


@pytest.fixture
def admin_client(app, admin):
    client = app.test_client()
    login(client, admin["email"])
    return client


def _event(actor_id, action, day, summary="", before=None, after=None):
    event = audit.record(
        action,
        target_type="user",
        target_id=1,
        summary=summary,
        before=before,
        after=after,
        actor_id=actor_id,
    )
    event.created_at = datetime(2026, 3, day, 12, 0, tzinfo=UTC)
    db.session.commit()


@pytest.fixture
def history(app, admin, teacher):
    with app.app_context():
        _event(
            admin["id"],
            "user.role_changed",
            1,
            "a@x: student → teacher",
            {"role": "student"},
            {"role": "teacher"},
        )
        _event(teacher["id"], "bank.imported", 2, "imported 12 questions")
        _event(admin["id"], "user.deactivated", 3, "=cmd|' /C calc'!A0")
        _event(None, "job.failed", 4, "site job")


def _rows(page: str) -> list[str]:
    body = page.split("<tbody>")[1].split("</tbody>")[0]
    return [row for row in body.split("<tr>")[1:]]


def test_audit_log_lists_events_newest_first_with_before_and_after(admin_client, history):
    page = admin_client.get("/admin/audit").get_data(as_text=True)
    rows = _rows(page)
    assert len(rows) == 4
    assert "job.failed" in rows[0] and "(the site)" in rows[0]
    assert "user.role_changed" in rows[3]
    assert "{&#34;role&#34;: &#34;student&#34;}" in rows[3]
    assert "admin@example.org" in rows[3]


def test_audit_log_filters_by_actor_action_and_dates(admin_client, history):
    by_actor = _rows(admin_client.get("/admin/audit?actor=TEACHER@").get_data(as_text=True))
    assert len(by_actor) == 1 and "bank.imported" in by_actor[0]
    by_action = _rows(
        admin_client.get("/admin/audit?action=user.deactivated").get_data(as_text=True)
    )
    assert len(by_action) == 1 and "user.deactivated" in by_action[0]
    by_dates = _rows(
        admin_client.get("/admin/audit?since=2026-03-02&until=2026-03-03").get_data(as_text=True)
    )
    assert [("bank.imported" in r, "user.deactivated" in r) for r in by_dates] == [
        (False, True),
        (True, False),
    ]


def test_bad_filters_say_so_and_do_not_fail(admin_client, history):
    page = admin_client.get("/admin/audit?since=yesterday&until=2026-13-40&action=nope")
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert "Not a valid date value." in text
    reversed_dates = admin_client.get("/admin/audit?since=2026-03-03&until=2026-03-01")
    assert "The end date is before the start date." in reversed_dates.get_data(as_text=True)


def test_audit_csv_exports_the_filtered_events_formula_safe(admin_client, history):
    response = admin_client.get("/admin/audit.csv?actor=admin@")
    assert response.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert rows[0][:3] == ["time (UTC)", "actor", "action"]
    assert [row[2] for row in rows[1:]] == ["user.deactivated", "user.role_changed"]
    assert rows[1][4] == "'=cmd|' /C calc'!A0"
    assert rows[2][5] == '{"role": "student"}' and rows[2][6] == '{"role": "teacher"}'


def test_account_actions_appear_in_the_audit_log(app, admin_client):
    target = make_user(app, "pupil@example.org")
    admin_client.post(f"/admin/users/{target}/role", data={"role": "teacher"})
    admin_client.post(f"/admin/users/{target}/deactivate")
    page = admin_client.get("/admin/audit").get_data(as_text=True)
    assert "user.role_changed" in page and "user.deactivated" in page
    assert "pupil@example.org: student → teacher" in page


def test_audit_log_pages_and_keeps_its_query_count(app, admin_client, admin):
    counts = []
    for batch in (5, 120):
        with app.app_context():
            for number in range(batch):
                _event(admin["id"], f"test.action{number % 3}", 1 + number % 20)
        with count_queries(app) as statements:
            assert admin_client.get("/admin/audit?action=test.action1").status_code == 200
        counts.append(len(statements))
    assert counts[0] == counts[1] <= 6
    with app.app_context():
        assert db.session.query(AuditEvent).count() == 125
    second = admin_client.get("/admin/audit?page=2").get_data(as_text=True)
    assert len(_rows(second)) == 50
