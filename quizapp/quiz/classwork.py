"""Student views for classes: join a class with its code, challenge a question."""

from dataclasses import dataclass

import sqlalchemy as sa
from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_login import current_user, login_required
from werkzeug.wrappers import Response

from quizapp.classes import assignments, challenges, regrade, rosters
from quizapp.extensions import db, limiter
from quizapp.models import Attempt, ChallengeReason, Classroom, User
from quizapp.models.base import utcnow
from quizapp.quiz import bp
from quizapp.quiz.attempts import response_at
from quizapp.quiz.forms import ChallengeForm, JoinClassForm
from quizapp.quiz.visibility import review_visibility


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


def review_extras(attempt: Attempt) -> dict:
    """What the review page shows beside each question: challenges and regrades."""
    return {
        "challenges": challenges.challenges_of_attempt(attempt.id),
        "regrades": regrade.notes_for_attempt(attempt.id),
    }


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


@bp.route("/attempt/<int:attempt_id>/q/<int:position>/challenge", methods=["GET", "POST"])
@login_required
def challenge(attempt_id: int, position: int):
    attempt = db.first_or_404(
        sa.select(Attempt).where(Attempt.id == attempt_id, Attempt.user_id == current_user.id)
    )
    response = response_at(attempt.id, position)
    if response is None:
        abort(404)
    review = url_for("quiz.results", attempt_id=attempt.id) + f"#review-{position}"
    if attempt.is_open or not review_visibility(attempt, (), utcnow()).shows_questions:
        flash("Questions can be challenged once their answers are shown.", "warning")
        return redirect(review)
    form = ChallengeForm(prefix=f"challenge{position}")
    if form.validate_on_submit():
        _send_challenge(attempt, position, form)
        return redirect(review)
    return render_template(
        "quiz/challenge.html", attempt=attempt, response=response, form=form, review=review
    ), (422 if form.errors else 200)


def _send_challenge(attempt: Attempt, position: int, form: ChallengeForm) -> None:
    """Send the challenge to the teacher and say how it went."""
    try:
        challenges.raise_challenge(
            current_user.id, attempt.id, position, ChallengeReason(form.reason.data),
            form.comment.data,
        )  # fmt: skip
    except challenges.ChallengeError as error:
        flash(str(error), "warning")
    else:
        flash("Your challenge was sent to your teacher.", "success")
