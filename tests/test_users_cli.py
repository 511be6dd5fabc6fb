"""``flask users``: create accounts, ensure an admin exists, list accounts."""

import re

import pytest
import sqlalchemy as sa

from quizapp.commands import users as users_cli
from quizapp.extensions import db
from quizapp.models import Role, User
from quizapp.passwords import verify_password

PASSWORD = "a long enough password"


@pytest.fixture
def interactive(monkeypatch):
    """Make the command believe it runs on a terminal, so it prompts."""
    monkeypatch.setattr(users_cli, "_stdin_is_interactive", lambda: True)


def find_user(app, email: str) -> User | None:
    with app.app_context():
        user = db.session.scalar(sa.select(User).where(User.email == email))
        if user is not None:
            db.session.expunge(user)
        return user


def user_count(app) -> int:
    with app.app_context():
        return db.session.scalar(sa.select(sa.func.count(User.id)))


def test_create_prompts_twice_for_a_hidden_password(app, runner, interactive):
    result = runner.invoke(
        args=["users", "create", "Teacher@School.example", "--role", "teacher", "--name", "Tess"],
        input=f"{PASSWORD}\n{PASSWORD}\n",
    )
    assert result.exit_code == 0, result.output
    assert PASSWORD not in result.output
    assert "Created teacher account teacher@school.example." in result.output
    user = find_user(app, "teacher@school.example")
    assert user.role == Role.TEACHER
    assert user.display_name == "Tess"
    assert user.password_hash.startswith("$argon2id$")
    assert verify_password(user.password_hash, PASSWORD)


def test_create_refuses_when_the_confirmation_differs(app, runner, interactive):
    result = runner.invoke(
        args=["users", "create", "pat@example.org"],
        input=f"{PASSWORD}\n{PASSWORD}x\n",
    )
    assert result.exit_code != 0
    assert "do not match" in result.output
    assert user_count(app) == 0


@pytest.mark.parametrize("role", ["student", "teacher", "admin", "ADMIN"])
def test_create_reads_the_password_from_stdin(app, runner, role):
    result = runner.invoke(
        args=["users", "create", "piped@example.org", "--role", role], input=f"{PASSWORD}\n"
    )
    assert result.exit_code == 0, result.output
    user = find_user(app, "piped@example.org")
    assert user.role == Role(role.lower())
    assert user.display_name == "piped"
    assert verify_password(user.password_hash, PASSWORD)


def test_create_keeps_spaces_in_a_piped_password(app, runner):
    result = runner.invoke(
        args=["users", "create", "spaces@example.org"], input=f"  {PASSWORD}  \r\n"
    )
    assert result.exit_code == 0, result.output
    assert verify_password(find_user(app, "spaces@example.org").password_hash, f"  {PASSWORD}  ")


def test_created_account_can_log_in(app, runner, client):
    runner.invoke(args=["users", "create", "cli@example.org"], input=f"{PASSWORD}\n")
    response = client.post("/auth/login", data={"email": "cli@example.org", "password": PASSWORD})
    assert response.status_code == 302


def test_password_is_never_an_argument(app, runner):
    result = runner.invoke(args=["users", "create", "x@example.org", "--password", PASSWORD])
    assert result.exit_code == 2
    assert user_count(app) == 0


@pytest.mark.parametrize(
    "email", ["student@example.org", "Student@Example.org", " STUDENT@example.org "]
)
def test_create_refuses_a_duplicate_email(app, runner, student, email):
    result = runner.invoke(args=["users", "create", email], input=f"{PASSWORD}\n")
    assert result.exit_code == 1
    assert "already exists" in result.output
    assert user_count(app) == 1


@pytest.mark.parametrize("password", ["short", "123456789", "p" * 257])
def test_create_refuses_a_password_of_the_wrong_length(app, runner, password):
    result = runner.invoke(args=["users", "create", "pw@example.org"], input=f"{password}\n")
    assert result.exit_code == 1
    assert "characters" in result.output
    assert user_count(app) == 0


