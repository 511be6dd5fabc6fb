"""Writing questions: new questions, new versions, and the differences between versions.

A question's content is never changed in place: every save adds a numbered
:class:`QuestionVersion`, so an attempt keeps showing the version it drew.
Two teachers saving the same question at once cannot both win: the save
names the version it was based on, and the unique ``(question_id, number)``
constraint plus a conditional update turn the loser into :class:`EditConflict`.
"""

import difflib
import re
import secrets
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from quizapp import audit
from quizapp.database import writes
from quizapp.extensions import db
from quizapp.models import (
    Difficulty,
    PromptFormat,
    Question,
    QuestionStatus,
    QuestionVersion,
    ReviewAction,
    ReviewDecision,
)
from quizapp.models.base import utcnow
from quizapp.questiontypes import get_type


class EditConflict(Exception):
    """Someone else saved the question since the editor was opened."""


CONFLICT_MESSAGE = (
    "Someone else saved a new version of this question while you were editing, "
    "so your changes were not saved. Look at the latest version and make your edit again."
)


@dataclass(frozen=True)
class Content:
    """What one version of a question says (everything but its number and author)."""

    type: str
    prompt: str
    data: dict[str, Any]
    title: str = ""
    explanation: str = ""
    difficulty: Difficulty = Difficulty.MEDIUM
    prompt_format: PromptFormat = PromptFormat.PLAIN
    sources: list[dict[str, Any]] = field(default_factory=list)
    article_id: int | None = None
    rule: str | None = None
    fact_key: str | None = None


def content_of(version: QuestionVersion) -> Content:
    """The content of an existing version, to start an edit from."""
    return Content(
        type=version.type,
        prompt=version.prompt,
        data=dict(version.data),
        title=version.title,
        explanation=version.explanation,
        difficulty=version.difficulty,
        prompt_format=version.prompt_format,
        sources=list(version.sources or []),
        article_id=version.article_id,
        rule=version.rule,
        fact_key=version.fact_key,
    )


def _version(content: Content, number: int, author_id: int | None, note: str) -> QuestionVersion:
    return QuestionVersion(
        number=number,
        type=content.type,
        title=content.title,
        prompt=content.prompt,
        prompt_format=content.prompt_format,
        data=content.data,
        explanation=content.explanation,
        difficulty=content.difficulty,
        rule=content.rule,
        article_id=content.article_id,
        sources=content.sources,
        fact_key=content.fact_key,
        author_id=author_id,
        change_note=note,
    )


def _check(content: Content) -> None:
    problems = get_type(content.type).validate_data(content.data)
    if problems:
        raise ValueError(" ".join(problems))


@writes
def create_question(
    bank_id: int, topic: str, content: Content, author_id: int, publish: bool = False
) -> Question:
    """Add a hand-written question (version 1) to a bank, as a draft or published."""
    _check(content)
    question = Question(
        bank_id=bank_id,
        key=f"t-{secrets.token_hex(6)}",
        topic=topic,
        status=QuestionStatus.PUBLISHED if publish else QuestionStatus.DRAFT,
        current_version=1,
    )
    question.versions.append(_version(content, 1, author_id, "Written"))
    db.session.add(question)
    db.session.flush()
    if publish:
        db.session.add(_decision(question, 1, content.rule, ReviewAction.APPROVED, author_id))
    audit.record(
        "question.created",
        target_type="question",
        target_id=question.id,
        summary=f"Wrote a {content.type} question: {content.prompt[:200]}",
        after={"status": question.status.value, "bank_id": bank_id},
    )
    db.session.commit()
    return question


def _decision(question, number, rule, action, reviewer_id, reason=""):
    return ReviewDecision(
        question_id=question.id,
        version_number=number,
        action=action,
        reason=reason,
        rule=rule,
        reviewer_id=reviewer_id,
    )


