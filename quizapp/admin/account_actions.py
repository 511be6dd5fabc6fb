"""What an admin does to accounts, without HTTP: each action is one transaction
that changes the account and writes its audit event, or changes nothing.

The site always keeps one active admin. Every action that could remove an
admin first locks the rows of all active admins (``SELECT ... FOR UPDATE`` on
PostgreSQL; on SQLite the ``BEGIN IMMEDIATE`` of :func:`writes` already
serialises writers), so two admins demoting each other at the same moment
cannot both succeed.
"""

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import ParamSpec, TypeVar

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from quizapp import audit
from quizapp.auth import services
from quizapp.database import writes
from quizapp.extensions import db
from quizapp.models import Role, User
from quizapp.models.user import new_session_token

P = ParamSpec("P")
R = TypeVar("R")


class AccountActionError(ValueError):
    """The action was refused; the message says why and is safe to show."""


LAST_ADMIN_MESSAGE = (
    "{email} is the last active admin. Make another account an admin first, "
    "so that someone can still run the site."
)


@dataclass(frozen=True)
class Outcome:
    """What an action did: a message for the admin, and whether anything changed."""

    message: str
    changed: bool = True


def _atomic(func: Callable[P, R]) -> Callable[P, R]:
    """Run ``func`` as one write transaction, rolled back (locks released) when it raises."""

    @functools.wraps(func)
    @writes
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except Exception:
            db.session.rollback()
            raise

    return wrapper


def _active_admin_ids() -> list[int]:
    """Lock and list the active admins (the lock holds until the transaction ends)."""
    return list(
        db.session.scalars(
            sa.select(User.id)
            .where(User.role == Role.ADMIN, User.active.is_(True))
            .order_by(User.id)
            .with_for_update()
        )
    )


def _locked_user(user_id: int) -> User:
    user = db.session.scalar(
        sa.select(User)
        .where(User.id == user_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    if user is None:
        raise AccountActionError("There is no such account.")
    return user


def _refuse_if_last_admin(user: User, admins: list[int]) -> None:
    if user.id in admins and len(admins) <= 1:
        raise AccountActionError(LAST_ADMIN_MESSAGE.format(email=user.email))


def _snapshot(user: User) -> dict:
    return {
        "role": user.role.value,
        "active": user.active,
        "must_change_password": user.must_change_password,
    }


def _finish(user: User, action: str, before: dict, summary: str) -> None:
    audit.record(
        action,
        target_type="user",
        target_id=user.id,
        summary=f"{user.email}: {summary}",
        before=before,
        after=_snapshot(user),
    )
    db.session.commit()


@_atomic
def change_role(user_id: int, role: Role) -> Outcome:
    """Give an account a new role (an admin stays while another active admin remains)."""
    admins = _active_admin_ids()
    user = _locked_user(user_id)
    role = Role(role)
    if user.role == role:
        db.session.rollback()
        return Outcome(f"{user.email} is already a {role.value}.", changed=False)
    if role != Role.ADMIN:
        _refuse_if_last_admin(user, admins)
    before = _snapshot(user)
    user.role = role
    _finish(user, "user.role_changed", before, f"{before['role']} → {role.value}")
    return Outcome(f"{user.email} is now a {role.value}.")


@_atomic
def set_active(user_id: int, active: bool) -> Outcome:
    """Deactivate (log out everywhere, refuse logins; data kept) or reactivate an account."""
    admins = _active_admin_ids()
    user = _locked_user(user_id)
    if user.active == active:
        db.session.rollback()
        state = "active" if active else "deactivated"
        return Outcome(f"{user.email} is already {state}.", changed=False)
    if not active:
        _refuse_if_last_admin(user, admins)
    before = _snapshot(user)
    user.active = active
    if not active:
        user.session_token = new_session_token()
    action = "user.reactivated" if active else "user.deactivated"
    _finish(user, action, before, "reactivated" if active else "deactivated")
    verb = "can log in again" if active else "is deactivated and logged out everywhere"
    return Outcome(f"{user.email} {verb}.")


@_atomic
def force_password_reset(user_id: int) -> Outcome:
    """End the account's sessions; at the next login the user must choose a new password."""
    user = _locked_user(user_id)
    before = _snapshot(user)
    user.must_change_password = True
    user.session_token = new_session_token()
    _finish(user, "user.password_reset_forced", before, "must choose a new password")
    return Outcome(f"{user.email} must choose a new password at the next login.")


def create_teacher(email: str, display_name: str, password: str) -> User:
    """Create a teacher account whose first password must be changed at first login.

    Raises :class:`AccountActionError` for bad input or a taken email address.
    """
    try:
        user = User(
            email=services.normalize_email(email, allow_reserved_domains=True),
            display_name=services.clean_display_name(display_name),
            password_hash=_checked_hash(password),
            role=Role.TEACHER,
            must_change_password=True,
        )
    except services.AccountError as error:
        raise AccountActionError(str(error)) from error
    return _insert_teacher(user)


def _checked_hash(password: str) -> str:
    services.check_password_policy(password)
    return services.hash_password(password)


@_atomic
def _insert_teacher(user: User) -> User:
    db.session.add(user)
    try:
        db.session.flush()
    except IntegrityError as error:
        db.session.rollback()
        raise AccountActionError("An account with this email address already exists.") from error
    audit.record(
        "user.created",
        target_type="user",
        target_id=user.id,
        summary=f"{user.email}: teacher account created",
        before=None,
        after={"email": user.email, **_snapshot(user)},
    )
    db.session.commit()
    return user