@pytest.mark.parametrize("email", ["not-an-email", "a@b", "two@@example.org", ""])
def test_create_refuses_a_bad_email(app, runner, email):
    result = runner.invoke(args=["users", "create", email], input=f"{PASSWORD}\n")
    assert result.exit_code == 1
    assert "Invalid email address" in result.output
    assert user_count(app) == 0


def test_create_refuses_an_empty_stdin(app, runner):
    result = runner.invoke(args=["users", "create", "empty@example.org"], input="")
    assert result.exit_code == 1
    assert "No password" in result.output
    assert user_count(app) == 0


def test_create_refuses_an_unknown_role(app, runner):
    result = runner.invoke(
        args=["users", "create", "r@example.org", "--role", "owner"], input=f"{PASSWORD}\n"
    )
    assert result.exit_code == 2
    assert user_count(app) == 0


def test_create_accepts_local_domains_for_site_accounts(app, runner):
    result = runner.invoke(args=["users", "create", "Ops@QuizApp.Local"], input=f"{PASSWORD}\n")
    assert result.exit_code == 0, result.output
    assert find_user(app, "ops@quizapp.local") is not None


def _printed_password(output: str) -> str:
    return re.search(r"^Password: (\S+)$", output, re.MULTILINE)[1]


def test_ensure_admin_creates_one_admin_and_prints_its_password_once(app, runner, client):
    first = runner.invoke(args=["users", "ensure-admin"])
    assert first.exit_code == 0, first.output
    assert "admin@quizapp.local" in first.output
    password = _printed_password(first.output)
    assert len(password) >= 16
    user = find_user(app, "admin@quizapp.local")
    assert user.role == Role.ADMIN
    assert verify_password(user.password_hash, password)

    second = runner.invoke(args=["users", "ensure-admin"])
    assert second.exit_code == 0
    assert "Password" not in second.output
    assert password not in second.output
    assert user_count(app) == 1

    response = client.post(
        "/auth/login", data={"email": "admin@quizapp.local", "password": password}
    )
    assert response.status_code == 302


def test_ensure_admin_passwords_differ_between_sites(app, runner):
    passwords = set()
    for _ in range(2):
        with app.app_context():
            db.session.execute(sa.delete(User))
            db.session.commit()
        passwords.add(_printed_password(runner.invoke(args=["users", "ensure-admin"]).output))
    assert len(passwords) == 2


def test_ensure_admin_does_nothing_when_an_admin_exists(app, runner, admin):
    result = runner.invoke(args=["users", "ensure-admin"])
    assert result.exit_code == 0
    assert "Password" not in result.output
    assert find_user(app, "admin@quizapp.local") is None


def test_ensure_admin_with_a_chosen_email(app, runner):
    result = runner.invoke(args=["users", "ensure-admin", "--email", "Head@School.example"])
    assert result.exit_code == 0, result.output
    assert find_user(app, "head@school.example").role == Role.ADMIN


def test_ensure_admin_fails_clearly_when_the_email_belongs_to_a_student(app, runner):
    runner.invoke(args=["users", "create", "admin@quizapp.local"], input=f"{PASSWORD}\n")
    result = runner.invoke(args=["users", "ensure-admin"])
    assert result.exit_code == 1
    assert "already exists" in result.output
    assert find_user(app, "admin@quizapp.local").role == Role.STUDENT


def test_list_shows_accounts_and_roles(app, runner, student, teacher, admin):
    result = runner.invoke(args=["users", "list"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert len(lines) == 3
    assert any(line.startswith("student@example.org\tstudent\tSam Student") for line in lines)
    teachers = runner.invoke(args=["users", "list", "--role", "teacher"]).output.splitlines()
    assert [line.split("\t")[0] for line in teachers] == ["teacher@example.org"]
    assert "argon2" not in result.output
