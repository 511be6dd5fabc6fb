"""Record privileged actions in the append-only audit log.

:func:`record` adds an event to the current transaction, so it is written
exactly when the action it describes is, and never when that action is
rolled back. Callers commit.
"""

from typing import Any

from flask import has_request_context, request
from flask_login import current_user

from quizapp.extensions import db
from quizapp.models import AuditEvent


def _request_actor_id() -> int | None:
    if has_request_context() and current_user.is_authenticated:
        return current_user.id
    return None


def _request_address() -> str:
    if has_request_context():
        return (request.remote_addr or "")[:64]
    return ""


def record(
    action: str,
    *,
    target_type: str = "",
    target_id: Any = "",
    summary: str = "",
    before: Any = None,
    after: Any = None,
    actor_id: int | None = None,
) -> AuditEvent:
    """Add an audit event for ``action`` (a dotted name such as ``"user.role_changed"``).

    The actor and address default to the signed-in user and the client of the
    current request; commands pass ``actor_id`` themselves (or leave it None
    for the site itself).
    """
    event = AuditEvent(
        actor_id=actor_id if actor_id is not None else _request_actor_id(),
        action=action,
        target_type=target_type,
        target_id=str(target_id)[:80],
        summary=summary[:500],
        before=before,
        after=after,
        ip_address=_request_address(),
    )
    db.session.add(event)
    return event
