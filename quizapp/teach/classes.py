"""Views for a teacher's classes: create, join code, roster."""

import sqlalchemy as sa
from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user

from quizapp.classes import rosters
from quizapp.extensions import db
from quizapp.models import Classroom
from quizapp.permissions import can_manage_class, require
from quizapp.quiz.forms import ConfirmForm
from quizapp.teach import bp
from quizapp.teach.class_forms import ClassForm


def managed_class(class_id: int) -> Classroom:
    """The class, when the signed-in teacher may manage it (404 otherwise)."""
    classroom = db.first_or_404(sa.select(Classroom).where(Classroom.id == class_id))
    require(can_manage_class(current_user, classroom))
    return classroom


def _confirmed() -> None:
    if not ConfirmForm().validate_on_submit():
        abort(400)


@bp.route("/classes", methods=["GET", "POST"])
def classes():
    form = ClassForm()
    if form.validate_on_submit():
        classroom = rosters.create_class(current_user, form.name.data)
        flash(f"Class created. Students join with the code {classroom.join_code}.", "success")
        return redirect(url_for("teach.class_detail", class_id=classroom.id))
    rows = rosters.classes_of(current_user)
    return render_template("teach/classes/list.html", rows=rows, form=form)


@bp.route("/classes/<int:class_id>")
def class_detail(class_id: int):
    classroom = managed_class(class_id)
    return render_template(
        "teach/classes/detail.html",
        classroom=classroom,
        roster=rosters.roster(classroom.id),
        form=ConfirmForm(),
    )


@bp.post("/classes/<int:class_id>/code")
def rotate_code(class_id: int):
    classroom = managed_class(class_id)
    _confirmed()
    rosters.rotate_code(classroom.id)
    flash("New join code made; the old one no longer works.", "success")
    return redirect(url_for("teach.class_detail", class_id=class_id))


@bp.post("/classes/<int:class_id>/joining/<action>")
def set_joining(class_id: int, action: str):
    classroom = managed_class(class_id)
    if action not in ("open", "close"):
        abort(404)
    _confirmed()
    rosters.set_join_open(classroom.id, action == "open")
    flash("Students can join again." if action == "open" else "Joining is closed.", "success")
    return redirect(url_for("teach.class_detail", class_id=class_id))


@bp.post("/classes/<int:class_id>/students/<int:user_id>/remove")
def remove_student(class_id: int, user_id: int):
    classroom = managed_class(class_id)
    _confirmed()
    if rosters.remove_student(classroom.id, user_id):
        flash("The student was removed from the class.", "success")
    else:
        flash("That student is not in this class.", "warning")
    return redirect(url_for("teach.class_detail", class_id=class_id))


@bp.post("/classes/<int:class_id>/archive")
def archive_class(class_id: int):
    classroom = managed_class(class_id)
    _confirmed()
    rosters.archive_class(classroom.id)
    flash(f"{classroom.name} was archived.", "success")
    return redirect(url_for("teach.classes"))
