"""Editorial decisions on questions: approve, reject, retire, restore, and the queue's figures.

Each decision moves the question's status with a conditional update (the
status it must have now is part of the WHERE clause), so two reviewers who
decide at once cannot both win, and records who decided what, when and why
as a :class:`ReviewDecision` and an audit event, in the same transaction.
"""

from dataclasses import dataclass

import sqlalchemy as sa

from quizapp import audit
from quizapp.database import writes
from quizapp.extensions import db
from quizapp.models import (
    Question,
    QuestionBank,
    QuestionStatus,
    QuestionVersion,
    ReviewAction,
    ReviewDecision,
    User,
)
from quizapp.models.base import utcnow
from quizapp.permissions import is_admin

MAX_REASON = 2000


class DecisionRefused(Exception):
    """The question is not in a state that allows the decision (someone decided first)."""


# For each decision: the statuses it may start from and the status it leaves.
TRANSITIONS: dict[ReviewAction, tuple[frozenset[QuestionStatus], QuestionStatus]] = {
    ReviewAction.APPROVED: (frozenset({QuestionStatus.DRAFT}), QuestionStatus.PUBLISHED),
    ReviewAction.REJECTED: (frozenset({QuestionStatus.DRAFT}), QuestionStatus.REJECTED),
    # A draft is rejected rather than retired, so restoring never skips review.
    ReviewAction.RETIRED: (frozenset({QuestionStatus.PUBLISHED}), QuestionStatus.RETIRED),
}
# Restoring brings a retired question back into use and a rejected one back to review.
RESTORED_STATUS = {
    QuestionStatus.RETIRED: QuestionStatus.PUBLISHED,
    QuestionStatus.REJECTED: QuestionStatus.DRAFT,
}
REFUSED = {
    ReviewAction.APPROVED: "This question is no longer a draft, so it was not approved.",
    ReviewAction.REJECTED: "This question is no longer a draft, so it was not rejected.",
    ReviewAction.RETIRED: "Only a published question can be retired (reject a draft instead).",
    ReviewAction.RESTORED: "Only a retired or rejected question can be restored.",
}


def _current_rule(question_id: int) -> tuple[int, str | None]:
    row = db.session.execute(
        sa.select(Question.current_version, QuestionVersion.rule)
        .join(QuestionVersion, QuestionVersion.question_id == Question.id)
        .where(Question.id == question_id, QuestionVersion.number == Question.current_version)
    ).one()
    return row[0], row[1]


def _move(question_id: int, from_statuses, to_status: QuestionStatus) -> bool:
    moved = db.session.execute(
        sa.update(Question)
        .where(Question.id == question_id, Question.status.in_(list(from_statuses)))
        .values(status=to_status, updated_at=utcnow())
    )
    return moved.rowcount == 1


@writes
def decide(question_id: int, action: ReviewAction, reviewer_id: int, reason: str = "") -> None:
    """Record ``action`` on a question and move its status; raise DecisionRefused if stale."""
    reason = reason.strip()[:MAX_REASON]
    if action == ReviewAction.REJECTED and not reason:
        raise ValueError("Give a reason for rejecting the question.")
    status = db.session.scalar(sa.select(Question.status).where(Question.id == question_id))
    if action == ReviewAction.RESTORED:
        target = RESTORED_STATUS.get(status)
        allowed = frozenset({status}) if target else frozenset()
    elif action in TRANSITIONS:
        allowed, target = TRANSITIONS[action]
    else:
        raise ValueError(f"{action.value} is not a decision made here.")
    if target is None or not _move(question_id, allowed, target):
        db.session.rollback()
        raise DecisionRefused(REFUSED[action])
    number, rule = _current_rule(question_id)
    db.session.add(
        ReviewDecision(
            question_id=question_id,
            version_number=number,
            action=action,
            reason=reason,
            rule=rule,
            reviewer_id=reviewer_id,
        )
    )
    audit.record(
        f"question.{action.value}",
        target_type="question",
        target_id=question_id,
        summary=f"Question {question_id} {action.value}" + (f": {reason}" if reason else ""),
        before={"status": status.value},
        after={"status": target.value, "version": number},
    )
    db.session.commit()


