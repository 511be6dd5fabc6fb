"""Views for the quiz list, attempts and results."""

import sqlalchemy as sa
from flask import (
    abort,
    current_app,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_login import current_user, login_required

from quizapp.classes import assignments
from quizapp.extensions import db
from quizapp.models import Attempt, QuestionVersion, Quiz, Response
from quizapp.models.base import utcnow
from quizapp.questiontypes import get_type
from quizapp.quiz import bp, progress
from quizapp.quiz.attempts import (
    AttemptClosed,
    AttemptError,
    close_if_expired,
    closed_message,
    response_at,
    start_attempt,
    submit_attempt,
)
from quizapp.quiz.attempts import save_answer as store_answer
from quizapp.quiz.classwork import classwork_for, review_extras
from quizapp.quiz.forms import ConfirmForm, JoinClassForm, answer_form_class
from quizapp.quiz.review import review_items
from quizapp.quiz.visibility import next_showing, review_visibility

STORAGE_FAILED = (
    "The server could not store your answer: it cannot write to its database right now "
    "(for example, its disk is full). Your answer is kept in this browser and will be "
    "sent again automatically."
)


def _user_id() -> int | None:
    return current_user.id if current_user.is_authenticated else None


def _is_student() -> bool:
    return current_user.is_authenticated and not current_user.is_teacher


@bp.route("/")
def home():
    sections = progress.topic_sections(_user_id(), current_app.config["SEED_DIR"])
    return render_template(
        "quiz/home.html",
        sections=sections,
        form=ConfirmForm(),
        classwork=classwork_for(current_user) if _is_student() else None,
        join_form=JoinClassForm(),
    )


_PUBLISHED_QUIZ = sa.select(Quiz).where(
    Quiz.slug == sa.bindparam("slug"), Quiz.is_published.is_(True)
)
# Starting draws by the quiz's rules: read them with the quiz, in the same statement.
_PUBLISHED_QUIZ_WITH_RULES = _PUBLISHED_QUIZ.options(sa.orm.joinedload(Quiz.draw_rules))


def _published_quiz(slug: str, statement: sa.Select = _PUBLISHED_QUIZ) -> Quiz:
    quiz = db.session.scalars(statement, {"slug": slug}).unique().first()
    if quiz is None:
        abort(404)
    return quiz


@bp.route("/quiz/<slug:slug>")
def quiz_detail(slug: str):
    quiz = _published_quiz(slug)
    (standing,) = progress.standings_for(_user_id(), [quiz])
    title = progress.topic_title(quiz.topic, current_app.config["SEED_DIR"])
    return render_template(
        "quiz/detail.html", quiz=quiz, standing=standing, topic_title=title, form=ConfirmForm()
    )


@bp.post("/quiz/<slug:slug>/start")
@login_required
def start(slug: str):
    quiz = _published_quiz(slug, _PUBLISHED_QUIZ_WITH_RULES)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    try:
        terms = assignments.terms_for(current_user.id, quiz.id, utcnow())
        result = start_attempt(current_user.id, quiz, terms=terms)
    except AttemptError as error:
        flash(str(error), "warning")
        return redirect(url_for("quiz.quiz_detail", slug=slug))
    if result.resumed:
        flash("Welcome back: your attempt continues where you left it.", "info")
    return redirect(url_for("quiz.question", attempt_id=result.attempt_id, position=1))


# The attempt pages' queries run on every question view and answer: built once.
_OWN_ATTEMPT = (
    sa.select(Attempt)
    .where(Attempt.id == sa.bindparam("attempt_id"), Attempt.user_id == sa.bindparam("user_id"))
    .options(sa.orm.joinedload(Attempt.quiz))
)
_PALETTE = (
    sa.select(Response.position, Response.answer)
    .where(Response.attempt_id == sa.bindparam("attempt_id"))
    .order_by(Response.position)
)


def _own_attempt(attempt_id: int) -> Attempt:
    parameters = {"attempt_id": attempt_id, "user_id": current_user.id}
    attempt = db.session.scalar(_OWN_ATTEMPT, parameters)
    if attempt is None:
        abort(404)
    close_if_expired(attempt)
    return attempt


def _palette(attempt: Attempt) -> list[sa.Row]:
    """Each question's position and saved answer, for the navigation: no question texts."""
    return list(db.session.execute(_PALETTE, {"attempt_id": attempt.id}))


_RESPONSES = (
    sa.select(Response)
    .where(Response.attempt_id == sa.bindparam("attempt_id"))
    .order_by(Response.position)
)
_WITH_VERSIONS = _RESPONSES.options(sa.orm.joinedload(Response.version))
_WITH_ARTICLES = _RESPONSES.options(
    sa.orm.joinedload(Response.version).joinedload(QuestionVersion.article)
)


def _responses(attempt: Attempt, with_articles: bool = False) -> list[Response]:
    statement = _WITH_ARTICLES if with_articles else _WITH_VERSIONS
    return list(db.session.scalars(statement, {"attempt_id": attempt.id}))


def _next_position(nav: str | None, position: int, count: int) -> int | str:
    if nav == "finish":
        return "finish"
    if nav == "previous":
        return max(1, position - 1)
    if nav == "next":
        return position + 1 if position < count else "finish"
    if nav and nav.isdigit() and 1 <= int(nav) <= count:
        return int(nav)
    return position


def _answer_form(response: Response):
    """The question's form: posted data on POST, else prefilled from the saved answer."""
    version = response.version
    qtype = get_type(version.type)
    form_class = answer_form_class(qtype, version, response.option_order)
    if request.method == "POST":
        return form_class()
    return form_class(
        formdata=None, data=qtype.field_data(version.data, response.option_order, response.answer)
    )


def _store_form_answer(attempt: Attempt, response: Response, form) -> None:
    """Save the answer a validated form carries (raises AttemptClosed when too late)."""
    version = response.version
    answer = get_type(version.type).answer_from_form(form, version.data, response.option_order)
    store_answer(attempt.id, response.position, answer)


@bp.route("/attempt/<int:attempt_id>/q/<int:position>", methods=["GET", "POST"])
@login_required
def question(attempt_id: int, position: int):
    attempt = _own_attempt(attempt_id)
    if not attempt.is_open:
        flash("This attempt is finished.", "info")
        return redirect(url_for("quiz.results", attempt_id=attempt.id))
    responses = _palette(attempt)
    if not 1 <= position <= len(responses):
        abort(404)
    response = response_at(attempt.id, position)
    form = _answer_form(response)
    if request.method == "POST" and form.validate():
        try:
            _store_form_answer(attempt, response, form)
        except AttemptClosed as error:
            flash(str(error), "warning")
            return redirect(url_for("quiz.results", attempt_id=attempt_id))
        # The saved attempt is not read again: its id is the one in the URL.
        target = _next_position(form.nav.data, position, len(responses))
        if target == "finish":
            return redirect(url_for("quiz.summary", attempt_id=attempt_id))
        return redirect(url_for("quiz.question", attempt_id=attempt_id, position=target))
    return render_template(
        "quiz/question.html",
        attempt=attempt,
        responses=responses,
        response=response,
        qtype=get_type(response.version.type),
        question=response.version,
        form=form,
        now=utcnow(),
    )


@bp.post("/attempt/<int:attempt_id>/q/<int:position>/autosave")
@login_required
def autosave(attempt_id: int, position: int):
    """Save one answer without a page load; JSON for the page's script to act on."""
    attempt = _own_attempt(attempt_id)
    if not attempt.is_open:
        return jsonify(saved=False, closed=True, message=closed_message(attempt)), 409
    response = response_at(attempt.id, position)
    if response is None:
        abort(404)
    form = _answer_form(response)
    if not form.validate():
        return jsonify(saved=False, errors=form.errors), 422
    try:
        _store_form_answer(attempt, response, form)
    except AttemptClosed:
        db.session.refresh(attempt)
        return jsonify(saved=False, closed=True, message=closed_message(attempt)), 409
    except (sa.exc.OperationalError, sa.exc.InternalError):
        db.session.rollback()
        current_app.logger.exception("Could not store an autosaved answer")
        return jsonify(saved=False, retry=True, message=STORAGE_FAILED), 503
    return jsonify(saved=True, position=position, **progress.answered_state(attempt_id))


@bp.route("/attempt/<int:attempt_id>/summary")
@login_required
def summary(attempt_id: int):
    attempt = _own_attempt(attempt_id)
    if not attempt.is_open:
        return redirect(url_for("quiz.results", attempt_id=attempt.id))
    responses = _responses(attempt)
    return render_template(
        "quiz/summary.html",
        attempt=attempt,
        responses=responses,
        unanswered=[r for r in responses if r.answer is None],
        form=ConfirmForm(),
        now=utcnow(),
    )


@bp.post("/attempt/<int:attempt_id>/submit")
@login_required
def submit(attempt_id: int):
    attempt = _own_attempt(attempt_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    if submit_attempt(attempt.id):
        flash("Your answers have been submitted.", "success")
    else:
        flash("This attempt was already submitted; your score is below.", "info")
    return redirect(url_for("quiz.results", attempt_id=attempt_id))


@bp.route("/attempt/<int:attempt_id>/results")
@login_required
def results(attempt_id: int):
    attempt = _own_attempt(attempt_id)
    if attempt.is_open:
        flash("Submit the attempt to see your results.", "info")
        return redirect(url_for("quiz.summary", attempt_id=attempt.id))
    now = utcnow()
    responses = _responses(attempt, with_articles=True)
    visibility = review_visibility(attempt, {r.version.question_id for r in responses}, now)
    return render_template(
        "quiz/results.html",
        attempt=attempt,
        items=review_items(responses, visibility),
        visibility=visibility,
        next_showing=lambda part: next_showing(attempt.quiz, part, now),
        **review_extras(attempt),
    )


@bp.route("/results")
@login_required
def my_results():
    sections = progress.topic_sections(current_user.id, current_app.config["SEED_DIR"])
    history = progress.attempt_history(current_user.id)
    return render_template(
        "quiz/my_results.html",
        sections=sections,
        history=history,
        shown=progress.shown_scores(history),
    )
