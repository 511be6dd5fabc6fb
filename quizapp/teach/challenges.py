"""Views for students' challenges: answer them, fix the question, regrade."""

import sqlalchemy as sa
from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user

from quizapp.classes import challenges, regrade
from quizapp.extensions import db
from quizapp.models import ChallengeStatus, Question
from quizapp.permissions import can_edit_bank, require
from quizapp.questiontypes import get_type
from quizapp.quiz.review import question_source
from quizapp.teach import bp
from quizapp.teach.class_forms import AnswerChallengeForm, RegradeForm


def _challenge(challenge_id: int):
    challenge = challenges.visible_challenge(current_user, challenge_id)
    if challenge is None:
        abort(404)
    return challenge


def _editable_question(question_id: int) -> Question:
    question = db.first_or_404(
        sa.select(Question)
        .where(Question.id == question_id)
        .options(sa.orm.joinedload(Question.bank))
    )
    require(can_edit_bank(current_user, question.bank))
    return question


@bp.route("/challenges")
def challenge_list():
    return render_template("teach/challenges/list.html", challenges=challenges.inbox(current_user))


@bp.route("/challenges/<int:challenge_id>", methods=["GET", "POST"])
def challenge_detail(challenge_id: int):
    challenge = _challenge(challenge_id)
    form = AnswerChallengeForm()
    if form.validate_on_submit():
        accept = bool(form.accept.data)
        if not challenges.resolve(challenge.id, current_user.id, accept, form.reply.data or ""):
            flash("This challenge was already answered.", "info")
        elif accept and can_edit_bank(current_user, challenge.question.bank):
            flash("Challenge accepted. Fix the question, then regrade.", "success")
            return redirect(
                url_for("teach.edit_question", question_id=challenge.question_id, then="regrade")
            )
        else:
            flash("Your answer was sent to the student.", "success")
        return redirect(url_for("teach.challenge_list"))
    version = challenge.version
    qtype = get_type(version.type)
    return render_template(
        "teach/challenges/detail.html",
        challenge=challenge,
        qtype=qtype,
        answer=qtype.describe_answer(version.data, challenge.response.answer),
        correct=qtype.describe_correct(version.data),
        source=question_source(version),
        can_fix=can_edit_bank(current_user, challenge.question.bank),
        reasons=challenges.REASON_LABELS,
        form=form,
        status=ChallengeStatus,
    ), (422 if form.errors else 200)


@bp.route("/questions/<int:question_id>/regrade/<int:number>", methods=["GET", "POST"])
def regrade_question(question_id: int, number: int):
    question = _editable_question(question_id)
    form = RegradeForm()
    try:
        old, new = regrade.versions(question.id, number)
    except regrade.RegradeError:
        abort(404)
    if form.validate_on_submit():
        try:
            done = regrade.apply(question.id, number, current_user.id, form.note.data or "")
        except regrade.RegradeError as error:
            flash(str(error), "info")
        else:
            flash(f"Regrade applied. Answers changed: {len(done.changes)}.", "success")
        return redirect(url_for("teach.challenge_list"))
    return render_template(
        "teach/challenges/regrade.html",
        question=question,
        old=old,
        new=new,
        qtype=get_type(new.type),
        changes=regrade.preview(question.id, number),
        form=form,
    )
