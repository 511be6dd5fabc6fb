"""Views for results: per assignment and per quiz, item analysis, CSV, one attempt."""

import sqlalchemy as sa
from flask import render_template, request
from flask_login import current_user

from quizapp.classes import analysis, results
from quizapp.extensions import db
from quizapp.models import (
    Assignment,
    Attempt,
    Classroom,
    QuestionVersion,
    Quiz,
    Response,
    ReviewPart,
)
from quizapp.models.base import utcnow
from quizapp.permissions import can_manage_class, can_manage_quiz, require
from quizapp.quiz.attempts import close_expired_attempts
from quizapp.quiz.review import review_items
from quizapp.quiz.visibility import ReviewVisibility
from quizapp.spreadsheet import csv_response
from quizapp.teach import bp
from quizapp.teach.assignments import managed_assignment

# A teacher reviewing a student's attempt sees every part of it, whatever the quiz shows students.
TEACHER_SEES_ALL = ReviewVisibility(parts=frozenset(ReviewPart), withheld={})


def _managed_quiz(quiz_id: int) -> Quiz:
    quiz = db.first_or_404(sa.select(Quiz).where(Quiz.id == quiz_id))
    require(can_manage_quiz(current_user, quiz))
    return quiz


PAGE_SIZE = 100


def _assignment_results(assignment: Assignment, page) -> list[results.StudentResult]:
    close_expired_attempts(assignment_id=assignment.id)
    return results.student_results(
        assignment.quiz.grading_method,
        results.finished_in(assignment_id=assignment.id),
        classroom_id=assignment.classroom_id,
        page=page,
    )


def _quiz_results(quiz: Quiz, page) -> list[results.StudentResult]:
    close_expired_attempts(quiz_id=quiz.id)
    return results.student_results(
        quiz.grading_method, results.finished_in(quiz_id=quiz.id), page=page
    )


