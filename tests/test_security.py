"""Redirect targets, cookies, CSRF, login rate limits and security headers."""

import re

import pytest
import sqlalchemy as sa

from quizapp import create_app
from quizapp.extensions import db
from quizapp.models import User
from quizapp.passwords import verify_password
from quizapp.security import safe_next_url

MALICIOUS_NEXT = [
    "http://evil.example/",
    "https://evil.example/results",
    "HTTPS://evil.example",
    "//evil.example",
    "//evil.example/results",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "\\/evil.example",
    "/\\/evil.example",
    "%2F%2Fevil.example",
    "/%2F/evil.example",
    "/%2f%2fevil.example",
    "/%5Cevil.example",
    "/%5C%5Cevil.example",
    "/%252F%252Fevil.example",
    "/%25252F%25252Fevil.example",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "http:/evil.example",
    "http:evil.example",
    "https:\\\\evil.example",
    " //evil.example",
    "\t//evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "/%09/evil.example",
    "/%0d%0a/evil.example",
    "/%00/evil.example",
    "/\x00/evil.example",
    "/\u3000/evil.example",
    "/\u2028/evil.example",
    "evil.example",
    "results",
    "@evil.example",
    "/" + "a" * 3000,
    "",
    None,
]

GOOD_NEXT = [
    "/",
    "/results",
    "/quiz/x?y=1",
    "/quiz/42/attempt?page=2&from=list",
    "/auth/password",
    "/quiz/caf%C3%A9",
    "/quiz/a%20b",
]


@pytest.mark.parametrize("target", MALICIOUS_NEXT)
def test_unsafe_next_falls_back_to_home(app, target):
    with app.test_request_context():
        assert safe_next_url(target) == "/"


@pytest.mark.parametrize("target", GOOD_NEXT)
def test_same_site_paths_are_kept(app, target):
    with app.test_request_context():
        assert safe_next_url(target) == target


@pytest.mark.parametrize("target", [t for t in MALICIOUS_NEXT if t])
def test_login_with_malicious_next_lands_on_home(client, student, target):
    response = client.post(
        "/auth/login",
        query_string={"next": target},
        data={"email": student["email"], "password": student["password"]},
    )
    assert response.status_code == 302
    assert response.location == "/"


@pytest.mark.parametrize("target", ["/results", "/quiz/x?y=1"])
def test_login_follows_a_safe_next(client, student, target):
    page = client.get("/auth/login", query_string={"next": target})
    assert b"next=" in page.data
    response = client.post(
        "/auth/login",
        query_string={"next": target},
        data={"email": student["email"], "password": student["password"]},
    )
    assert response.location == target


def test_login_form_drops_an_unsafe_next_from_its_action(client):
    page = client.get("/auth/login", query_string={"next": "//evil.example"})
    assert b"evil.example" not in page.data


# Cookies


def _set_cookie_headers(response) -> dict[str, str]:
    return {header.split("=", 1)[0]: header for header in response.headers.getlist("Set-Cookie")}


def test_session_and_remember_cookies_are_httponly_and_samesite_lax(client, student):
    response = client.post(
        "/auth/login",
        data={"email": student["email"], "password": student["password"], "remember": "y"},
    )
    cookies = _set_cookie_headers(response)
    for name in ("session", "remember_token"):
        assert "HttpOnly" in cookies[name]
        assert "SameSite=Lax" in cookies[name]
        assert "Secure" not in cookies[name]


def test_cookies_are_secure_when_configured_for_https(app, student):
    app.config.update(SESSION_COOKIE_SECURE=True, REMEMBER_COOKIE_SECURE=True)
    client = app.test_client()
    response = client.post(
        "/auth/login",
        base_url="https://localhost",
        data={"email": student["email"], "password": student["password"], "remember": "y"},
    )
    cookies = _set_cookie_headers(response)
    for name in ("session", "remember_token"):
        assert "Secure" in cookies[name]
        assert "HttpOnly" in cookies[name]


def test_secure_cookies_can_be_switched_on_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("QUIZAPP_SESSION_COOKIE_SECURE", "true")
    monkeypatch.setenv("QUIZAPP_REMEMBER_COOKIE_SECURE", "true")
    monkeypatch.setenv("QUIZAPP_SECRET_KEY", "from-the-environment")
    monkeypatch.setenv("QUIZAPP_RATELIMIT_ENABLED", "false")
    monkeypatch.setenv("QUIZAPP_SQLALCHEMY_DATABASE_URI", f"sqlite:///{tmp_path / 'env.db'}")
    app = create_app()
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["REMEMBER_COOKIE_SECURE"] is True
    with app.app_context():
        db.engine.dispose()


