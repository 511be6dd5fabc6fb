"""Teachers build quizzes: settings, fixed questions or draw rules, publishing, previews.

Every function works in the current session and commits (or rolls back) its
own change; each privileged change is audit-logged in the same transaction.
Questions and banks are checked against what the quiz's owner may see, and
only published questions can be placed in or drawn into a quiz.
"""

import random
import secrets
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from slugify import slugify
from sqlalchemy.exc import IntegrityError

from quizapp import audit
from quizapp.database import writes
from quizapp.extensions import db
from quizapp.models import (
    Difficulty,
    Question,
    QuestionBank,
    QuestionStatus,
    QuestionVersion,
    Quiz,
    QuizDrawRule,
    QuizQuestion,
    SelectionMode,
    User,
)
from quizapp.permissions import visible_banks
from quizapp.quiz.attempts import StartResult, start_attempt
from quizapp.quiz.selection import draw_for_quiz

# Settings a teacher edits, with how the audit log shows them.
SETTINGS = (
    "title",
    "description",
    "topic",
    "selection",
    "time_limit_seconds",
    "attempts_allowed",
    "grading_method",
    "opens_at",
    "closes_at",
    "shuffle_questions",
    "shuffle_options",
    "review_score",
    "review_answers",
    "review_correct",
    "review_feedback",
)


class BuildError(ValueError):
    """A change the quiz rules refuse; the message is shown to the teacher."""


