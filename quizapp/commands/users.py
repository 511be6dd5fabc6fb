"""``flask users``: manage accounts from the command line."""

import sys

import click
import sqlalchemy as sa
from flask.cli import AppGroup

from quizapp.auth import services
from quizapp.extensions import db
from quizapp.models import Role, User

DEFAULT_ADMIN_EMAIL = "admin@quizapp.local"
ROLE_CHOICE = click.Choice([role.value for role in Role], case_sensitive=False)


def _stdin_is_interactive() -> bool:
    return sys.stdin.isatty()


def _read_password() -> str:
    """Ask twice on a terminal; otherwise read the first line of standard input."""
    if _stdin_is_interactive():
        return click.prompt("Password", hide_input=True, confirmation_prompt=True)
    line = sys.stdin.readline()
    password = line.removesuffix("\n").removesuffix("\r")
    if not password:
        raise click.ClickException("No password given on standard input.")
    return password


@click.group(cls=AppGroup)
def users() -> None:
    """Manage user accounts."""


@users.command("create")
@click.argument("email")
@click.option("--role", type=ROLE_CHOICE, default=Role.STUDENT.value, show_default=True)
@click.option("--name", "display_name", help="Display name (default: the part before @).")
def create(email: str, role: str, display_name: str | None) -> None:
    """Create an account; the password comes from a prompt or standard input."""
    try:
        normalized = services.normalize_email(email, allow_reserved_domains=True)
    except services.InvalidEmailError as error:
        raise click.ClickException(f"Invalid email address: {error}") from error
    existing = services.find_lookalike(normalized)
    if existing is not None and existing.email == normalized:
        raise click.ClickException(f"An account with the email {normalized} already exists.")
    if existing is not None:
        raise click.ClickException(
            f"An account with a look-alike email already exists: {existing.email}."
        )
    password = _read_password()
    try:
        user = services.create_user(
            normalized,
            password,
            display_name or normalized.split("@", 1)[0],
            Role(role.lower()),
            allow_reserved_domains=True,
            allow_reserved_name=True,
        )
    except services.PasswordPolicyError as error:
        raise click.ClickException(f"Password refused: {error}") from error
    except services.AccountError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Created {user.role.value} account {user.email}.")


@users.command("ensure-admin")
@click.option("--email", default=DEFAULT_ADMIN_EMAIL, show_default=True)
def ensure_admin(email: str) -> None:
    """Create an admin with a random password unless an admin already exists."""
    if services.admin_exists():
        click.echo("An admin account already exists.")
        return
    password = services.generate_password()
    try:
        user = services.create_user(
            email,
            password,
            "Administrator",
            Role.ADMIN,
            allow_reserved_domains=True,
            allow_reserved_name=True,
        )
    except services.AccountError as error:
        raise click.ClickException(f"Could not create the admin account: {error}") from error
    click.echo(f"Created admin account {user.email}")
    click.echo(f"Password: {password}")
    click.echo("This password is shown only once; change it at /auth/password after logging in.")


@users.command("list")
@click.option("--role", type=ROLE_CHOICE, help="Only accounts with this role.")
def list_users(role: str | None) -> None:
    """List accounts: email, role, display name, creation date."""
    query = sa.select(User).order_by(User.email)
    if role:
        query = query.where(User.role == Role(role.lower()))
    for user in db.session.scalars(query):
        created = user.created_at.strftime("%Y-%m-%d")
        click.echo(f"{user.email}\t{user.role.value}\t{user.display_name}\t{created}")