@writes
def save_version(
    question_id: int,
    base_version: int,
    content: Content,
    author_id: int,
    note: str,
    *,
    topic: str | None = None,
    approve: bool = False,
) -> QuestionVersion:
    """Save ``content`` as the version after ``base_version``; raise EditConflict if stale.

    With ``approve`` the draft is published too, recorded as an "edited" review decision.
    """
    _check(content)
    number = base_version + 1
    version = _version(content, number, author_id, note)
    version.question_id = question_id
    db.session.add(version)
    values: dict[str, Any] = {"current_version": number, "updated_at": utcnow()}
    if topic is not None:
        values["topic"] = topic
    if approve:
        values["status"] = QuestionStatus.PUBLISHED
    try:
        db.session.flush()
        moved = db.session.execute(
            sa.update(Question)
            .where(Question.id == question_id, Question.current_version == base_version)
            .values(**values)
        )
    except IntegrityError:
        db.session.rollback()
        raise EditConflict(CONFLICT_MESSAGE) from None
    if moved.rowcount != 1:
        db.session.rollback()
        raise EditConflict(CONFLICT_MESSAGE)
    question = db.session.get(Question, question_id)
    if approve:
        db.session.add(
            _decision(question, number, content.rule, ReviewAction.EDITED, author_id, note)
        )
    audit.record(
        "question.edited",
        target_type="question",
        target_id=question_id,
        summary=f"Saved version {number}: {note}"[:500],
        before={"version": base_version},
        after={"version": number, "approved": approve},
    )
    db.session.commit()
    return version


def current_version(question: Question) -> QuestionVersion | None:
    """The version a question shows now (one query)."""
    return db.session.scalar(
        sa.select(QuestionVersion)
        .where(
            QuestionVersion.question_id == question.id,
            QuestionVersion.number == question.current_version,
        )
        .options(sa.orm.joinedload(QuestionVersion.article))
    )


# What the history compares, as readable text: label -> text of the version.
def readable_fields(version: QuestionVersion) -> dict[str, str]:
    """The version's content as labelled plain text, the way the history compares it."""
    qtype = get_type(version.type)
    data = version.data or {}
    fields = {"Title": version.title, "Question": version.prompt}
    if isinstance(data.get("options"), list):
        fields["Options"] = " · ".join(str(option) for option in data["options"])
    try:
        fields["Correct answer"] = qtype.describe_correct(data)
    except (KeyError, TypeError, ValueError, IndexError):
        fields["Correct answer"] = repr(data)
    fields["Explanation"] = version.explanation
    fields["Difficulty"] = version.difficulty.value
    fields["Sources"] = " … ".join(
        " ".join(str(source.get("text", "")).split()) for source in version.sources or []
    )
    return fields


@dataclass(frozen=True)
class Change:
    """One field that differs between two versions, as word runs marked kept/removed/added."""

    label: str
    runs: list[tuple[str, str]]  # (kind, text): kind is "same", "removed" or "added"


_TOKENS = re.compile(r"\S+|\s+")


def _word_runs(old: str, new: str) -> list[tuple[str, str]]:
    old_words, new_words = _TOKENS.findall(old), _TOKENS.findall(new)
    runs: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "equal":
            runs.append(("same", "".join(old_words[a1:a2])))
            continue
        if a2 > a1:
            runs.append(("removed", "".join(old_words[a1:a2])))
        if b2 > b1:
            runs.append(("added", "".join(new_words[b1:b2])))
    return runs


def changes_between(old: QuestionVersion | None, new: QuestionVersion) -> list[Change]:
    """What changed from ``old`` to ``new``; for a first version, its non-empty fields."""
    before = readable_fields(old) if old is not None else {}
    after = readable_fields(new)
    changes = []
    for label, text in after.items():
        previous = before.get(label, "")
        if old is None and text:
            changes.append(Change(label, [("same", text)]))
        elif previous != text:
            changes.append(Change(label, _word_runs(previous, text)))
    if old is not None and old.type != new.type:
        changes.insert(0, Change("Type", [("removed", old.type), ("added", new.type)]))
    return changes
