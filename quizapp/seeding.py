"""Load the seed question banks and quiz definitions into the database.

:func:`load_seed` reads and checks every seed file first (see
:mod:`quizapp.seedfiles`), then applies them in one transaction. Loading is
idempotent: a question whose content changed gets a new version, a question
that left its bank file is retired (never deleted, attempts may point at it),
and a retired question that comes back is published again.
"""

import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from quizapp.extensions import db
from quizapp.models import Article, Question, QuestionBank, QuestionStatus, QuestionVersion, Quiz
from quizapp.quiz.selection import draw_questions, pool_for
from quizapp.seedfiles import (
    ArticleSpec,
    BankSpec,
    SeedError,
    read_banks,
    read_quizzes,
)

__all__ = ["LoadSummary", "SeedError", "load_seed"]


@dataclass
class LoadSummary:
    """What one load changed, counted per kind of row."""

    articles_added: int = 0
    articles_updated: int = 0
    banks_added: int = 0
    banks_updated: int = 0
    questions_added: int = 0
    questions_updated: int = 0
    questions_retired: int = 0
    questions_unchanged: int = 0
    quizzes_added: int = 0
    quizzes_updated: int = 0
    quizzes_unchanged: int = 0
    warnings: list[str] = field(default_factory=list)

    def line(self) -> str:
        """A one-line, human-readable account of the load."""
        return (
            f"articles: {self.articles_added} added, {self.articles_updated} updated; "
            f"banks: {self.banks_added} added, {self.banks_updated} updated; "
            f"questions: {self.questions_added} added, {self.questions_updated} updated, "
            f"{self.questions_retired} retired, {self.questions_unchanged} unchanged; "
            f"quizzes: {self.quizzes_added} added, {self.quizzes_updated} updated, "
            f"{self.quizzes_unchanged} unchanged"
        )


def _set_changed(row: Any, values: dict[str, Any]) -> bool:
    """Assign the values that differ; return whether any did."""
    changed = False
    for name, value in values.items():
        if getattr(row, name) != value:
            setattr(row, name, value)
            changed = True
    return changed


def _upsert_article(spec: ArticleSpec, summary: LoadSummary) -> Article:
    values = {
        "title": spec.title,
        "publisher": spec.publisher,
        "published": spec.published,
        "source_file": spec.source_file,
        "sha256": spec.sha256,
        "raw_text": spec.raw_text,
    }
    article = db.session.scalar(sa.select(Article).where(Article.slug == spec.slug))
    if article is None:
        article = Article(slug=spec.slug, **values)
        db.session.add(article)
        summary.articles_added += 1
    elif _set_changed(article, values):
        summary.articles_updated += 1
    return article


def _upsert_bank(spec: BankSpec, article: Article, summary: LoadSummary) -> QuestionBank:
    values = {"name": spec.article.title, "article": article}
    bank = db.session.scalar(
        sa.select(QuestionBank)
        .where(QuestionBank.slug == spec.article.slug)
        .options(selectinload(QuestionBank.questions).selectinload(Question.versions))
    )
    if bank is None:
        bank = QuestionBank(slug=spec.article.slug, owner_id=None, **values)
        db.session.add(bank)
        summary.banks_added += 1
    elif _set_changed(bank, values):
        summary.banks_updated += 1
    return bank


def _version_content(version: QuestionVersion) -> dict[str, Any]:
    return {
        "type": version.type,
        "prompt": version.prompt,
        "data": version.data,
        "explanation": version.explanation,
        "difficulty": version.difficulty,
        "rule": version.rule,
        "sources": version.sources,
        "fact_key": version.fact_key,
        "article_id": version.article_id,
    }


def _sync_questions(
    bank: QuestionBank, spec: BankSpec, article: Article, summary: LoadSummary
) -> None:
    existing = {question.key: question for question in bank.questions}
    for item in spec.questions:
        content = {**item.content, "article_id": article.id}
        question = existing.pop(item.key, None)
        if question is None:
            question = Question(
                bank=bank, key=item.key, topic=item.topic, status=QuestionStatus.PUBLISHED
            )
            question.versions.append(QuestionVersion(number=1, **content))
            db.session.add(question)
            summary.questions_added += 1
            continue
        current = next(v for v in question.versions if v.number == question.current_version)
        changed = False
        if _version_content(current) != content:
            number = max(v.number for v in question.versions) + 1
            question.versions.append(QuestionVersion(number=number, **content))
            question.current_version = number
            changed = True
        changed |= _set_changed(question, {"topic": item.topic, "status": QuestionStatus.PUBLISHED})
        if changed:
            summary.questions_updated += 1
        else:
            summary.questions_unchanged += 1
    for question in existing.values():
        if question.status != QuestionStatus.RETIRED:
            question.status = QuestionStatus.RETIRED
            summary.questions_retired += 1


def _upsert_quiz(values: dict[str, Any], summary: LoadSummary) -> None:
    quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == values["slug"]))
    if quiz is None:
        db.session.add(Quiz(**values))
        summary.quizzes_added += 1
    elif _set_changed(quiz, values):
        summary.quizzes_updated += 1
    else:
        summary.quizzes_unchanged += 1


def _draw_warnings(quizzes: list[dict[str, Any]]) -> list[str]:
    """Quizzes that cannot ask their full count of questions with distinct sources."""
    warnings = []
    for values in quizzes:
        quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == values["slug"]))
        wanted = quiz.draw_count
        if wanted is None:
            continue
        pool = pool_for(quiz)
        drawn = draw_questions(pool, wanted, random.Random(0), shuffle=True)  # noqa: S311
        if len(drawn) < wanted:
            warnings.append(
                f"quiz {quiz.slug!r} draws {wanted} questions but topic {quiz.topic!r} has "
                f"{len(pool)} published, of which at most {len(drawn)} have distinct sources"
            )
    return warnings


def load_seed(seed_dir: Path | str) -> LoadSummary:
    """Load the articles, banks and quizzes of ``seed_dir`` into the database.

    Everything is checked first and written in one transaction: on any error
    the session is rolled back, nothing is written, and :class:`SeedError` (or
    the database's error) is raised.
    """
    seed_dir = Path(seed_dir)
    if not seed_dir.is_dir():
        raise SeedError(f"seed directory {seed_dir} does not exist")
    articles, banks = read_banks(seed_dir)
    quizzes = read_quizzes(seed_dir)
    summary = LoadSummary()
    try:
        rows = {spec.slug: _upsert_article(spec, summary) for spec in articles}
        db.session.flush()
        for spec in banks:
            article = rows[spec.article.slug]
            bank = _upsert_bank(spec, article, summary)
            _sync_questions(bank, spec, article, summary)
        for values in quizzes:
            _upsert_quiz(values, summary)
        db.session.flush()
        summary.warnings = _draw_warnings(quizzes)
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    return summary
