"""The audit log records who did what, from where, inside the action's own transaction."""

import sqlalchemy as sa

from quizapp import audit
from quizapp.extensions import db
from quizapp.models import AuditEvent


def test_an_event_is_written_with_the_action_it_describes(app, admin):
    with app.test_request_context(environ_base={"REMOTE_ADDR": "203.0.113.9"}):
        audit.record(
            "user.role_changed",
            target_type="user",
            target_id=42,
            summary="student → teacher",
            before={"role": "student"},
            after={"role": "teacher"},
            actor_id=admin["id"],
        )
        db.session.commit()
        event = db.session.scalar(sa.select(AuditEvent))
        assert (event.action, event.target_id, event.ip_address) == (
            "user.role_changed",
            "42",
            "203.0.113.9",
        )
        assert event.before == {"role": "student"} and event.after == {"role": "teacher"}
        assert event.actor_id == admin["id"]


def test_an_event_is_dropped_when_its_action_rolls_back(app):
    with app.app_context():
        audit.record("bank.imported", target_type="bank", target_id="b")
        db.session.rollback()
        assert db.session.scalar(sa.select(sa.func.count(AuditEvent.id))) == 0
