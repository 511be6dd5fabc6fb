"""Views of the quiz builder: a teacher's quizzes, their settings, questions and publishing."""

from datetime import UTC

import sqlalchemy as sa
from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from wtforms import SelectChoice

from quizapp import quizbuilder
from quizapp.extensions import db
from quizapp.models import (
    Difficulty,
    Question,
    QuestionBank,
    QuestionVersion,
    Quiz,
    QuizDrawRule,
    QuizQuestion,
    ReviewPart,
    SelectionMode,
)
from quizapp.permissions import can_manage_quiz, is_admin, require, visible_banks
from quizapp.quiz import progress
from quizapp.quiz.attempts import AttemptError
from quizapp.quiz.forms import ConfirmForm
from quizapp.teach import bp
from quizapp.teach.quizzes_forms import (
    DrawRuleForm,
    MoveForm,
    PickQuestionsForm,
    QuizSettingsForm,
    moments_of,
    ticked,
)


def _quiz(quiz_id: int) -> Quiz:
    quiz = db.get_or_404(Quiz, quiz_id)
    require(can_manage_quiz(current_user, quiz))
    return quiz


def _edit_url(quiz: Quiz) -> str:
    return url_for("teach.edit_quiz", quiz_id=quiz.id)


@bp.route("/quizzes")
def quizzes():
    query = sa.select(Quiz).options(
        sa.orm.selectinload(Quiz.fixed_questions), sa.orm.selectinload(Quiz.draw_rules)
    )
    if not is_admin(current_user):
        query = query.where(Quiz.owner_id == current_user.id)
    rows = db.session.scalars(query.order_by(Quiz.created_at.desc(), Quiz.id.desc())).all()
    return render_template("teach/quizzes.html", quizzes=rows, planned=quizbuilder.planned_count)


def _settings_form(quiz: Quiz | None = None) -> QuizSettingsForm:
    data = None
    if quiz is not None and request.method == "GET":
        data = {
            **{name: getattr(quiz, name) for name in quizbuilder.SETTINGS},
            "selection": quiz.selection.value,
            "grading_method": quiz.grading_method.value,
            "time_limit_minutes": (quiz.time_limit_seconds or 0) // 60 or None,
        }
        for name in ("opens_at", "closes_at"):
            data[name] = data[name].replace(tzinfo=None) if data[name] else None
        for part in ReviewPart:
            data[f"review_{part.value}"] = ticked(quiz.review_moments(part))
    form = QuizSettingsForm(data=data)
    topics = progress.known_topics(current_app.config["SEED_DIR"])
    if quiz is not None and quiz.topic not in topics:
        topics[quiz.topic] = progress.topic_title(quiz.topic)
    form.topic.choices = [SelectChoice(key, title) for key, title in topics.items()]
    return form


def _settings_values(form: QuizSettingsForm) -> dict:
    minutes = form.time_limit_minutes.data
    return {
        "title": form.title.data.strip(),
        "description": (form.description.data or "").strip(),
        "topic": form.topic.data,
        "selection": SelectionMode(form.selection.data),
        "time_limit_seconds": minutes * 60 if minutes else None,
        "attempts_allowed": form.attempts_allowed.data or None,
        "grading_method": form.grading_method.data,
        "opens_at": form.opens_at.data.replace(tzinfo=UTC) if form.opens_at.data else None,
        "closes_at": form.closes_at.data.replace(tzinfo=UTC) if form.closes_at.data else None,
        "shuffle_questions": form.shuffle_questions.data,
        "shuffle_options": form.shuffle_options.data,
        **{field.name: moments_of(field.data) for field in form.review_fields()},
    }


@bp.route("/quizzes/new", methods=["GET", "POST"])
def new_quiz():
    form = _settings_form()
    if form.validate_on_submit():
        quiz = quizbuilder.create_quiz(current_user, _settings_values(form))
        flash("Quiz created. Add its questions, preview it, then publish it.", "success")
        return redirect(_edit_url(quiz))
    return render_template("teach/quiz_new.html", form=form)


def _fixed_rows(quiz: Quiz) -> list:
    return db.session.execute(
        sa.select(QuizQuestion.question_id, Question.status, QuestionVersion.prompt)
        .join(Question, Question.id == QuizQuestion.question_id)
        .join(
            QuestionVersion,
            sa.and_(
                QuestionVersion.question_id == Question.id,
                QuestionVersion.number == Question.current_version,
            ),
        )
        .where(QuizQuestion.quiz_id == quiz.id)
        .order_by(QuizQuestion.position)
    ).all()


def _bank_choices() -> list[SelectChoice]:
    banks = db.session.scalars(
        sa.select(QuestionBank)
        .where(visible_banks(current_user), QuestionBank.archived_at.is_(None))
        .order_by(QuestionBank.name)
    ).all()
    return [SelectChoice(bank.id, bank.name) for bank in banks]


