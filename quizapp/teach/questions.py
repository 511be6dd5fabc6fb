"""Views for one question: read it, write it, edit it, see its history, re-pick its sources."""

import random
from types import SimpleNamespace

import sqlalchemy as sa
from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from wtforms import SelectChoice

from quizapp import authoring, reviewing
from quizapp.citations import paragraphs, sentence_choices, sources_for
from quizapp.extensions import db
from quizapp.models import (
    Article,
    Difficulty,
    PromptFormat,
    Question,
    QuestionBank,
    QuestionStatus,
    QuestionVersion,
    ReviewAction,
)
from quizapp.permissions import can_edit_bank, can_view_bank, require
from quizapp.questiontypes import REGISTRY, get_type
from quizapp.quiz.forms import answer_form_class
from quizapp.quiz.review import question_source
from quizapp.teach import bp
from quizapp.teach.question_forms import FORMS, DecisionForm, SourcesForm, initial_values

STANDARD_TOPICS = ("landing", "instruments", "mission")


def load_question(question_id: int, edit: bool = False) -> Question:
    """The question with its bank, or 404 when the user may not see (or change) it."""
    question = db.first_or_404(
        sa.select(Question)
        .where(Question.id == question_id)
        .options(sa.orm.joinedload(Question.bank))
    )
    allowed = can_edit_bank if edit else can_view_bank
    require(allowed(current_user, question.bank))
    return question


def _current(question: Question) -> QuestionVersion:
    version = authoring.current_version(question)
    if version is None:
        abort(404)
    return version


def preview_form(qtype, data: dict, prompt: str, seed: int):
    """The question as a student sees it: the type's own fields, in a shuffled order."""
    order = qtype.shown_order(data, random.Random(seed), True)
    shown = SimpleNamespace(data=data, prompt=prompt)
    form = answer_form_class(qtype, shown, order)(formdata=None, prefix="preview-")
    return SimpleNamespace(form=form, question=shown, qtype=qtype)


def _topics() -> list[str]:
    known = db.session.scalars(sa.select(Question.topic).distinct())
    return sorted(set(STANDARD_TOPICS) | set(known))


@bp.route("/questions/<int:question_id>")
def question(question_id: int):
    question = load_question(question_id)
    version = _current(question)
    qtype = get_type(version.type)
    return render_template(
        "teach/question.html",
        question=question,
        version=version,
        qtype=qtype,
        correct=qtype.describe_correct(version.data),
        source=question_source(version),
        preview=preview_form(qtype, version.data, version.prompt, question.id),
        can_edit=can_edit_bank(current_user, question.bank),
        action_form=DecisionForm(),
    )


# Imported answer data may hold lists parallel to the options or accepted answers
# (weights, feedback); they only still fit while those stay exactly the same.
PARALLEL_KEYS = ("fractions", "feedback")
ITEM_KEYS = ("options", "answers")


def merged_data(old: dict, new: dict) -> dict:
    """The editor's answer data, keeping extra keys of ``old`` that still fit."""
    merged = {**old, **new}
    if any(isinstance(old.get(key), list) and old.get(key) != new.get(key) for key in ITEM_KEYS):
        for key in PARALLEL_KEYS:
            if isinstance(old.get(key), list):
                merged.pop(key, None)
    return merged


def has_imported_extras(data: dict) -> bool:
    """True when the answer data holds per-answer weights or feedback lists from an import."""
    return any(isinstance(data.get(key), list) for key in PARALLEL_KEYS)


def _content(form, base: authoring.Content | None, type_name: str) -> authoring.Content:
    values = {
        "type": type_name,
        "prompt": form.prompt.data.strip(),
        "data": merged_data(base.data if base else {}, form.built_data),
        "title": (form.title.data or "").strip(),
        "explanation": (form.explanation.data or "").strip(),
        "difficulty": Difficulty(form.difficulty.data),
        # The editor writes plain text; an imported HTML prompt becomes plain when edited.
        "prompt_format": PromptFormat.PLAIN,
    }
    if base is None:
        return authoring.Content(**values)
    return authoring.Content(**{**base.__dict__, **values})


def _editor(template_args: dict, form, type_name: str, data_for_preview=None):
    preview = None
    if data_for_preview is not None:
        preview = preview_form(get_type(type_name), *data_for_preview)
    return render_template(
        "teach/question_edit.html",
        form=form,
        qtype=get_type(type_name),
        preview=preview,
        topics=_topics(),
        imported_extras=has_imported_extras(getattr(template_args["version"], "data", None) or {}),
        **template_args,
    )


@bp.route("/banks/<slug>/questions/new", methods=["GET", "POST"])
def new_question(slug: str):
    bank = db.first_or_404(sa.select(QuestionBank).where(QuestionBank.slug == slug))
    require(can_edit_bank(current_user, bank))
    type_name = request.args.get("type", "")
    if type_name not in FORMS:
        return render_template("teach/question_new.html", bank=bank, types=REGISTRY.values())
    form = FORMS[type_name]()
    if request.method == "GET":
        form.topic.data = "mission"
    args = {"bank": bank, "question": None, "version": None}
    if not form.validate_on_submit():
        return _editor(args, form, type_name)
    content = _content(form, None, type_name)
    if form.preview.data:
        return _editor(args, form, type_name, (content.data, content.prompt, 0))
    publish = bool(form.publish.data)
    question = authoring.create_question(
        bank.id, form.topic.data, content, current_user.id, publish=publish
    )
    flash("Question published." if publish else "Question saved as a draft.", "success")
    return redirect(url_for("teach.question", question_id=question.id))