@writes
def bulk_approve(question_ids: list[int], reviewer: User) -> int:
    """Approve the drafts among ``question_ids`` in banks ``reviewer`` may edit; return how many."""
    if not question_ids:
        return 0
    approved = db.session.execute(
        sa.update(Question)
        .where(
            Question.id.in_(question_ids),
            Question.status == QuestionStatus.DRAFT,
            Question.bank_id.in_(sa.select(QuestionBank.id).where(editable_banks(reviewer))),
        )
        .values(status=QuestionStatus.PUBLISHED, updated_at=utcnow())
        .returning(Question.id)
        .execution_options(synchronize_session=False)
    ).scalars()
    ids = sorted(approved)
    if not ids:
        db.session.rollback()
        return 0
    rows = db.session.execute(
        sa.select(Question.id, Question.current_version, QuestionVersion.rule)
        .join(QuestionVersion, QuestionVersion.question_id == Question.id)
        .where(Question.id.in_(ids), QuestionVersion.number == Question.current_version)
    ).all()
    db.session.execute(
        sa.insert(ReviewDecision),
        [
            {
                "question_id": qid,
                "version_number": number,
                "action": ReviewAction.APPROVED,
                "reason": "",
                "rule": rule,
                "reviewer_id": reviewer.id,
                "created_at": utcnow(),
            }
            for qid, number, rule in rows
        ],
    )
    audit.record(
        "question.bulk_approved",
        target_type="question",
        target_id=",".join(map(str, ids))[:80],
        summary=f"Approved {len(ids)} drafts",
        after={"question_ids": ids},
    )
    db.session.commit()
    return len(ids)


def editable_banks(user: User) -> sa.ColumnElement[bool]:
    """A WHERE clause selecting the banks whose drafts ``user`` reviews."""
    if is_admin(user):
        return sa.true()
    return QuestionBank.owner_id == user.id


def queue_query(user: User, bank_id: int | None = None) -> sa.Select:
    """The current versions of the drafts waiting for ``user``, oldest first."""
    query = (
        sa.select(QuestionVersion)
        .join(
            Question,
            sa.and_(
                QuestionVersion.question_id == Question.id,
                QuestionVersion.number == Question.current_version,
            ),
        )
        .join(QuestionBank, QuestionBank.id == Question.bank_id)
        .where(
            Question.status == QuestionStatus.DRAFT,
            QuestionBank.archived_at.is_(None),
            editable_banks(user),
        )
        .options(
            sa.orm.contains_eager(QuestionVersion.question).contains_eager(Question.bank),
            sa.orm.joinedload(QuestionVersion.article),
        )
        .order_by(Question.created_at, Question.id)
    )
    if bank_id is not None:
        query = query.where(Question.bank_id == bank_id)
    return query


@dataclass(frozen=True)
class RuleCount:
    """How one generator rule's drafts fared in review."""

    rule: str
    produced: int
    waiting: int
    approved: int
    rejected: int

    @property
    def approval_rate(self) -> float | None:
        decided = self.approved + self.rejected
        return self.approved / decided if decided else None


def _teacher_banks(user: User) -> sa.ColumnElement[bool]:
    # Seed banks were reviewed through the seed review file, not here.
    owned = QuestionBank.owner_id.is_not(None)
    return owned if is_admin(user) else QuestionBank.owner_id == user.id


def rule_counts(user: User) -> list[RuleCount]:
    """Per generator rule: drafts produced in ``user``'s banks, waiting, approved, rejected."""
    first = sa.orm.aliased(QuestionVersion)
    produced = db.session.execute(
        sa.select(
            first.rule,
            sa.func.count(Question.id),
            sa.func.count(sa.case((Question.status == QuestionStatus.DRAFT, Question.id))),
        )
        .join(Question, Question.id == first.question_id)
        .join(QuestionBank, QuestionBank.id == Question.bank_id)
        .where(first.number == 1, first.rule.is_not(None), _teacher_banks(user))
        .group_by(first.rule)
    ).all()
    kept = (ReviewAction.APPROVED, ReviewAction.EDITED)
    decided = db.session.execute(
        sa.select(
            ReviewDecision.rule,
            sa.func.count(
                sa.distinct(sa.case((ReviewDecision.action.in_(kept), ReviewDecision.question_id)))
            ),
            sa.func.count(
                sa.distinct(
                    sa.case(
                        (
                            ReviewDecision.action == ReviewAction.REJECTED,
                            ReviewDecision.question_id,
                        )
                    )
                )
            ),
        )
        .join(Question, Question.id == ReviewDecision.question_id)
        .join(QuestionBank, QuestionBank.id == Question.bank_id)
        .where(ReviewDecision.rule.is_not(None), _teacher_banks(user))
        .group_by(ReviewDecision.rule)
    ).all()
    outcomes = {rule: (approved, rejected) for rule, approved, rejected in decided}
    return [
        RuleCount(rule, total, waiting, *outcomes.get(rule, (0, 0)))
        for rule, total, waiting in sorted(produced)
    ]
