"""Registration, login, logout and password changes, through the real forms."""

import re

import pytest
import sqlalchemy as sa

from quizapp.auth import services
from quizapp.extensions import db
from quizapp.models import Role, User

GOOD_PASSWORD = "plenty of words here"


def register(client, email="new@example.org", password=GOOD_PASSWORD, confirm=None, **extra):
    data = {
        "email": email,
        "display_name": "New Person",
        "password": password,
        "confirm": password if confirm is None else confirm,
        **extra,
    }
    return client.post("/auth/register", data=data)


def user_by_email(app, email: str) -> User | None:
    with app.app_context():
        user = db.session.scalar(sa.select(User).where(User.email == email))
        if user is not None:
            db.session.expunge(user)
        return user


def count_users(app) -> int:
    with app.app_context():
        return db.session.scalar(sa.select(sa.func.count(User.id)))


def is_logged_in(client) -> bool:
    """The password page answers 200 to a signed-in user and redirects anyone else."""
    return client.get("/auth/password").status_code == 200


def copy_cookie(source, target, name: str) -> None:
    cookie = source.get_cookie(name)
    assert cookie is not None, f"no {name} cookie to copy"
    target.set_cookie(name, cookie.value)


# Registration


def test_register_creates_a_student_who_then_logs_in(app, client, auth):
    response = register(client, email="  Newcomer@Example.ORG ")
    assert response.status_code == 302
    assert response.location == "/auth/login"
    user = user_by_email(app, "newcomer@example.org")
    assert user is not None
    assert user.role == Role.STUDENT
    assert user.display_name == "New Person"
    assert not is_logged_in(client)
    assert "Your account is ready" in client.get("/auth/login").get_data(as_text=True)
    assert auth.login("newcomer@example.org", GOOD_PASSWORD).status_code == 302
    assert b"New Person" in client.get("/").data


def test_register_page_has_labelled_fields_with_autocomplete(client):
    page = client.get("/auth/register").get_data(as_text=True)
    for field_id in ("email", "display_name", "password", "confirm"):
        assert f'for="{field_id}"' in page
    assert 'autocomplete="email"' in page
    assert page.count('autocomplete="new-password"') == 2


@pytest.mark.parametrize(
    "extra",
    [
        {"role": "admin"},
        {"role": "teacher"},
        {"role": "ADMIN", "is_admin": "1"},
        {"session_token": "chosen-by-attacker", "id": "1"},
    ],
)
def test_register_ignores_fields_the_form_does_not_declare(app, client, extra):
    register(client, email="sneaky@example.org", **extra)
    user = user_by_email(app, "sneaky@example.org")
    assert user.role == Role.STUDENT
    assert user.session_token != "chosen-by-attacker"


@pytest.mark.parametrize(
    "lookalike",
    [
        "student@example.org",
        "Student@Example.org ",
        "  STUDENT@EXAMPLE.ORG",
        "student@EXAMPLE.org\t",
        "ｓｔｕｄｅｎｔ＠ｅｘａｍｐｌｅ．ｏｒｇ",
        "ＳＴＵＤＥＮＴ@example.org",
        "stսdent@example.org",  # ARMENIAN SMALL LETTER SEH
        "ѕtudent@example.org",  # CYRILLIC SMALL LETTER DZE
        "studеnt@example.org",  # CYRILLIC SMALL LETTER IE
        "stüdent@example.org",
        "ştudent@example.org",
    ],
)
def test_register_makes_no_second_account_for_a_lookalike(app, client, student, lookalike):
    response = register(client, email=lookalike)
    assert response.status_code == 302 and response.location == "/auth/login"
    assert count_users(app) == 1


def _registration_answer(client, email: str) -> tuple[int, str, str]:
    response = register(client, email=email)
    page = client.get(response.location).get_data(as_text=True) if response.location else ""
    flash = re.search(r'<div class="alert[^"]*"[^>]*>(.*?)</div>', page, re.S)
    return response.status_code, response.location, flash[1].strip() if flash else ""


def test_registration_answers_alike_whether_the_address_is_taken(app, client, student):
    taken = _registration_answer(client, "Student@Example.org")
    free = _registration_answer(client, "fresh@example.org")
    assert taken == free
    assert "Your account is ready" in free[2]
    assert "already" not in free[2].split(".")[0]
    assert count_users(app) == 2


def test_a_taken_address_costs_no_new_account_hash(app, client, student, monkeypatch):
    hashes = []
    original = services.hash_password
    monkeypatch.setattr(services, "hash_password", lambda p: hashes.append(p) or original(p))
    register(client, email="student@example.org")
    assert hashes == []
    register(client, email="new@example.org", password="short")
    register(client, email="new@example.org", password="password123")
    assert hashes == []


