"""Views for a teacher's classes: create, join code, roster."""

import sqlalchemy as sa
from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user

from quizapp.classes import assignments, rosters
from quizapp.extensions import db
from quizapp.models import Classroom
from quizapp.permissions import can_manage_class, require
from quizapp.quiz.forms import ConfirmForm
from quizapp.teach import bp
from quizapp.teach.class_forms import AssignmentForm, ClassForm


def managed_class(class_id: int) -> Classroom:
    """The class, when the signed-in teacher may manage it (404 otherwise)."""
    classroom = db.first_or_404(sa.select(Classroom).where(Classroom.id == class_id))
    require(can_manage_class(current_user, classroom))
    return classroom


def confirmed() -> None:
    """Abort with 400 unless the button's form (its CSRF token) is valid."""
    if not ConfirmForm().validate_on_submit():
        abort(400)


def assignment_form(classroom_id: int) -> AssignmentForm:
    """The "assign a quiz" form with the quizzes this teacher may assign."""
    form = AssignmentForm(prefix="assign")
    form.quiz.choices = [
        (quiz.id, quiz.title) for quiz in assignments.assignable_quizzes(current_user)
    ]
    return form


def render_class(classroom, assign_form=None):
    """The class page: join code, assignments and roster."""
    return render_template(
        "teach/classes/detail.html",
        classroom=classroom,
        roster=rosters.roster(classroom.id),
        assignments=assignments.class_assignments(classroom.id),
        assign_form=assign_form or assignment_form(classroom.id),
        form=ConfirmForm(),
    )


@bp.route("/classes", methods=["GET", "POST"])
def classes():
    form = ClassForm()
    if form.validate_on_submit():
        classroom = rosters.create_class(current_user, form.name.data)
        flash(f"Class created. Students join with the code {classroom.join_code}.", "success")
        return redirect(url_for("teach.class_detail", class_id=classroom.id))
    rows = rosters.classes_of(current_user)
    quizzes = assignments.managed_quizzes(current_user)
    return render_template("teach/classes/list.html", rows=rows, form=form, quizzes=quizzes)


@bp.route("/classes/<int:class_id>")
def class_detail(class_id: int):
    return render_class(managed_class(class_id))


@bp.post("/classes/<int:class_id>/code")
def rotate_code(class_id: int):
    classroom = managed_class(class_id)
    confirmed()
    rosters.rotate_code(classroom.id)
    flash("New join code made; the old one no longer works.", "success")
    return redirect(url_for("teach.class_detail", class_id=class_id))


@bp.post("/classes/<int:class_id>/joining/<action>")
def set_joining(class_id: int, action: str):
    classroom = managed_class(class_id)
    if action not in ("open", "close"):
        abort(404)
    confirmed()
    rosters.set_join_open(classroom.id, action == "open")
    flash("Students can join again." if action == "open" else "Joining is closed.", "success")
    return redirect(url_for("teach.class_detail", class_id=class_id))


@bp.post("/classes/<int:class_id>/students/<int:user_id>/remove")
def remove_student(class_id: int, user_id: int):
    classroom = managed_class(class_id)
    confirmed()
    if rosters.remove_student(classroom.id, user_id):
        flash("The student was removed from the class.", "success")
    else:
        flash("That student is not in this class.", "warning")
    return redirect(url_for("teach.class_detail", class_id=class_id))


@bp.post("/classes/<int:class_id>/archive")
def archive_class(class_id: int):
    classroom = managed_class(class_id)
    confirmed()
    rosters.archive_class(classroom.id)
    flash(f"{classroom.name} was archived.", "success")
    return redirect(url_for("teach.classes"))
