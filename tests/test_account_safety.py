"""Accounts nobody can confuse: look-alike addresses, common passwords, staff names, throttling."""

import pytest
import sqlalchemy as sa

from quizapp.auth import services
from quizapp.extensions import db
from quizapp.identity import identity_key
from quizapp.models import Role, User

GOOD_PASSWORD = "plenty of words here"


def _register(client, email="new@example.org", password=GOOD_PASSWORD, name="New Person", **env):
    return client.post(
        "/auth/register",
        data={"email": email, "display_name": name, "password": password, "confirm": password},
        **env,
    )


def _users(app) -> list[str]:
    with app.app_context():
        return list(db.session.scalars(sa.select(User.email).order_by(User.id)))


# Look-alike addresses


@pytest.mark.parametrize(
    "lookalike",
    [
        "alıce@example.org",  # LATIN SMALL LETTER DOTLESS I
        "alİce@example.org",  # LATIN CAPITAL LETTER I WITH DOT ABOVE
        "аlice@example.org",  # CYRILLIC SMALL LETTER A
        "alicе@example.org",  # CYRILLIC SMALL LETTER IE
        "аlісе@example.org",  # three Cyrillic letters
        "a1ice@example.org",
        "alice@exаmple.org",  # Cyrillic a in the domain
        "ALICE@EXAMPLE.ORG",
        "ａｌｉｃｅ@example.org",
    ],
)
def test_identity_key_maps_lookalikes_to_one_skeleton(lookalike):
    assert identity_key(services.normalize_email(lookalike)) == identity_key("alice@example.org")


@pytest.mark.parametrize("other", ["alicia@example.org", "alice@example.com", "bob@example.org"])
def test_different_addresses_keep_different_keys(other):
    assert identity_key(other) != identity_key("alice@example.org")


def test_service_refuses_a_lookalike_for_any_caller(app):
    with app.app_context():
        services.create_user("alice@example.org", GOOD_PASSWORD, "Alice")
        with pytest.raises(services.EmailTakenError):
            services.create_user("аlice@example.org", GOOD_PASSWORD, "Alice again")
        assert services.find_lookalike("alıce@example.org").email == "alice@example.org"
        assert services.find_lookalike("carol@example.org") is None


def test_users_cli_names_the_existing_lookalike(app, runner):
    with app.app_context():
        services.create_user("alice@example.org", GOOD_PASSWORD, "Alice")
    result = runner.invoke(
        args=["users", "create", "alİce@example.org"], input=f"{GOOD_PASSWORD}\n{GOOD_PASSWORD}\n"
    )
    assert result.exit_code != 0
    assert "look-alike email already exists: alice@example.org" in result.output
    assert _users(app) == ["alice@example.org"]


def test_admin_cannot_create_a_lookalike_teacher(app):
    from quizapp.admin.account_actions import AccountActionError, create_teacher

    with app.app_context():
        services.create_user("teacher.t@example.org", GOOD_PASSWORD, "Tess")
        with pytest.raises(AccountActionError):
            create_teacher("teacher.т@example.org", "Tess Two", GOOD_PASSWORD)
    assert _users(app) == ["teacher.t@example.org"]


# Common and leaked passwords


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("1234567890", "list of common or leaked passwords"),
        ("password123", "list of common or leaked passwords"),
        ("qwertyuiop", "list of common or leaked passwords"),
        ("iloveyou123", "list of common or leaked passwords"),
        ("new@example.org", "your email address or your name"),
        ("NEW@EXAMPLE.ORG", "your email address or your name"),
        ("new@example.org1", "your email address or your name"),
        ("new person 1", "your email address or your name"),
        ("aaaaaaaaaaaa", "easy to guess"),
        ("abcdefghijkl", "easy to guess"),
    ],
)
def test_registration_refuses_common_passwords_with_a_reason(app, client, password, reason):
    response = _register(client, password=password)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert reason in page and "A few unrelated words make a good one." in page
    assert _users(app) == []


@pytest.mark.parametrize("password", ["plenty of words here", "mars rover 2021", "Tr0ub4dor&3x"])
def test_registration_accepts_uncommon_passwords(app, client, password):
    assert _register(client, password=password).status_code == 302
    assert _users(app) == ["new@example.org"]


def test_password_change_refuses_common_passwords(app, client, student):
    client.post("/auth/login", data={"email": student["email"], "password": student["password"]})
    for weak in ("password123", student["email"]):
        response = client.post(
            "/auth/password",
            data={"current_password": student["password"], "new_password": weak, "confirm": weak},
        )
        assert response.status_code == 200
        assert "A few unrelated words make a good one." in response.get_data(as_text=True)


def test_users_cli_refuses_a_common_password(app, runner):
    result = runner.invoke(
        args=["users", "create", "cli@example.org"], input="password123\npassword123\n"
    )
    assert result.exit_code != 0
    assert "common or leaked passwords" in result.output
    assert _users(app) == []


# Display names


@pytest.mark.parametrize(
    "name",
    [
        "Bob\u202eevil",  # RIGHT-TO-LEFT OVERRIDE
        "\u2067Alice\u2069",  # RIGHT-TO-LEFT ISOLATE ... POP DIRECTIONAL ISOLATE
        "Carol\u200f",  # RIGHT-TO-LEFT MARK
        "\u202aDan",  # LEFT-TO-RIGHT EMBEDDING
    ],
)
def test_display_names_refuse_bidi_controls(app, client, name):
    response = _register(client, name=name)
    assert "text-direction characters" in response.get_data(as_text=True)
    assert _users(app) == []


@pytest.mark.parametrize(
    "name",
    ["Administrator", "admin", "ADMIN", "Аdmin", "Adm1n", "A d m i n", "Teacher", "teacher!"],
)
def test_display_names_refuse_reserved_names(app, client, name):
    response = _register(client, name=name)
    assert "This name is kept for the site" in response.get_data(as_text=True)
    assert _users(app) == []


@pytest.mark.parametrize("name", ["Addie Minton", "Teachers' pet", "Rooted", "Ada"])
def test_ordinary_names_that_contain_reserved_words_are_fine(app, client, name):
    assert _register(client, name=name).status_code == 302


def test_the_site_may_still_name_its_own_admin(app, runner):
    result = runner.invoke(args=["users", "ensure-admin"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        admin = db.session.scalar(sa.select(User).where(User.role == Role.ADMIN))
        assert admin.display_name == "Administrator"


# Registration throttling


def test_registration_is_rate_limited_per_client(limited_app):
    limited_app.config["REGISTRATION_RATE_LIMIT"] = "3 per hour"
    client = limited_app.test_client()
    here = {"environ_base": {"REMOTE_ADDR": "192.0.2.7"}}
    for n in range(3):
        assert _register(client, email=f"n{n}@example.org", **here).status_code == 302
    refused = _register(client, email="n3@example.org", **here)
    assert refused.status_code == 429
    assert "Too many attempts" in refused.get_data(as_text=True)
    elsewhere = {"environ_base": {"REMOTE_ADDR": "198.51.100.9"}}
    assert _register(client, email="n4@example.org", **elsewhere).status_code == 302
    assert "n3@example.org" not in _users(limited_app)