@pytest.mark.parametrize(
    "lookalike",
    ["alıce@example.org", "alİce@example.org", "аlice@example.org", "a1ice@example.org"],
)
def test_confusable_addresses_collide(app, client, lookalike):
    assert register(client, email="alice@example.org").status_code == 302
    register(client, email=lookalike)
    assert count_users(app) == 1
    with app.app_context():
        assert services.find_lookalike(lookalike).email == "alice@example.org"


def test_casefolded_lookalikes_collide(app, client):
    assert register(client, email="strasse@example.org").status_code == 302
    register(client, email="STRAẞE@example.org")
    assert count_users(app) == 1


def test_register_race_for_the_same_email_answers_politely(app, client, student, monkeypatch):
    # Both requests passed the "is it taken?" check; the database's unique index decides.
    monkeypatch.setattr(services, "email_taken", lambda email: False)
    response = register(client, email="Stսdent@Example.org")
    assert response.status_code == 302 and response.location == "/auth/login"
    assert count_users(app) == 1


def test_a_lookalike_made_outside_the_services_is_refused_by_the_database(app, student):
    from sqlalchemy.exc import IntegrityError

    with app.app_context():
        db.session.add(User(email="ѕtudent@example.org", display_name="X", password_hash="x"))
        with pytest.raises(IntegrityError):
            db.session.commit()
        db.session.rollback()


@pytest.mark.parametrize(
    "email",
    [
        "",
        "not-an-email",
        "two@@example.org",
        "nobody@localhost",
        "stu\u200bdent@example.org",
        "someone@quizapp.local",
        "x" * 250 + "@example.org",
    ],
)
def test_register_refuses_invalid_emails(app, client, email):
    response = register(client, email=email)
    assert response.status_code == 200
    assert b"invalid-feedback" in response.data
    assert count_users(app) == 0


@pytest.mark.parametrize("password", ["", "short", "123456789", " " * 9])
def test_register_refuses_short_passwords(app, client, password):
    response = register(client, password=password)
    assert response.status_code == 200
    assert count_users(app) == 0
    if password:
        assert b"at least 10 characters" in response.data


@pytest.mark.parametrize("length", [257, 300, 5000])
def test_register_refuses_passwords_over_256_characters(app, client, length):
    response = register(client, password="p" * length)
    assert response.status_code == 200
    assert b"at most 256 characters" in response.data
    assert count_users(app) == 0


def test_register_refuses_mismatched_confirmation(app, client):
    response = register(client, password=GOOD_PASSWORD, confirm=GOOD_PASSWORD + "!")
    assert b"do not match" in response.data
    assert count_users(app) == 0


@pytest.mark.parametrize("name", ["", "   ", "n" * 81])
def test_register_refuses_bad_display_names(app, client, name):
    response = client.post(
        "/auth/register",
        data={
            "email": "named@example.org",
            "display_name": name,
            "password": GOOD_PASSWORD,
            "confirm": GOOD_PASSWORD,
        },
    )
    assert response.status_code == 200
    assert count_users(app) == 0


def test_stored_password_hash_is_argon2id_not_the_password(app, client):
    register(client, email="hashed@example.org")
    user = user_by_email(app, "hashed@example.org")
    assert user.password_hash.startswith("$argon2id$")
    assert GOOD_PASSWORD not in user.password_hash


