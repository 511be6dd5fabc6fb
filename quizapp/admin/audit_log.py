"""The audit log viewer: filter privileged actions by actor, action and date; export CSV."""

import json
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta

import sqlalchemy as sa
from flask import render_template, request
from flask_wtf import FlaskForm
from wtforms import DateField, SelectChoice, SelectField, StringField
from wtforms.validators import Optional, ValidationError

from quizapp.admin import bp
from quizapp.admin.account_list import escape_like
from quizapp.extensions import db
from quizapp.models import AuditEvent, User
from quizapp.spreadsheet import csv_response

PER_PAGE = 50
CSV_HEADER = ["time (UTC)", "actor", "action", "target", "summary", "before", "after", "address"]


class AuditFilterForm(FlaskForm):
    """Filters read from the query string."""

    class Meta:
        csrf = False

    actor = StringField("Actor's email contains", validators=[Optional()])
    action = SelectField("Action", validators=[Optional()], validate_choice=False)
    since = DateField("From", validators=[Optional()])
    until = DateField("To", validators=[Optional()])

    def validate_until(self, field) -> None:
        if field.data and self.since.data and field.data < self.since.data:
            raise ValidationError("The end date is before the start date.")


def _filter_form() -> AuditFilterForm:
    form = AuditFilterForm(formdata=request.args)
    actions = db.session.scalars(
        sa.select(AuditEvent.action).distinct().order_by(AuditEvent.action)
    )
    form.action.choices = [SelectChoice("", "Any action")] + [SelectChoice(a, a) for a in actions]
    form.validate()
    return form


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time.min)


def filtered_events(form: AuditFilterForm) -> sa.Select:
    """Events matching the form's valid filters, newest first, their actor loaded with them."""
    statement = (
        sa.select(AuditEvent)
        .outerjoin(User, User.id == AuditEvent.actor_id)
        .options(sa.orm.contains_eager(AuditEvent.actor))
        .order_by(AuditEvent.created_at.desc(), AuditEvent.id.desc())
    )
    if form.actor.data and form.actor.data.strip():
        pattern = f"%{escape_like(form.actor.data.strip().casefold())}%"
        statement = statement.where(User.email.like(pattern, escape="\\"))
    if form.action.data:
        statement = statement.where(AuditEvent.action == form.action.data)
    if form.since.data and not form.since.errors:
        statement = statement.where(AuditEvent.created_at >= _day_start(form.since.data))
    if form.until.data and not form.until.errors:
        end = _day_start(form.until.data + timedelta(days=1))
        statement = statement.where(AuditEvent.created_at < end)
    return statement


def _json(value) -> str:
    return "" if value is None else json.dumps(value, sort_keys=True, ensure_ascii=False)


@bp.route("/audit")
def audit():
    form = _filter_form()
    page = db.paginate(filtered_events(form), per_page=PER_PAGE, error_out=False, count=True)
    args = {key: value for key, value in request.args.items() if key != "page" and value}
    return render_template("admin/audit.html", form=form, page=page, query_args=args, as_json=_json)


def _csv_rows(statement: sa.Select) -> Iterator[list]:
    for event in db.session.scalars(statement.execution_options(yield_per=1000)):
        yield [
            event.created_at.strftime("%Y-%m-%d %H:%M:%S"),
            event.actor.email if event.actor else "(the site)",
            event.action,
            f"{event.target_type} {event.target_id}".strip(),
            event.summary,
            _json(event.before),
            _json(event.after),
            event.ip_address,
        ]


@bp.route("/audit.csv")
def audit_csv():
    form = _filter_form()
    return csv_response("audit-log.csv", CSV_HEADER, _csv_rows(filtered_events(form)))
