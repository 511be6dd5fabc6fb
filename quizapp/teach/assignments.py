"""Views for assignments: give a quiz to a class, change its dates, adjust for a student."""

import sqlalchemy as sa
from flask import flash, redirect, render_template, url_for
from flask_login import current_user
from wtforms import SelectChoice

from quizapp.classes import assignments, rosters
from quizapp.extensions import db
from quizapp.models import Assignment, LatePolicy
from quizapp.permissions import can_manage_class, require
from quizapp.quiz.forms import ConfirmForm
from quizapp.teach import bp
from quizapp.teach.class_forms import AdjustmentForm, AssignmentSettingsForm, as_utc
from quizapp.teach.classes import assignment_form, confirmed, managed_class, render_class


def managed_assignment(assignment_id: int) -> Assignment:
    """The assignment, when the signed-in teacher manages its class (404 otherwise)."""
    assignment = db.first_or_404(
        sa.select(Assignment)
        .where(Assignment.id == assignment_id)
        .options(sa.orm.joinedload(Assignment.classroom), sa.orm.joinedload(Assignment.quiz))
    )
    require(can_manage_class(current_user, assignment.classroom))
    return assignment


@bp.post("/classes/<int:class_id>/assignments")
def create_assignment(class_id: int):
    classroom = managed_class(class_id)
    form = assignment_form(classroom.id)
    if form.validate_on_submit():
        try:
            assignments.create_assignment(
                classroom.id,
                form.quiz.data,
                as_utc(form.opens_at.data),
                as_utc(form.due_at.data),
                LatePolicy(form.late_policy.data),
            )
        except assignments.AssignmentError as error:
            form.quiz.errors.append(str(error))
        else:
            flash("The quiz was assigned.", "success")
            return redirect(url_for("teach.class_detail", class_id=class_id))
    return render_class(classroom, form), 422


def _adjustment_form(assignment: Assignment) -> AdjustmentForm:
    form = AdjustmentForm(prefix="adjust")
    form.student.choices = [
        SelectChoice(student.id, f"{student.display_name} ({student.email})")
        for student, _ in rosters.roster(assignment.classroom_id)
    ]
    return form


def _render_assignment(assignment, settings=None, adjust=None, status=200):
    if settings is None:
        settings = AssignmentSettingsForm(prefix="settings")
        settings.fill_from(assignment)
    return render_template(
        "teach/classes/assignment.html",
        assignment=assignment,
        settings=settings,
        adjust=adjust or _adjustment_form(assignment),
        adjustments=assignments.adjustments(assignment.id),
        form=ConfirmForm(),
    ), status


@bp.route("/assignments/<int:assignment_id>", methods=["GET", "POST"])
def assignment(assignment_id: int):
    assignment = managed_assignment(assignment_id)
    settings = AssignmentSettingsForm(prefix="settings")
    if not settings.is_submitted():
        return _render_assignment(assignment)
    if settings.validate():
        assignments.update_assignment(
            assignment.id,
            as_utc(settings.opens_at.data),
            as_utc(settings.due_at.data),
            LatePolicy(settings.late_policy.data),
        )
        flash("The assignment was saved.", "success")
        return redirect(url_for("teach.assignment", assignment_id=assignment.id))
    return _render_assignment(assignment, settings=settings, status=422)


@bp.post("/assignments/<int:assignment_id>/adjustments")
def adjust(assignment_id: int):
    assignment = managed_assignment(assignment_id)
    form = _adjustment_form(assignment)
    if form.validate_on_submit():
        try:
            assignments.set_adjustment(
                assignment.id,
                form.student.data,
                form.time_multiplier.data,
                form.extra_minutes.data,
                form.extra_attempts.data,
            )
        except assignments.AssignmentError as error:
            form.student.errors.append(str(error))
        else:
            flash("The adjustment was saved.", "success")
            return redirect(url_for("teach.assignment", assignment_id=assignment.id))
    return _render_assignment(assignment, adjust=form, status=422)


@bp.post("/assignments/<int:assignment_id>/delete")
def delete_assignment(assignment_id: int):
    assignment = managed_assignment(assignment_id)
    confirmed()
    class_id = assignment.classroom_id
    assignments.delete_assignment(assignment.id)
    flash("The assignment was withdrawn; attempts already made are kept.", "success")
    return redirect(url_for("teach.class_detail", class_id=class_id))