@pytest.mark.parametrize("length", [10, 72, 200, 256])
def test_long_passwords_are_not_truncated(app, client, auth, length):
    password = "".join(chr(ord("a") + (i * i * 7 + i) % 26) for i in range(length))
    assert register(client, email="long@example.org", password=password).status_code == 302
    client.post("/auth/logout")
    for position in {0, length // 2, 149 if length > 150 else length - 1, length - 1}:
        variant = password[:position] + "#" + password[position + 1 :]
        assert auth.login("long@example.org", variant).status_code == 200
        assert not is_logged_in(client)
    assert auth.login("long@example.org", password).status_code == 302
    assert is_logged_in(client)


def test_password_with_a_different_150th_character_fails(app, client, auth):
    password = "rover lands " + "x" * 188
    assert register(client, email="long@example.org", password=password).status_code == 302
    assert auth.login("long@example.org", password[:149] + "y" + password[150:]).status_code == 200
    assert auth.login("long@example.org", password[:150]).status_code == 200
    assert auth.login("long@example.org", password).status_code == 302


# Login


def test_login_with_email_and_password_goes_home(client, auth, student):
    response = auth.login(student["email"])
    assert response.status_code == 302
    assert response.location == "/"
    assert b"Sam Student" in client.get("/").data


@pytest.mark.parametrize(
    "typed",
    ["STUDENT@example.org", "  Student@Example.Org  ", "ｓｔｕｄｅｎｔ＠ｅｘａｍｐｌｅ．ｏｒｇ"],
)
def test_login_accepts_the_email_however_it_is_typed(client, auth, student, typed):
    assert auth.login(typed).status_code == 302
    assert is_logged_in(client)


def test_login_page_has_labelled_fields_with_autocomplete(client):
    page = client.get("/auth/login").get_data(as_text=True)
    assert 'for="email"' in page and 'for="password"' in page and 'for="remember"' in page
    assert 'autocomplete="username"' in page
    assert 'autocomplete="current-password"' in page


@pytest.mark.parametrize(
    ("email", "password"),
    [
        ("student@example.org", "wrong password here"),
        ("nobody@example.org", "wrong password here"),
        ("nobody@example.org", "correct horse battery staple"),
        ("not-an-email", "correct horse battery staple"),
    ],
)
def test_failed_login_says_the_same_thing_whether_or_not_the_account_exists(
    client, auth, student, email, password
):
    response = auth.login(email, password)
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    assert "Invalid email or password." in body
    assert '<div class="alert alert-danger" role="alert">Invalid email or password.</div>' in body
    assert "invalid-feedback" not in body
    assert not is_logged_in(client)


def test_failed_login_pages_are_identical_for_unknown_and_known_accounts(client, auth, student):
    known = auth.login("student@example.org", "wrong password here").get_data(as_text=True)
    unknown = auth.login("nobody@example.org", "wrong password here").get_data(as_text=True)
    assert known.replace("student@example.org", "EMAIL") == unknown.replace(
        "nobody@example.org", "EMAIL"
    )


def test_unknown_account_still_costs_a_password_check(client, auth, monkeypatch):
    checked = []
    real_check = services.verify_password

    def spy(pwhash, password):
        checked.append(pwhash)
        return real_check(pwhash, password)

    monkeypatch.setattr(services, "verify_password", spy)
    auth.login("nobody@example.org", "whatever password")
    assert len(checked) == 1
    assert checked[0].startswith("$argon2id$")


def test_logged_in_user_visiting_login_is_sent_on(client, auth, student):
    auth.login(student["email"])
    assert client.get("/auth/login").status_code == 302
    assert client.get("/auth/register").status_code == 302


def test_login_starts_a_fresh_session(client, auth, student):
    with client.session_transaction() as session:
        session["planted"] = "before login"
    auth.login(student["email"])
    with client.session_transaction() as session:
        assert "planted" not in session
        assert session.get("_user_id")


def test_login_session_carries_the_token_not_the_user_id(app, client, auth, student):
    auth.login(student["email"])
    with client.session_transaction() as session:
        carried = session["_user_id"]
    with app.app_context():
        user = db.session.get(User, student["id"])
        assert carried == user.session_token
        assert carried != str(user.id)


# Logout


def test_logout_logs_out(client, auth, student):
    auth.login(student["email"])
    response = auth.logout()
    assert response.status_code == 302
    assert not is_logged_in(client)
    assert b"You have logged out." in client.get("/").data


def test_logout_is_post_only(client, auth, student):
    auth.login(student["email"])
    assert client.get("/auth/logout").status_code == 405
    assert is_logged_in(client)


def test_logout_when_not_logged_in_is_harmless(client):
    assert client.post("/auth/logout").status_code == 302


def test_copied_session_cookie_stops_working_after_logout(app, auth, student):
    victim = app.test_client()
    thief = app.test_client()
    victim.post("/auth/login", data={"email": student["email"], "password": student["password"]})
    copy_cookie(victim, thief, "session")
    assert is_logged_in(thief)
    victim.post("/auth/logout")
    assert not is_logged_in(thief)
    assert not is_logged_in(victim)


def test_remember_me_cookie_dies_on_logout(app, student):
    victim = app.test_client()
    thief = app.test_client()
    victim.post(
        "/auth/login",
        data={"email": student["email"], "password": student["password"], "remember": "y"},
    )
    copy_cookie(victim, thief, "remember_token")
    assert is_logged_in(thief)
    response = victim.post("/auth/logout")
    assert "remember_token=;" in " ".join(response.headers.getlist("Set-Cookie"))
    thief_without_session = app.test_client()
    copy_cookie(thief, thief_without_session, "remember_token")
    assert not is_logged_in(thief_without_session)


def test_logout_ends_the_accounts_other_sessions_too(app, student):
    laptop = app.test_client()
    phone = app.test_client()
    for device in (laptop, phone):
        device.post(
            "/auth/login", data={"email": student["email"], "password": student["password"]}
        )
    laptop.post("/auth/logout")
    assert not is_logged_in(phone)


# Password change


def change_password(client, current, new, confirm=None):
    return client.post(
        "/auth/password",
        data={
            "current_password": current,
            "new_password": new,
            "confirm": new if confirm is None else confirm,
        },
    )


def test_password_page_needs_login(client):
    response = client.get("/auth/password")
    assert response.status_code == 302
    assert response.location.startswith("/auth/login?next=")


def test_password_change_keeps_this_session_and_ends_copied_ones(app, student):
    owner = app.test_client()
    thief = app.test_client()
    owner.post("/auth/login", data={"email": student["email"], "password": student["password"]})
    copy_cookie(owner, thief, "session")
    assert is_logged_in(thief)
    response = change_password(owner, student["password"], "a brand new passphrase")
    assert response.status_code == 302
    assert is_logged_in(owner)
    assert not is_logged_in(thief)


def test_new_password_works_and_old_one_does_not(app, client, auth, student):
    auth.login(student["email"])
    change_password(client, student["password"], "a brand new passphrase")
    auth.logout()
    assert auth.login(student["email"], student["password"]).status_code == 200
    assert auth.login(student["email"], "a brand new passphrase").status_code == 302
    user = user_by_email(app, student["email"])
    assert user.password_hash.startswith("$argon2id$")


@pytest.mark.parametrize(
    ("current", "new", "confirm", "message"),
    [
        ("not my password", "a brand new passphrase", None, b"not your current password"),
        (None, "short", None, b"at least 10 characters"),
        (None, "n" * 257, None, b"at most 256 characters"),
        (None, "a brand new passphrase", "something else entirely", b"do not match"),
    ],
)
def test_password_change_refuses_bad_input(
    app, client, auth, student, current, new, confirm, message
):
    auth.login(student["email"])
    response = change_password(client, current or student["password"], new, confirm)
    assert response.status_code == 200
    assert message in response.data
    auth.logout()
    assert auth.login(student["email"]).status_code == 302


def test_remember_cookie_is_renewed_on_password_change(app, student):
    owner = app.test_client()
    owner.post(
        "/auth/login",
        data={"email": student["email"], "password": student["password"], "remember": "y"},
    )
    old_cookie = owner.get_cookie("remember_token").value
    change_password(owner, student["password"], "a brand new passphrase")
    new_cookie = owner.get_cookie("remember_token").value
    assert new_cookie != old_cookie
    stranger = app.test_client()
    stranger.set_cookie("remember_token", old_cookie)
    assert not is_logged_in(stranger)
    returning = app.test_client()
    returning.set_cookie("remember_token", new_cookie)
    assert is_logged_in(returning)


# Services used without a request


def test_create_user_normalises_the_email(app):
    with app.app_context():
        user = services.create_user(" Mixed.Case@Example.ORG ", GOOD_PASSWORD, "  Mixed   Case ")
        assert user.email == "mixed.case@example.org"
        assert user.display_name == "Mixed Case"


@pytest.mark.parametrize(
    "raw",
    ["A@Example.org", "ａ@example.org", "Straße@example.org", "x@BÜCHER.de", "x@xn--bcher-kva.de"],
)
def test_normalised_emails_are_stable(raw):
    once = services.normalize_email(raw)
    assert services.normalize_email(once) == once
    assert once == once.casefold()


def _store_hash(app, email: str, password_hash: str) -> None:
    with app.app_context():
        db.session.execute(
            sa.update(User).where(User.email == email).values(password_hash=password_hash)
        )
        db.session.commit()


def test_a_scrypt_hash_from_an_earlier_release_is_upgraded_at_login(app, auth, student):
    from werkzeug.security import generate_password_hash

    _store_hash(app, student["email"], generate_password_hash(student["password"], "scrypt"))
    assert auth.login(student["email"], "not the password at all").status_code == 200
    assert user_by_email(app, student["email"]).password_hash.startswith("scrypt:")

    assert auth.login(student["email"], student["password"]).status_code == 302
    upgraded = user_by_email(app, student["email"]).password_hash
    assert upgraded.startswith("$argon2id$")
    auth.logout()
    assert auth.login(student["email"], student["password"]).status_code == 302


def test_a_higher_configured_cost_rehashes_at_the_next_login(app, auth, student):
    before = user_by_email(app, student["email"]).password_hash
    assert ",t=2," in before
    app.config["PASSWORD_HASH_TIME_COST"] = 3
    assert auth.login(student["email"], student["password"]).status_code == 302
    after = user_by_email(app, student["email"]).password_hash
    assert ",t=3," in after
    assert after != before
