"""Questions between the database and the formats: import into a bank, read a bank out.

:func:`import_questions` writes a whole parsed set into a bank in the
caller's transaction (the caller commits, or rolls back on any error, so a
set goes in whole or not at all). :func:`bank_questions` reads a bank's
current questions back as :class:`ParsedQuestion` for the writers.
"""

import re
import uuid
from typing import Any

import sqlalchemy as sa

from quizapp.extensions import db
from quizapp.formats.questions import KEY_MAX, ParsedQuestion
from quizapp.models import (
    Article,
    Difficulty,
    PromptFormat,
    Question,
    QuestionBank,
    QuestionStatus,
    QuestionVersion,
)

_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


def _new_key() -> str:
    return f"q-{uuid.uuid4().hex[:16]}"


def _articles(questions: list[ParsedQuestion]) -> dict[str, Article]:
    slugs = {q.article for q in questions if q.article}
    if not slugs:
        return {}
    rows = db.session.scalars(sa.select(Article).where(Article.slug.in_(slugs)))
    return {article.slug: article for article in rows}


def _checked_sources(question: ParsedQuestion, article: Article | None) -> list[dict[str, Any]]:
    """The cited spans when they match the article on this site; otherwise none."""
    if article is None or not question.sources:
        return []
    raw = article.raw_text
    for span in question.sources:
        start, end = span.get("start"), span.get("end")
        if not (isinstance(start, int) and isinstance(end, int)) or raw[start:end] != span["text"]:
            return []
    return [dict(span) for span in question.sources]


def import_questions(
    bank: QuestionBank, questions: list[ParsedQuestion], author_id: int | None
) -> int:
    """Add ``questions`` to ``bank`` as published questions; return how many were added.

    Keys from the file are kept when they are free in the bank; others get a
    fresh random key. Sources are kept only when they cite an article on this
    site word for word. Rows go in with two bulk inserts, so a large file
    takes two statements' time, not one round trip per question.
    """
    taken = set(db.session.scalars(sa.select(Question.key).where(Question.bank_id == bank.id)))
    articles = _articles(questions)
    rows, versions = [], []
    for parsed in questions:
        key = parsed.key if parsed.key and _KEY.match(parsed.key) else ""
        if not key or key in taken or len(key) > KEY_MAX:
            key = _new_key()
        taken.add(key)
        rows.append({"bank_id": bank.id, "key": key, "topic": parsed.topic,
                     "category": parsed.category, "status": QuestionStatus.PUBLISHED,
                     "current_version": 1})  # fmt: skip
        article = articles.get(parsed.article or "")
        sources = _checked_sources(parsed, article)
        versions.append({"number": 1, "type": parsed.type, "title": parsed.title,
                         "prompt": parsed.prompt, "prompt_format": PromptFormat.PLAIN,
                         "data": parsed.data, "explanation": parsed.explanation,
                         "difficulty": Difficulty(parsed.difficulty), "rule": parsed.rule,
                         "article_id": article.id if sources else None, "sources": sources,
                         "fact_key": None, "author_id": author_id,
                         "change_note": "Imported"})  # fmt: skip
    if not rows:
        return 0
    ids = db.session.scalars(
        sa.insert(Question).returning(Question.id, sort_by_parameter_order=True), rows
    ).all()
    for question_id, version in zip(ids, versions, strict=True):
        version["question_id"] = question_id
    db.session.execute(sa.insert(QuestionVersion), versions)
    return len(rows)


def bank_questions(bank: QuestionBank, *, include_retired: bool = False) -> list[ParsedQuestion]:
    """The bank's current questions (retired and rejected ones left out unless asked)."""
    query = (
        sa.select(Question, QuestionVersion)
        .join(
            QuestionVersion,
            sa.and_(
                QuestionVersion.question_id == Question.id,
                QuestionVersion.number == Question.current_version,
            ),
        )
        .where(Question.bank_id == bank.id)
        .order_by(Question.category, Question.topic, Question.key)
        .options(sa.orm.joinedload(QuestionVersion.article))
    )
    if not include_retired:
        query = query.where(
            Question.status.not_in([QuestionStatus.RETIRED, QuestionStatus.REJECTED])
        )
    return [
        ParsedQuestion(
            type=version.type,
            prompt=version.prompt,
            data=dict(version.data),
            title=version.title,
            explanation=version.explanation,
            category=question.category,
            topic=question.topic,
            difficulty=version.difficulty.value,
            key=question.key,
            rule=version.rule,
            sources=list(version.sources or []),
            article=version.article.slug if version.article else None,
        )
        for question, version in db.session.execute(query).all()
    ]


def bank_document_meta(bank: QuestionBank) -> dict[str, Any]:
    """The ``bank`` and ``article`` parts of a JSON export."""
    meta: dict[str, Any] = {"bank": {"name": bank.name, "slug": bank.slug,
                                     "description": bank.description}}  # fmt: skip
    if bank.article is not None:
        article = bank.article
        meta["article"] = {
            "id": article.slug,
            "title": article.title,
            "publisher": article.publisher,
            "published": article.published.isoformat() if article.published else None,
            "source_file": article.source_file,
            "sha256": article.sha256,
        }
    return meta