# CSRF


def _user_count(app) -> int:
    with app.app_context():
        return db.session.scalar(sa.select(sa.func.count(User.id)))


def _assert_friendly_csrf_error(response) -> None:
    assert response.status_code == 400
    assert b"The form expired; please try again." in response.data
    assert b"<!doctype html>" in response.data


def _csrf_token(client, path: str) -> str:
    page = client.get(path).get_data(as_text=True)
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)[1]


def test_register_without_csrf_token_is_refused(csrf_app):
    client = csrf_app.test_client()
    response = client.post(
        "/auth/register",
        data={
            "email": "new@example.org",
            "display_name": "New",
            "password": "long enough password",
            "confirm": "long enough password",
        },
    )
    _assert_friendly_csrf_error(response)
    assert _user_count(csrf_app) == 0


@pytest.mark.parametrize("token", [None, "", "forged-token", "a" * 91])
def test_login_without_a_valid_csrf_token_is_refused(csrf_app, student, token):
    client = csrf_app.test_client()
    data = {"email": student["email"], "password": student["password"]}
    if token is not None:
        data["csrf_token"] = token
    _assert_friendly_csrf_error(client.post("/auth/login", data=data))
    assert client.get("/auth/password").status_code == 302


def test_logout_without_csrf_token_keeps_the_session(csrf_app, student):
    client = csrf_app.test_client()
    token = _csrf_token(client, "/auth/login")
    client.post(
        "/auth/login",
        data={"email": student["email"], "password": student["password"], "csrf_token": token},
    )
    assert client.get("/auth/password").status_code == 200
    _assert_friendly_csrf_error(client.post("/auth/logout"))
    assert client.get("/auth/password").status_code == 200


def test_password_change_without_csrf_token_changes_nothing(csrf_app, student):
    client = csrf_app.test_client()
    token = _csrf_token(client, "/auth/login")
    client.post(
        "/auth/login",
        data={"email": student["email"], "password": student["password"], "csrf_token": token},
    )
    response = client.post(
        "/auth/password",
        data={
            "current_password": student["password"],
            "new_password": "a brand new passphrase",
            "confirm": "a brand new passphrase",
        },
    )
    _assert_friendly_csrf_error(response)
    with csrf_app.app_context():
        user = db.session.get(User, student["id"])
        assert verify_password(user.password_hash, student["password"])


def test_forms_with_their_csrf_token_work(csrf_app, student):
    client = csrf_app.test_client()
    token = _csrf_token(client, "/auth/login")
    response = client.post(
        "/auth/login",
        data={"email": student["email"], "password": student["password"], "csrf_token": token},
    )
    assert response.status_code == 302
    home = client.get("/").get_data(as_text=True)
    logout_token = re.search(r'name="csrf_token" value="([^"]+)"', home)[1]
    assert client.post("/auth/logout", data={"csrf_token": logout_token}).status_code == 302
    assert client.get("/auth/password").status_code == 302


@pytest.mark.parametrize("path", ["/auth/login", "/auth/register"])
def test_every_auth_form_carries_a_csrf_token(csrf_app, path):
    assert _csrf_token(csrf_app.test_client(), path)


# Rate limits


def _failed_login(client, email: str, address: str = "192.0.2.1"):
    return client.post(
        "/auth/login",
        data={"email": email, "password": "not the password"},
        environ_base={"REMOTE_ADDR": address},
    )


def _assert_rate_limited(response) -> None:
    assert response.status_code == 429
    body = response.get_data(as_text=True)
    assert "Too many attempts" in body
    assert "Invalid email or password" not in body


def test_failed_logins_are_limited_per_address(limited_app, student):
    client = limited_app.test_client()
    for attempt in range(10):
        response = _failed_login(client, f"person{attempt}@example.org")
        assert response.status_code == 200
    _assert_rate_limited(_failed_login(client, "someone.else@example.org"))
    _assert_rate_limited(_failed_login(client, student["email"]))
    # Another address is not affected.
    assert _failed_login(client, "person0@example.org", "198.51.100.7").status_code == 200


