"""Every admin form needs its CSRF token: without it nothing changes."""

import re

import sqlalchemy as sa

from quizapp.extensions import db
from quizapp.models import AuditEvent, Role, User
from tests.admin_helpers import make_user
from tests.conftest import PASSWORD


def _token(client, url: str) -> str:
    page = client.get(url).get_data(as_text=True)
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)


def test_admin_forms_refuse_posts_without_a_csrf_token(csrf_app, admin):
    target = make_user(csrf_app, "target@example.org")
    client = csrf_app.test_client()
    token = _token(client, "/auth/login")
    client.post(
        "/auth/login", data={"email": admin["email"], "password": PASSWORD, "csrf_token": token}
    )
    for path, data in [
        (f"/admin/users/{target}/role", {"role": "admin"}),
        (f"/admin/users/{target}/deactivate", {}),
        (f"/admin/users/{target}/reset-password", {}),
        (
            "/admin/users/new-teacher",
            {"email": "t@example.org", "display_name": "T", "password": "long enough pass"},
        ),
        ("/admin/confirm-password", {"password": PASSWORD}),
        ("/admin/statistics/recalculate", {}),
    ]:
        assert client.post(path, data=data).status_code == 400, path
    with csrf_app.app_context():
        user = db.session.get(User, target)
        assert user.role == Role.STUDENT and user.active and not user.must_change_password
        assert db.session.scalar(sa.select(sa.func.count(AuditEvent.id))) == 0
    token = _token(client, f"/admin/users/{target}")
    response = client.post(
        f"/admin/users/{target}/role", data={"role": "teacher", "csrf_token": token}
    )
    assert response.status_code == 302
    with csrf_app.app_context():
        assert db.session.get(User, target).role == Role.TEACHER