def _page(total: int) -> tuple[int, int, int]:
    """The requested page number (clamped), the page count and the (offset, limit) pair."""
    pages = max(1, -(-total // PAGE_SIZE))
    number = min(max(request.args.get("page", 1, type=int) or 1, 1), pages)
    return number, pages, ((number - 1) * PAGE_SIZE, PAGE_SIZE)


def _filename(*parts: str) -> str:
    return "-".join(part for part in parts if part) + ".csv"


@bp.route("/results/assignments/<int:assignment_id>")
def assignment_results(assignment_id: int):
    assignment = managed_assignment(assignment_id)
    scope = results.finished_in(assignment_id=assignment.id)
    number, pages, window = _page(results.student_count(scope, assignment.classroom_id))
    return render_template(
        "teach/results/table.html",
        subject=assignment,
        quiz=assignment.quiz,
        rows=_assignment_results(assignment, window),
        page=number,
        pages=pages,
        method=results.METHOD_LABELS[assignment.quiz.grading_method],
        now=utcnow(),
    )


@bp.route("/results/assignments/<int:assignment_id>.csv")
def assignment_results_csv(assignment_id: int):
    assignment = managed_assignment(assignment_id)
    close_expired_attempts(assignment_id=assignment.id)
    rows = results.result_rows(
        assignment.quiz.grading_method,
        results.finished_in(assignment_id=assignment.id),
        assignment.classroom_id,
    )
    name = _filename("results", assignment.quiz.slug, f"class{assignment.classroom_id}")
    return csv_response(name, results.RESULT_HEADER, rows)


@bp.route("/results/assignments/<int:assignment_id>/analysis")
def assignment_analysis(assignment_id: int):
    assignment = managed_assignment(assignment_id)
    close_expired_attempts(assignment_id=assignment.id)
    stats = analysis.question_analysis(results.finished_in(assignment_id=assignment.id))
    return render_template(
        "teach/results/analysis.html", subject=assignment, quiz=assignment.quiz, stats=stats
    )


@bp.route("/results/assignments/<int:assignment_id>/analysis.csv")
def assignment_analysis_csv(assignment_id: int):
    assignment = managed_assignment(assignment_id)
    close_expired_attempts(assignment_id=assignment.id)
    stats = analysis.question_analysis(results.finished_in(assignment_id=assignment.id))
    name = _filename("analysis", assignment.quiz.slug, f"class{assignment.classroom_id}")
    return csv_response(name, analysis.ANALYSIS_HEADER, analysis.analysis_rows(stats))


@bp.route("/results/quizzes/<int:quiz_id>")
def quiz_results(quiz_id: int):
    quiz = _managed_quiz(quiz_id)
    number, pages, window = _page(results.student_count(results.finished_in(quiz_id=quiz.id)))
    return render_template(
        "teach/results/table.html",
        subject=None,
        quiz=quiz,
        rows=_quiz_results(quiz, window),
        page=number,
        pages=pages,
        method=results.METHOD_LABELS[quiz.grading_method],
        now=utcnow(),
    )


@bp.route("/results/quizzes/<int:quiz_id>.csv")
def quiz_results_csv(quiz_id: int):
    quiz = _managed_quiz(quiz_id)
    close_expired_attempts(quiz_id=quiz.id)
    rows = results.result_rows(quiz.grading_method, results.finished_in(quiz_id=quiz.id))
    return csv_response(_filename("results", quiz.slug), results.RESULT_HEADER, rows)


@bp.route("/results/quizzes/<int:quiz_id>/analysis")
def quiz_analysis(quiz_id: int):
    quiz = _managed_quiz(quiz_id)
    close_expired_attempts(quiz_id=quiz.id)
    stats = analysis.question_analysis(results.finished_in(quiz_id=quiz.id))
    return render_template("teach/results/analysis.html", subject=None, quiz=quiz, stats=stats)


@bp.route("/results/quizzes/<int:quiz_id>/analysis.csv")
def quiz_analysis_csv(quiz_id: int):
    quiz = _managed_quiz(quiz_id)
    close_expired_attempts(quiz_id=quiz.id)
    stats = analysis.question_analysis(results.finished_in(quiz_id=quiz.id))
    name = _filename("analysis", quiz.slug)
    return csv_response(name, analysis.ANALYSIS_HEADER, analysis.analysis_rows(stats))


def can_see_attempt(attempt: Attempt) -> bool:
    """The quiz's manager, or the teacher of the class the attempt was assigned in."""
    if can_manage_quiz(current_user, attempt.quiz):
        return True
    if attempt.assignment_id is None:
        return False
    classroom = db.session.scalar(
        sa.select(Classroom)
        .join(Assignment, Assignment.classroom_id == Classroom.id)
        .where(Assignment.id == attempt.assignment_id)
    )
    return classroom is not None and can_manage_class(current_user, classroom)


@bp.route("/results/attempts/<int:attempt_id>")
def student_attempt(attempt_id: int):
    attempt = db.first_or_404(
        sa.select(Attempt)
        .where(Attempt.id == attempt_id)
        .options(sa.orm.joinedload(Attempt.quiz), sa.orm.joinedload(Attempt.user))
    )
    require(can_see_attempt(attempt))
    if close_expired_attempts(user_id=attempt.user_id, quiz_id=attempt.quiz_id):
        db.session.refresh(attempt)
    return render_template(
        "teach/results/attempt.html",
        attempt=attempt,
        items=review_items(_responses(attempt.id), TEACHER_SEES_ALL) if not attempt.is_open else [],
    )


def _responses(attempt_id: int) -> list[Response]:
    return list(
        db.session.scalars(
            sa.select(Response)
            .where(Response.attempt_id == attempt_id)
            .options(sa.orm.joinedload(Response.version).joinedload(QuestionVersion.article))
            .order_by(Response.position)
        )
    )


@bp.app_template_filter("duration")
def duration(span) -> str:
    """A time taken as ``12:04`` (or ``1:05:09``); ``—`` when unknown."""
    return results.format_duration(span) or "—"