@pytest.mark.parametrize(
    "spellings",
    [
        ["student@example.org"] * 5,
        [
            "student@example.org",
            "Student@Example.org",
            " STUDENT@example.org ",
            "student@EXAMPLE.ORG",
            "ｓｔｕｄｅｎｔ@example.org",
        ],
    ],
)
def test_failed_logins_are_limited_per_account_across_addresses(limited_app, student, spellings):
    client = limited_app.test_client()
    for number, email in enumerate(spellings):
        assert _failed_login(client, email, f"203.0.113.{number}").status_code == 200
    _assert_rate_limited(_failed_login(client, "student@example.org", "203.0.113.99"))
    # The right password does not get through either while the account is locked.
    response = client.post(
        "/auth/login",
        data={"email": student["email"], "password": student["password"]},
        environ_base={"REMOTE_ADDR": "203.0.113.100"},
    )
    _assert_rate_limited(response)


def test_rate_limit_answer_does_not_reveal_whether_the_account_exists(limited_app, student):
    client = limited_app.test_client()
    answers = []
    for email in (student["email"], "nobody@example.org"):
        for number in range(5):
            _failed_login(client, email, f"10.0.{len(answers)}.{number}")
        answers.append(_failed_login(client, email, "10.9.9.9"))
    assert [a.status_code for a in answers] == [429, 429]
    assert answers[0].data == answers[1].data


def test_successful_logins_do_not_use_up_the_limits(limited_app, student):
    client = limited_app.test_client()
    for _ in range(12):
        response = client.post(
            "/auth/login", data={"email": student["email"], "password": student["password"]}
        )
        assert response.status_code == 302
        client.post("/auth/logout")


def test_limits_come_from_the_configuration_at_request_time(limited_app):
    limited_app.config["LOGIN_RATE_LIMIT"] = "2 per minute"
    client = limited_app.test_client()
    assert _failed_login(client, "a@example.org").status_code == 200
    assert _failed_login(client, "b@example.org").status_code == 200
    _assert_rate_limited(_failed_login(client, "c@example.org"))


def test_login_page_can_still_be_viewed_while_limited(limited_app):
    limited_app.config["LOGIN_RATE_LIMIT"] = "1 per minute"
    client = limited_app.test_client()
    _failed_login(client, "a@example.org")
    _assert_rate_limited(_failed_login(client, "a@example.org"))
    assert client.get("/auth/login", environ_base={"REMOTE_ADDR": "192.0.2.1"}).status_code == 200


def test_rate_limits_are_off_when_disabled(client, student):
    for _ in range(25):
        assert _failed_login(client, student["email"]).status_code == 200


# Security headers

PAGES = ["/", "/auth/login", "/auth/register", "/results", "/no-such-page"]


@pytest.mark.parametrize("path", PAGES)
def test_pages_send_security_headers(client, path):
    response = client.get(path)
    csp = response.headers["Content-Security-Policy"]
    directives = dict(
        (part.strip().split(" ", 1) + [""])[:2] for part in csp.split(";") if part.strip()
    )
    assert "'unsafe-inline'" not in directives.get("script-src", directives["default-src"])
    assert "'unsafe-eval'" not in csp
    assert directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"


def test_logged_in_pages_and_error_pages_send_security_headers(client, student):
    client.post("/auth/login", data={"email": student["email"], "password": student["password"]})
    for response in (client.get("/auth/password"), client.get("/auth/logout")):
        assert "script-src 'self'" in response.headers["Content-Security-Policy"]
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["X-Frame-Options"] == "DENY"


def test_auth_pages_have_no_inline_script(client):
    for path in ("/auth/login", "/auth/register"):
        html = client.get(path).get_data(as_text=True)
        assert re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html) is None
        assert not re.search(r"\son[a-z]+=", html)


def test_html_pages_are_not_cached(client, student):
    client.post("/auth/login", data={"email": student["email"], "password": student["password"]})
    assert client.get("/auth/password").headers["Cache-Control"] == "no-store"


def test_client_address_comes_from_the_proxy_only_when_trusted(tmp_path):
    from flask import request

    from quizapp import create_app

    seen = {}
    for proxies in (0, 1):
        app = create_app(
            {
                "TESTING": True,
                "SECRET_KEY": "x",
                "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'proxy.db'}",
                "TRUSTED_PROXIES": proxies,
                "JOBS_BROKER_URL": "memory://",
            }
        )

        @app.get("/whoami")
        def whoami():
            return request.remote_addr

        response = app.test_client().get(
            "/whoami",
            headers={"X-Forwarded-For": "203.0.113.7"},
            environ_base={"REMOTE_ADDR": "10.0.0.1"},
        )
        seen[proxies] = response.get_data(as_text=True)
    assert seen == {0: "10.0.0.1", 1: "203.0.113.7"}