@bp.route("/questions/<int:question_id>/edit", methods=["GET", "POST"])
def edit_question(question_id: int):
    question = load_question(question_id, edit=True)
    version = _current(question)
    form = FORMS[version.type](data=initial_values(version, question.topic))
    args = {"bank": question.bank, "question": question, "version": version}
    if not form.validate_on_submit():
        shown = (version.data, version.prompt, question.id) if request.method == "GET" else None
        return _editor(args, form, version.type, shown)
    content = _content(form, authoring.content_of(version), version.type)
    if form.preview.data:
        return _editor(args, form, version.type, (content.data, content.prompt, question.id))
    approve = bool(form.publish.data) and question.status == QuestionStatus.DRAFT
    note = (form.change_note.data or "").strip() or "Edited"
    try:
        saved = authoring.save_version(
            question.id,
            int(form.base_version.data or 0),
            content,
            current_user.id,
            note,
            topic=form.topic.data,
            approve=approve,
        )
    except authoring.EditConflict as conflict:
        flash(str(conflict), "danger")
        return redirect(url_for("teach.history", question_id=question.id))
    flash(f"Saved version {saved.number}." + (" Approved." if approve else ""), "success")
    return redirect(_after_edit(question.id, saved.number - 1))


def _after_edit(question_id: int, previous_number: int) -> str:
    """Where the editor goes after a save: back to the queue, on to a regrade, or the question."""
    if request.args.get("from") == "review":
        return url_for("teach.review_queue")
    if request.args.get("then") == "regrade":
        return url_for("teach.regrade_question", question_id=question_id, number=previous_number)
    return url_for("teach.question", question_id=question_id)


@bp.route("/questions/<int:question_id>/history")
def history(question_id: int):
    question = load_question(question_id)
    versions = list(
        db.session.scalars(
            sa.select(QuestionVersion)
            .where(QuestionVersion.question_id == question.id)
            .options(sa.orm.joinedload(QuestionVersion.author))
            .order_by(QuestionVersion.number)
        )
    )
    rows = [
        (version, authoring.changes_between(versions[i - 1] if i else None, version))
        for i, version in enumerate(versions)
    ]
    return render_template(
        "teach/question_history.html", question=question, rows=list(reversed(rows))
    )


def _citable_article(question: Question, version: QuestionVersion) -> Article | None:
    if version.article is not None:
        return version.article
    return question.bank.article


@bp.route("/questions/<int:question_id>/sources", methods=["GET", "POST"])
def sources(question_id: int):
    question = load_question(question_id, edit=True)
    version = _current(question)
    article = _citable_article(question, version)
    if article is None:
        flash("This question's bank has no article to cite.", "info")
        return redirect(url_for("teach.question", question_id=question.id))
    cited = version.sources if version.article_id == article.id else []
    choices = sentence_choices(article.raw_text, cited)
    form = SourcesForm(base_version=str(version.number))
    form.sentences.choices = [SelectChoice(c.value, c.text) for c in choices]
    if request.method == "GET":
        form.sentences.data = [f"{s['start']}-{s['end']}" for s in cited]
    if form.validate_on_submit():
        picked = sources_for(article.raw_text, form.sentences.data, choices)
        content = authoring.content_of(version)
        content = authoring.Content(
            **{**content.__dict__, "sources": picked, "article_id": article.id}
        )
        note = (form.change_note.data or "").strip() or "Re-picked the cited sentences"
        try:
            saved = authoring.save_version(
                question.id, int(form.base_version.data), content, current_user.id, note
            )
        except authoring.EditConflict as conflict:
            flash(str(conflict), "danger")
            return redirect(url_for("teach.history", question_id=question.id))
        flash(f"Saved version {saved.number} with {len(picked)} cited sentences.", "success")
        return redirect(url_for("teach.question", question_id=question.id))
    chosen = set(form.sentences.data or [])
    return render_template(
        "teach/question_sources.html",
        question=question,
        version=version,
        article=article,
        form=form,
        paragraphs=paragraphs(choices),
        chosen=chosen,
    )


def decide_from_form(question_id: int, action: ReviewAction, done: str) -> int:
    """Apply the posted review decision to a question the teacher may edit, flashing
    ``done`` or why it was refused; the question's id."""
    question = load_question(question_id, edit=True)
    form = DecisionForm()
    if form.validate_on_submit():
        try:
            reviewing.decide(question.id, action, current_user.id, form.reason.data or "")
            flash(done, "success")
        except (reviewing.DecisionRefused, ValueError) as refused:
            flash(str(refused), "warning")
    return question.id


def _status_change(question_id: int, action: ReviewAction, done: str):
    question_id = decide_from_form(question_id, action, done)
    return redirect(url_for("teach.question", question_id=question_id))


@bp.post("/questions/<int:question_id>/retire")
def retire(question_id: int):
    return _status_change(
        question_id, ReviewAction.RETIRED, "Question retired: quizzes no longer draw it."
    )


@bp.post("/questions/<int:question_id>/restore")
def restore(question_id: int):
    return _status_change(question_id, ReviewAction.RESTORED, "Question restored.")