def _edit_page(quiz: Quiz, form: QuizSettingsForm, rule_form: DrawRuleForm | None = None):
    banks = _bank_choices()
    rule_form = rule_form or DrawRuleForm(formdata=None)
    rule_form.bank_id.choices = banks
    rules = db.session.scalars(
        sa.select(QuizDrawRule)
        .where(QuizDrawRule.quiz_id == quiz.id)
        .options(sa.orm.joinedload(QuizDrawRule.bank))
        .order_by(QuizDrawRule.position)
    ).all()
    return render_template(
        "teach/quiz_edit.html",
        quiz=quiz,
        form=form,
        rule_form=rule_form,
        banks=banks,
        rules=rules,
        fixed=_fixed_rows(quiz),
        planned=quizbuilder.planned_count(quiz),
        drawable=quizbuilder.drawable_count(quiz),
        confirm=ConfirmForm(),
        move=MoveForm(formdata=None),
    )


@bp.route("/quizzes/<int:quiz_id>", methods=["GET", "POST"])
def edit_quiz(quiz_id: int):
    quiz = _quiz(quiz_id)
    form = _settings_form(quiz)
    if form.validate_on_submit():
        if quizbuilder.update_quiz(quiz, _settings_values(form)):
            flash("Settings saved.", "success")
        return redirect(_edit_url(quiz))
    return _edit_page(quiz, form)


@bp.route("/quizzes/<int:quiz_id>/pick", methods=["GET", "POST"])
def pick_questions(quiz_id: int):
    quiz = _quiz(quiz_id)
    bank = db.first_or_404(
        sa.select(QuestionBank).where(
            QuestionBank.id == request.args.get("bank", type=int), visible_banks(current_user)
        )
    )
    form = PickQuestionsForm()
    if form.validate_on_submit():
        try:
            added = quizbuilder.add_questions(quiz, current_user, form.question_ids.data)
        except quizbuilder.BuildError as error:
            flash(str(error), "danger")
        else:
            flash(f"Added {added} questions.", "success")
            return redirect(_edit_url(quiz))
    present = {item.question_id for item in quiz.fixed_questions}
    rows = quizbuilder.pickable_questions(bank)
    return render_template(
        "teach/quiz_pick.html", quiz=quiz, bank=bank, rows=rows, present=present, form=form
    )


def _run(action, success: str | None = None):
    try:
        warning = action()
    except (quizbuilder.BuildError, AttemptError) as error:
        flash(str(error), "danger")
        return None
    if isinstance(warning, str):
        flash(warning, "warning")
    if success:
        flash(success, "success")
    return warning


@bp.post("/quizzes/<int:quiz_id>/questions/<int:question_id>/move")
def move_question(quiz_id: int, question_id: int):
    quiz = _quiz(quiz_id)
    form = MoveForm()
    if form.validate_on_submit():
        _run(lambda: quizbuilder.move_question(quiz, question_id, form.step.data))
    return redirect(_edit_url(quiz) + "#questions")


@bp.post("/quizzes/<int:quiz_id>/questions/<int:question_id>/remove")
def remove_question(quiz_id: int, question_id: int):
    quiz = _quiz(quiz_id)
    if ConfirmForm().validate_on_submit():
        _run(lambda: quizbuilder.remove_question(quiz, question_id), "Question removed.")
    return redirect(_edit_url(quiz) + "#questions")


@bp.post("/quizzes/<int:quiz_id>/rules")
def add_rule(quiz_id: int):
    quiz = _quiz(quiz_id)
    form = DrawRuleForm()
    form.bank_id.choices = _bank_choices()
    if not form.validate_on_submit():
        return _edit_page(quiz, _settings_form(quiz), form), 400
    spec = quizbuilder.RuleSpec(
        bank_id=form.bank_id.data,
        count=form.count.data,
        difficulty=Difficulty(form.difficulty.data) if form.difficulty.data else None,
        category=form.category.data or "",
    )
    _run(lambda: quizbuilder.add_rule(quiz, current_user, spec), "Draw rule added.")
    return redirect(_edit_url(quiz) + "#questions")


@bp.post("/quizzes/<int:quiz_id>/rules/<int:rule_id>/remove")
def remove_rule(quiz_id: int, rule_id: int):
    quiz = _quiz(quiz_id)
    if ConfirmForm().validate_on_submit():
        _run(lambda: quizbuilder.remove_rule(quiz, rule_id), "Draw rule removed.")
    return redirect(_edit_url(quiz) + "#questions")


def _set_published(quiz_id: int, published: bool):
    quiz = _quiz(quiz_id)
    if ConfirmForm().validate_on_submit():
        message = "Published: students can now take it." if published else "Unpublished."
        _run(lambda: quizbuilder.set_published(quiz, published), message)
    return redirect(_edit_url(quiz))


@bp.post("/quizzes/<int:quiz_id>/publish")
def publish_quiz(quiz_id: int):
    return _set_published(quiz_id, True)


@bp.post("/quizzes/<int:quiz_id>/unpublish")
def unpublish_quiz(quiz_id: int):
    return _set_published(quiz_id, False)


@bp.post("/quizzes/<int:quiz_id>/preview")
def preview_quiz(quiz_id: int):
    quiz = _quiz(quiz_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    try:
        result = quizbuilder.start_preview(quiz, current_user)
    except (quizbuilder.BuildError, AttemptError) as error:
        flash(str(error), "warning")
        return redirect(_edit_url(quiz))
    return redirect(url_for("quiz.question", attempt_id=result.attempt_id, position=1))
