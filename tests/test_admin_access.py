"""One role guard covers the whole admin area: a sweep over every /admin URL and every role."""

import re

import pytest

from quizapp.models import Role
from tests.admin_helpers import login, make_user
from tests.factories import make_bank


def _admin_urls(app, user_id: int):
    """Every /admin rule as (endpoint, url, methods), with a real account id filled in."""
    found = []
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/admin"):
            continue
        url = re.sub(r"<(?:\w+:)?(\w+)>", str(user_id), rule.rule)
        found.append((rule.endpoint, url, sorted(rule.methods - {"HEAD", "OPTIONS"})))
    return found


def test_every_admin_route_belongs_to_the_guarded_blueprint(app):
    routes = _admin_urls(app, 1)
    assert len(routes) >= 9
    assert all(endpoint.startswith("admin.") for endpoint, _, _ in routes)


@pytest.mark.parametrize("role", [Role.STUDENT, Role.TEACHER])
def test_every_admin_url_refuses_students_and_teachers(app, role):
    target = make_user(app, "target@example.org")
    make_user(app, "someone@example.org", role)
    client = app.test_client()
    login(client, "someone@example.org")
    for endpoint, url, methods in _admin_urls(app, target):
        for method in methods:
            response = client.open(url, method=method, data={"role": "admin"})
            assert response.status_code == 403, (role, endpoint, method, url)


def test_every_admin_url_sends_anonymous_visitors_to_login(app, client):
    for endpoint, url, methods in _admin_urls(app, 1):
        for method in methods:
            response = client.open(url, method=method)
            assert response.status_code == 302, (endpoint, method, url)
            assert response.location.startswith("/auth/login"), (endpoint, url)


# Pages that show one group of something need its name in the query string.
QUERY_STRINGS = {"admin.statistics_questions": "?by=rule&key=test.fixture"}


def test_every_admin_page_opens_for_an_admin(app, client, admin):
    target = make_user(app, "target@example.org")
    with app.app_context():
        make_bank()
    login(client, admin["email"])
    for endpoint, url, methods in _admin_urls(app, target):
        if "GET" in methods:
            response = client.get(url + QUERY_STRINGS.get(endpoint, ""))
            assert response.status_code in (200, 302), (endpoint, url)
            if response.status_code == 302:
                assert client.get(response.location).status_code == 200, (endpoint, url)


def test_a_deactivated_admin_loses_the_admin_area_at_once(app, admin):
    from quizapp.admin import account_actions

    make_user(app, "second@example.org", Role.ADMIN)
    client = app.test_client()
    login(client, admin["email"])
    with app.app_context():
        account_actions.set_active(admin["id"], False)
    response = client.get("/admin/users")
    assert response.status_code == 302 and response.location.startswith("/auth/login")
