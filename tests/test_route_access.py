"""Sweep the URL map: no route can forget its role check or its CSRF token."""

import re

import pytest

from tests.factories import make_bank, make_quiz

STAFF_BLUEPRINTS = ("teach.", "admin.")
PUBLIC_ENDPOINTS = {
    "static",
    "bootstrap.static",
    "quiz.home",
    "quiz.quiz_detail",
    "auth.login",
    "auth.register",
    "auth.logout",
}


def _urls(app, prefixes=None):
    """Every rule of the app as (endpoint, url, methods), with dummy arguments filled in."""
    for rule in app.url_map.iter_rules():
        if prefixes and not rule.endpoint.startswith(prefixes):
            continue
        url = re.sub(r"<(?:int:)?(\w+)>", lambda m: "1" if "int:" in m.group(0) else "x", rule.rule)
        methods = sorted(rule.methods - {"HEAD", "OPTIONS"})
        yield rule.endpoint, url, methods


def test_the_sweep_finds_the_staff_routes(app):
    assert len(list(_urls(app, STAFF_BLUEPRINTS))) >= 3


def test_every_staff_url_refuses_students(app, client, student):
    client.post("/auth/login", data={"email": student["email"], "password": student["password"]})
    for endpoint, url, methods in _urls(app, STAFF_BLUEPRINTS):
        for method in methods:
            response = client.open(url, method=method)
            assert response.status_code == 403, (endpoint, method, url)


def test_every_staff_url_sends_anonymous_visitors_to_login(app, client):
    for endpoint, url, methods in _urls(app, STAFF_BLUEPRINTS):
        for method in methods:
            response = client.open(url, method=method)
            assert response.status_code == 302, (endpoint, method, url)
            assert "/auth/login" in response.headers["Location"]


def test_every_private_url_sends_anonymous_visitors_to_login(app, client):
    private = [item for item in _urls(app) if item[0] not in PUBLIC_ENDPOINTS and "." in item[0]]
    assert private
    for endpoint, url, methods in private:
        if endpoint.startswith("bootstrap."):
            continue
        for method in methods:
            response = client.open(url, method=method)
            assert response.status_code == 302, (endpoint, method, url)
            assert "/auth/login" in response.headers["Location"]


@pytest.fixture
def quiz_slug(csrf_app):
    with csrf_app.app_context():
        make_bank()
        return make_quiz().slug


def _csrf_token(client, url):
    page = client.get(url).get_data(as_text=True)
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)


def test_quiz_forms_need_their_csrf_token(csrf_app, quiz_slug, student):
    from quizapp.extensions import db
    from quizapp.models import Attempt

    client = csrf_app.test_client()
    token = _csrf_token(client, "/auth/login")
    client.post(
        "/auth/login",
        data={"email": student["email"], "password": student["password"], "csrf_token": token},
    )
    assert client.post(f"/quiz/{quiz_slug}/start").status_code == 400
    with csrf_app.app_context():
        assert db.session.query(Attempt).count() == 0
    token = _csrf_token(client, f"/quiz/{quiz_slug}")
    start = client.post(f"/quiz/{quiz_slug}/start", data={"csrf_token": token})
    attempt_id = int(re.search(r"/attempt/(\d+)/", start.headers["Location"]).group(1))
    for url in (
        f"/attempt/{attempt_id}/q/1",
        f"/attempt/{attempt_id}/q/1/autosave",
        f"/attempt/{attempt_id}/submit",
    ):
        assert client.post(url, data={"answer": "0", "nav": "next"}).status_code == 400, url
    with csrf_app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        assert attempt.is_open
        assert all(r.answer is None for r in attempt.responses)
    token = _csrf_token(client, f"/attempt/{attempt_id}/q/1")
    saved = client.post(
        f"/attempt/{attempt_id}/q/1/autosave",
        data={"csrf_token": token},
        headers={"Accept": "application/json"},
    )
    assert saved.status_code == 200


def test_error_pages_use_the_site_design(app, client):
    @app.route("/boom")
    def boom():
        raise RuntimeError("kaboom")

    missing = client.get("/no/such/page")
    assert missing.status_code == 404
    assert "Page not found" in missing.get_data(as_text=True)
    assert 'class="navbar' in missing.get_data(as_text=True)
    app.config["PROPAGATE_EXCEPTIONS"] = False
    crashed = client.get("/boom")
    assert crashed.status_code == 500
    body = crashed.get_data(as_text=True)
    assert "Something went wrong" in body
    assert "kaboom" not in body and "Traceback" not in body
