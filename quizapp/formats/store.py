"""Questions between the database and the formats: import into a bank, read a bank out.

:func:`import_questions` writes a whole parsed set into a bank in the
caller's transaction (the caller commits, or rolls back on any error, so a
set goes in whole or not at all). :func:`bank_questions` reads a bank's
current questions back as :class:`ParsedQuestion` for the writers.
"""

import re
import secrets
from datetime import datetime
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
from quizapp.models.base import utcnow

_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
# Questions per bulk insert: few statements, and little memory beyond the parsed set.
INSERT_CHUNK = 1000


def _new_key() -> str:
    return f"q-{secrets.token_hex(8)}"


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
    site word for word. Rows go in with bulk inserts of ``INSERT_CHUNK``
    questions, all in the caller's transaction: a large file takes a few
    statements' time, not one round trip per question, and the rows being
    written never take more memory than one chunk's.
    """
    taken = set(db.session.scalars(sa.select(Question.key).where(Question.bank_id == bank.id)))
    articles = _articles(questions)
    now = utcnow()  # one moment for the whole set, as it goes in at once
    for start in range(0, len(questions), INSERT_CHUNK):
        chunk = questions[start : start + INSERT_CHUNK]
        _insert_chunk(bank, chunk, _free_keys(chunk, taken), articles, author_id, now)
    return len(questions)


def _free_keys(questions: list[ParsedQuestion], taken: set[str]) -> list[str]:
    """A key per question: its own when usable and free, else a fresh one (``taken`` grows)."""
    keys = []
    for parsed in questions:
        key = parsed.key if parsed.key and _KEY.match(parsed.key) else ""
        if not key or key in taken or len(key) > KEY_MAX:
            key = _new_key()
        taken.add(key)
        keys.append(key)
    return keys


def _insert_chunk(bank: QuestionBank, questions: list[ParsedQuestion], keys: list[str],
                  articles: dict[str, Article], author_id: int | None,
                  now: datetime) -> None:  # fmt: skip
    """Insert ``questions`` under ``keys``, then their first versions, with two bulk inserts."""
    rows = [{"bank_id": bank.id, "key": key, "topic": parsed.topic, "category": parsed.category,
             "status": QuestionStatus.PUBLISHED, "current_version": 1, "created_at": now,
             "updated_at": now} for parsed, key in zip(questions, keys, strict=True)]  # fmt: skip
    ids = _insert_questions(bank, rows)
    versions = [
        {**_version_row(parsed, articles.get(parsed.article or ""), author_id, now),
         "question_id": ids[key]}
        for parsed, key in zip(questions, keys, strict=True)
    ]  # fmt: skip
    db.session.execute(sa.insert(QuestionVersion.__table__), versions)


def _insert_questions(bank: QuestionBank, rows: list[dict[str, Any]]) -> dict[str, int]:
    """Insert ``rows`` with one bulk statement; return the new questions' ids by key.

    The ids are read back by key (unique in a bank) among the rows above the
    highest id before the insert, not with RETURNING: SQLite returns rows one
    statement at a time when they must be matched to the inserted rows, and
    PostgreSQL's plain bulk insert is the faster one.
    """
    floor = db.session.scalar(sa.select(sa.func.max(Question.id))) or 0
    db.session.execute(sa.insert(Question.__table__), rows)
    found = db.session.execute(
        sa.select(Question.key, Question.id).where(Question.bank_id == bank.id, Question.id > floor)
    )
    return {key: question_id for key, question_id in found}


def _version_row(
    parsed: ParsedQuestion, article: Article | None, author_id: int | None, now: datetime
) -> dict[str, Any]:
    """The first version of an imported question, as a row for a bulk insert."""
    sources = _checked_sources(parsed, article)
    return {"number": 1, "type": parsed.type, "title": parsed.title, "prompt": parsed.prompt,
            "prompt_format": PromptFormat.PLAIN, "data": parsed.data,
            "explanation": parsed.explanation, "difficulty": Difficulty(parsed.difficulty),
            "rule": parsed.rule, "article_id": article.id if sources else None,
            "sources": sources, "fact_key": None, "author_id": author_id,
            "change_note": "Imported", "created_at": now}  # fmt: skip


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
