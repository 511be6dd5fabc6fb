"""Source articles, question banks and versioned questions."""

import enum
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.extensions import db
from quizapp.models.base import UTCDateTime, enum_column, utcnow


class QuestionStatus(enum.StrEnum):
    DRAFT = "draft"  # generated or new, waiting in the review queue
    PUBLISHED = "published"  # approved: quizzes may draw it
    REJECTED = "rejected"  # turned down in review (the decision records why)
    RETIRED = "retired"  # withdrawn by its owner; can be restored


class PromptFormat(enum.StrEnum):
    PLAIN = "plain"  # shown as text, every character escaped
    HTML = "html"  # sanitised HTML (nh3) kept from an imported question


class Difficulty(enum.StrEnum):
    EASY = "easy"
    MEDIUM = "medium"
    HARD = "hard"


class Article(db.Model):
    """A source text questions are made from; ``raw_text`` is kept byte-for-byte."""

    __tablename__ = "article"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(sa.String(80), unique=True)
    title: Mapped[str] = mapped_column(sa.String(300))
    publisher: Mapped[str] = mapped_column(sa.String(300))
    published: Mapped[date | None]
    source_file: Mapped[str | None] = mapped_column(sa.String(255))
    url: Mapped[str | None] = mapped_column(sa.String(500))
    # The teacher who uploaded it; None for the site's seed articles.
    owner_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user.id", ondelete="SET NULL"), index=True
    )
    sha256: Mapped[str] = mapped_column(sa.String(64))
    raw_text: Mapped[str] = mapped_column(sa.Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class QuestionBank(db.Model):
    """A named collection of questions, owned by a teacher (or by the site when seeded)."""

    __tablename__ = "question_bank"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(sa.String(80), unique=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    description: Mapped[str] = mapped_column(sa.Text, default="")
    owner_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id", ondelete="SET NULL"))
    article_id: Mapped[int | None] = mapped_column(sa.ForeignKey("article.id"))
    # The bank this one was copied from ("copy to my banks"), if any.
    copied_from_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("question_bank.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    article: Mapped[Article | None] = relationship()
    owner = relationship("User")
    questions: Mapped[list["Question"]] = relationship(back_populates="bank")


class Question(db.Model):
    """The identity of a question in a bank; its content lives in numbered versions."""

    __tablename__ = "question"
    __table_args__ = (
        sa.UniqueConstraint("bank_id", "key"),
        sa.CheckConstraint("current_version >= 1", name="version_positive"),
        sa.Index("ix_question_topic_status", "topic", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    bank_id: Mapped[int] = mapped_column(sa.ForeignKey("question_bank.id"), index=True)
    key: Mapped[str] = mapped_column(sa.String(80))
    topic: Mapped[str] = mapped_column(sa.String(40))
    # A category path as imported ("$course$/top/Mars/Landing"); empty when none.
    category: Mapped[str] = mapped_column(sa.String(255), default="")
    status: Mapped[QuestionStatus] = mapped_column(
        enum_column(QuestionStatus, "question_status"), default=QuestionStatus.DRAFT
    )
    current_version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    bank: Mapped[QuestionBank] = relationship(back_populates="questions")
    versions: Mapped[list["QuestionVersion"]] = relationship(
        back_populates="question", order_by="QuestionVersion.number"
    )


class QuestionVersion(db.Model):
    """One immutable version of a question: what an attempt pins and shows."""

    __tablename__ = "question_version"
    __table_args__ = (sa.UniqueConstraint("question_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(sa.ForeignKey("question.id"), index=True)
    number: Mapped[int]
    type: Mapped[str] = mapped_column(sa.String(16))
    title: Mapped[str] = mapped_column(sa.String(255), default="")
    prompt: Mapped[str] = mapped_column(sa.Text)
    prompt_format: Mapped[PromptFormat] = mapped_column(
        enum_column(PromptFormat, "prompt_format"), default=PromptFormat.PLAIN
    )
    # The type's answer data (options, answer, pairs, items, tolerance...).
    data: Mapped[dict[str, Any]] = mapped_column(sa.JSON)
    explanation: Mapped[str] = mapped_column(sa.Text, default="")
    difficulty: Mapped[Difficulty] = mapped_column(
        enum_column(Difficulty, "difficulty"), default=Difficulty.MEDIUM
    )
    rule: Mapped[str | None] = mapped_column(sa.String(80), index=True)
    article_id: Mapped[int | None] = mapped_column(sa.ForeignKey("article.id"), index=True)
    # The cited sentences: [{"start": int, "end": int, "text": str}, ...], one per
    # sentence, each with article.raw_text[start:end] == text; [] when none is cited.
    sources: Mapped[list[dict[str, Any]]] = mapped_column(sa.JSON, default=list)
    # What the question tests; two questions with the same key never share an attempt.
    fact_key: Mapped[str | None] = mapped_column(sa.String(120))
    # Who wrote this version (None for seeded and generated ones) and what changed.
    author_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id", ondelete="SET NULL"))
    change_note: Mapped[str] = mapped_column(sa.Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    question: Mapped[Question] = relationship(back_populates="versions")
    article: Mapped[Article | None] = relationship()
    author = relationship("User")
