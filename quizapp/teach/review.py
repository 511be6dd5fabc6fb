"""The review queue: drafts beside their sources, approve, edit, reject, bulk approve.

Other subjects can add a section to the queue page (students' challenges,
for example) with :func:`queue_section`: a function taking the signed-in
user and returning a :class:`QueueSection` to show, or None to show nothing.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user

from quizapp import reviewing
from quizapp.classes import challenges
from quizapp.extensions import db
from quizapp.models import QuestionBank, ReviewAction, User
from quizapp.questiontypes import get_type
from quizapp.quiz.review import question_source
from quizapp.teach import bp
from quizapp.teach.question_forms import BulkApproveForm, DecisionForm
from quizapp.teach.questions import decide_from_form

PER_PAGE = 20


@dataclass(frozen=True)
class QueueSection:
    """A block on the queue page: a partial template and what it needs."""

    title: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)
    count: int | None = None


QUEUE_SECTIONS: list[Callable[[User], QueueSection | None]] = []


def queue_section(func: Callable[[User], QueueSection | None]):
    """Register a function that adds a section to the review queue page."""
    QUEUE_SECTIONS.append(func)
    return func


@queue_section
def _student_challenges(user: User) -> QueueSection:
    count = challenges.open_count(user)
    return QueueSection(
        "Challenges from students", "teach/_review_challenges.html", {"count": count}, count
    )


def _bank_filter() -> QuestionBank | None:
    slug = request.args.get("bank")
    if not slug:
        return None
    return db.session.scalar(
        sa.select(QuestionBank).where(
            QuestionBank.slug == slug, reviewing.editable_banks(current_user)
        )
    )


def _back():
    return redirect(url_for("teach.review_queue", bank=request.args.get("bank") or None))


@bp.route("/review")
def review_queue():
    bank = _bank_filter()
    page = db.paginate(
        reviewing.queue_query(current_user, bank.id if bank else None),
        per_page=PER_PAGE,
        error_out=False,
    )
    items = [
        (version.question, version, get_type(version.type), question_source(version))
        for version in page.items
    ]
    banks = db.session.scalars(
        sa.select(QuestionBank)
        .where(reviewing.editable_banks(current_user), QuestionBank.archived_at.is_(None))
        .order_by(QuestionBank.name)
    ).all()
    sections = [s for s in (make(current_user) for make in QUEUE_SECTIONS) if s is not None]
    return render_template(
        "teach/review.html",
        page=page,
        items=items,
        bank=bank,
        banks=banks,
        rules=reviewing.rule_counts(current_user),
        sections=sections,
        decision_form=DecisionForm(),
        bulk_form=BulkApproveForm(),
    )


def _decide(question_id: int, action: ReviewAction, done: str):
    decide_from_form(question_id, action, done)
    return _back()


@bp.post("/review/<int:question_id>/approve")
def approve(question_id: int):
    return _decide(question_id, ReviewAction.APPROVED, "Approved: quizzes may now draw it.")


@bp.post("/review/<int:question_id>/reject")
def reject(question_id: int):
    return _decide(question_id, ReviewAction.REJECTED, "Rejected.")


@bp.post("/review/approve")
def bulk_approve():
    form = BulkApproveForm()
    if not form.validate_on_submit():
        flash("Choose the drafts to approve.", "warning")
        return _back()
    count = reviewing.bulk_approve(form.questions.data, current_user)
    skipped = len(set(form.questions.data)) - count
    message = f"Approved {count} draft{'' if count == 1 else 's'}."
    if skipped:
        message += f" {skipped} could not be approved (no longer drafts, or not yours)."
    flash(message, "success" if count else "warning")
    return _back()
