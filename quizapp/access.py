"""Role checks for views and whole blueprints.

An anonymous visitor is sent to the login page (with ``next`` pointing back);
a signed-in user without one of the roles gets 403. Admins pass every role
check, since an admin may do everything a teacher or a student may.
"""

import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from flask import Blueprint, abort, current_app
from flask_login import current_user
from werkzeug.wrappers import Response

from quizapp.models import Role

P = ParamSpec("P")
R = TypeVar("R")


def _as_roles(roles: tuple[Role | str, ...]) -> frozenset[Role]:
    if not roles:
        raise ValueError("Name at least one role.")
    return frozenset(Role(role) for role in roles) | {Role.ADMIN}


def check_role(allowed: frozenset[Role]) -> Response | None:
    """Return a redirect to login for anonymous visitors, abort 403 for other roles."""
    if not current_user.is_authenticated:
        return current_app.login_manager.unauthorized()
    if current_user.role not in allowed:
        abort(403)
    return None


def role_required(*roles: Role | str) -> Callable[[Callable[P, R]], Callable[P, R | Response]]:
    """Decorate a view so that only users with one of ``roles`` (or admins) reach it."""
    allowed = _as_roles(roles)

    def decorator(view: Callable[P, R]) -> Callable[P, R | Response]:
        @functools.wraps(view)
        def guarded(*args: P.args, **kwargs: P.kwargs) -> R | Response:
            denial = check_role(allowed)
            if denial is not None:
                return denial
            return view(*args, **kwargs)

        return guarded

    return decorator


def require_role_before_request(bp: Blueprint, *roles: Role | str) -> None:
    """Guard every view of ``bp``, GET and POST alike, with the role check."""
    allowed = _as_roles(roles)

    @bp.before_request
    def guard_blueprint() -> Response | None:
        return check_role(allowed)
