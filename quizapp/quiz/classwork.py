"""Student views for classes: join a class with its code."""

from dataclasses import dataclass

from flask import current_app, flash, redirect, render_template, url_for
from flask_login import current_user, login_required
from werkzeug.wrappers import Response

from quizapp.classes import assignments, rosters
from quizapp.extensions import limiter
from quizapp.models import Classroom, User
from quizapp.models.base import utcnow
from quizapp.quiz import bp
from quizapp.quiz.forms import JoinClassForm


@dataclass(frozen=True)
class Classwork:
    """What the home page shows a signed-in user about their classes."""

    classes: list[Classroom]
    work: list[assignments.AssignedWork]


def classwork_for(user: User) -> Classwork:
    """The user's classes and the work assigned to them."""
    return Classwork(
        classes=rosters.classes_joined(user.id), work=assignments.work_for(user.id, utcnow())
    )


def _join_limit() -> str:
    return current_app.config["JOIN_RATE_LIMIT"]


def _join_key() -> str:
    return f"join:{current_user.id}"


def _join_failed(response: Response) -> bool:
    """Only codes that let nobody in count against the limit."""
    return response.status_code != 302


@bp.route("/join", methods=["GET", "POST"])
@login_required
@limiter.limit(_join_limit, methods=["POST"], deduct_when=_join_failed)
@limiter.limit(_join_limit, key_func=_join_key, methods=["POST"], deduct_when=_join_failed)
def join():
    form = JoinClassForm()
    if form.validate_on_submit():
        try:
            classroom = rosters.join_class(current_user, form.code.data)
        except rosters.JoinError as error:
            form.code.errors.append(str(error))
        else:
            flash(f"You joined {classroom.name}.", "success")
            return redirect(url_for("quiz.home"))
    status = 422 if form.errors else 200
    return render_template("quiz/join.html", join_form=form), status