def _plain(value: Any) -> Any:
    if isinstance(value, int):
        return int(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return getattr(value, "value", value)


def _snapshot(quiz: Quiz, names: tuple[str, ...] = SETTINGS) -> dict[str, Any]:
    return {name: _plain(getattr(quiz, name)) for name in names}


def _new_slug(title: str) -> str:
    base = slugify(title, max_length=60, word_boundary=True) or "quiz"
    return f"{base}-{secrets.token_hex(3)}"


@writes
def create_quiz(owner: User, values: dict[str, Any]) -> Quiz:
    """A new, unpublished quiz owned by ``owner`` with the given settings."""
    quiz = Quiz(slug=_new_slug(values["title"]), owner_id=owner.id, is_published=False)
    _apply(quiz, values)
    db.session.add(quiz)
    db.session.flush()
    audit.record(
        "quiz.created",
        target_type="quiz",
        target_id=quiz.id,
        summary=f"Created the quiz {quiz.title!r}",
        after=_snapshot(quiz),
    )
    db.session.commit()
    return quiz


def _apply(quiz: Quiz, values: dict[str, Any]) -> None:
    for name in SETTINGS:
        if name in values:
            setattr(quiz, name, values[name])
    _sync_draw_count(quiz)


def _sync_draw_count(quiz: Quiz) -> None:
    """A drawing quiz asks as many questions as its rules add up to (at least one)."""
    if quiz.selection == SelectionMode.POOL:
        quiz.draw_count = max(1, sum(rule.count for rule in quiz.draw_rules))
    else:
        quiz.draw_count = None


@writes
def update_quiz(quiz: Quiz, values: dict[str, Any]) -> bool:
    """Change the quiz's settings; False when nothing changed."""
    before = _snapshot(quiz)
    _apply(quiz, values)
    after = _snapshot(quiz)
    changed = {name for name in SETTINGS if before[name] != after[name]}
    if not changed:
        db.session.rollback()
        return False
    audit.record(
        "quiz.updated",
        target_type="quiz",
        target_id=quiz.id,
        summary=f"Changed {', '.join(sorted(changed))} of the quiz {quiz.title!r}",
        before={name: before[name] for name in changed},
        after={name: after[name] for name in changed},
    )
    db.session.commit()
    return True


def pickable_questions(bank: QuestionBank) -> list[tuple[Question, QuestionVersion]]:
    """The published questions of ``bank`` with their current versions, in a stable order."""
    return list(
        db.session.execute(
            sa.select(Question, QuestionVersion)
            .join(
                QuestionVersion,
                sa.and_(
                    QuestionVersion.question_id == Question.id,
                    QuestionVersion.number == Question.current_version,
                ),
            )
            .where(Question.bank_id == bank.id, Question.status == QuestionStatus.PUBLISHED)
            .order_by(Question.topic, Question.id)
        ).all()
    )


@writes
def add_questions(quiz: Quiz, user: User, question_ids: list[int]) -> int:
    """Append published questions ``user`` may see; return how many were added."""
    wanted = list(dict.fromkeys(question_ids))
    found = db.session.scalars(
        sa.select(Question.id)
        .join(QuestionBank, QuestionBank.id == Question.bank_id)
        .where(
            Question.id.in_(wanted),
            Question.status == QuestionStatus.PUBLISHED,
            visible_banks(user),
        )
    ).all()
    if len(found) != len(wanted):
        db.session.rollback()
        raise BuildError("Only published questions from banks you can see can be added.")
    present = {item.question_id for item in quiz.fixed_questions}
    position = max((item.position for item in quiz.fixed_questions), default=0)
    added = [qid for qid in wanted if qid not in present]
    for question_id in added:
        position += 1
        quiz.fixed_questions.append(QuizQuestion(question_id=question_id, position=position))
    if added:
        _record_content(quiz, f"Added {len(added)} questions to")
    return _commit_or_refuse(len(added))


def _record_content(quiz: Quiz, what: str) -> None:
    audit.record(
        "quiz.questions_changed",
        target_type="quiz",
        target_id=quiz.id,
        summary=f"{what} the quiz {quiz.title!r}",
        after={
            "questions": [item.question_id for item in quiz.fixed_questions],
            "rules": [_rule_summary(rule) for rule in quiz.draw_rules],
        },
    )


def _rule_summary(rule: QuizDrawRule) -> dict[str, Any]:
    return {
        "bank_id": rule.bank_id,
        "count": rule.count,
        "difficulty": _plain(rule.difficulty),
        "category": rule.category,
    }


def _commit_or_refuse(result: Any) -> Any:
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise BuildError("Someone else changed this quiz at the same moment; try again.") from None
    return result


def _renumber(items: list[Any]) -> None:
    """Give ``items`` positions 1..n in list order without tripping the unique positions."""
    for offset, item in enumerate(items, start=1):
        item.position = -offset
    db.session.flush()
    for offset, item in enumerate(items, start=1):
        item.position = offset


@writes
def move_question(quiz: Quiz, question_id: int, step: int) -> None:
    """Move a fixed question ``step`` places (-1 up, +1 down) in the quiz's order."""
    items = list(quiz.fixed_questions)
    index = next((i for i, item in enumerate(items) if item.question_id == question_id), None)
    if index is None:
        db.session.rollback()
        raise BuildError("That question is not in this quiz.")
    target = min(max(index + step, 0), len(items) - 1)
    items.insert(target, items.pop(index))
    _renumber(items)
    _record_content(quiz, "Reordered the questions of")
    _commit_or_refuse(None)


@writes
def remove_question(quiz: Quiz, question_id: int) -> None:
    """Take a fixed question out of the quiz and close the gap it leaves."""
    item = next((i for i in quiz.fixed_questions if i.question_id == question_id), None)
    if item is None:
        db.session.rollback()
        raise BuildError("That question is not in this quiz.")
    quiz.fixed_questions.remove(item)
    db.session.flush()
    _renumber(list(quiz.fixed_questions))
    _record_content(quiz, "Removed a question from")
    _commit_or_refuse(None)


@dataclass(frozen=True)
class RuleSpec:
    bank_id: int
    count: int
    difficulty: Difficulty | None = None
    category: str = ""


@writes
def add_rule(quiz: Quiz, user: User, spec: RuleSpec) -> QuizDrawRule:
    """Add a draw rule on a bank ``user`` may see."""
    bank = db.session.scalar(
        sa.select(QuestionBank).where(QuestionBank.id == spec.bank_id, visible_banks(user))
    )
    if bank is None:
        db.session.rollback()
        raise BuildError("Choose one of your banks or a site bank.")
    position = max((rule.position for rule in quiz.draw_rules), default=0) + 1
    rule = QuizDrawRule(
        bank_id=bank.id,
        count=spec.count,
        difficulty=spec.difficulty,
        category=spec.category.strip().strip("/"),
        position=position,
    )
    quiz.draw_rules.append(rule)
    _sync_draw_count(quiz)
    _record_content(quiz, f"Added a rule drawing {spec.count} from {bank.name!r} to")
    return _commit_or_refuse(rule)


@writes
def remove_rule(quiz: Quiz, rule_id: int) -> None:
    """Remove one of the quiz's draw rules."""
    rule = next((r for r in quiz.draw_rules if r.id == rule_id), None)
    if rule is None:
        db.session.rollback()
        raise BuildError("That rule is not in this quiz.")
    quiz.draw_rules.remove(rule)
    db.session.flush()
    _renumber(list(quiz.draw_rules))
    _sync_draw_count(quiz)
    _record_content(quiz, "Removed a draw rule from")
    _commit_or_refuse(None)


def planned_count(quiz: Quiz) -> int:
    """How many questions an attempt is meant to ask."""
    if quiz.selection == SelectionMode.FIXED:
        return len(quiz.fixed_questions)
    return sum(rule.count for rule in quiz.draw_rules)


def drawable_count(quiz: Quiz) -> int:
    """How many questions an attempt started now would ask (a trial draw)."""
    if quiz.selection == SelectionMode.POOL and not quiz.draw_rules:
        return 0
    return len(draw_for_quiz(quiz, random.Random(0)))


@writes
def set_published(quiz: Quiz, published: bool) -> str | None:
    """Publish or unpublish the quiz; return a warning for the teacher, if any.

    A quiz with no question an attempt could ask cannot be published.
    """
    warning = None
    if published:
        available = drawable_count(quiz)
        if available == 0:
            db.session.rollback()
            raise BuildError("Add published questions (or draw rules that find some) first.")
        wanted = planned_count(quiz)
        if available < wanted:
            warning = (
                f"Attempts will ask {available} of the {wanted} planned questions: the banks "
                "do not have enough published questions with distinct sources."
            )
    if quiz.is_published == published:
        db.session.rollback()
        return warning
    quiz.is_published = published
    audit.record(
        "quiz.published" if published else "quiz.unpublished",
        target_type="quiz",
        target_id=quiz.id,
        summary=f"{'Published' if published else 'Unpublished'} the quiz {quiz.title!r}",
    )
    db.session.commit()
    return warning


def start_preview(quiz: Quiz, user: User) -> StartResult:
    """Start (or resume) the user's preview attempt: never counted in results."""
    if quiz.selection == SelectionMode.POOL and not quiz.draw_rules:
        raise BuildError("Add a draw rule first.")
    return start_attempt(user.id, quiz, preview=True)
