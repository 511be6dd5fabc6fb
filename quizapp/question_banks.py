"""Question banks as teachers manage them: create, rename, archive, copy.

Plain functions over the session; the callers (views, commands) commit.
Slugs are made from the name plus a short random suffix, so two teachers
naming a bank alike never collide and a slug never has to be checked first.
"""

import secrets

import sqlalchemy as sa
from slugify import slugify

from quizapp.extensions import db
from quizapp.models import Question, QuestionBank, QuestionStatus, QuestionVersion
from quizapp.models.base import utcnow

NAME_MAX = 200


def new_slug(name: str) -> str:
    """A URL slug for a bank called ``name``: readable words and a random suffix."""
    base = slugify(name, max_length=60, word_boundary=True) or "bank"
    return f"{base}-{secrets.token_hex(3)}"


def create_bank(
    name: str, owner_id: int | None, description: str = "", slug: str = ""
) -> QuestionBank:
    """Add a new, empty bank owned by ``owner_id`` (``None``: a site bank)."""
    bank = QuestionBank(
        slug=slug or new_slug(name),
        name=name.strip()[:NAME_MAX],
        description=description.strip(),
        owner_id=owner_id,
    )
    db.session.add(bank)
    db.session.flush()
    return bank


def rename_bank(bank: QuestionBank, name: str, description: str) -> None:
    """Give ``bank`` a new name and description (its slug, and so its URL, stay)."""
    bank.name = name.strip()[:NAME_MAX]
    bank.description = description.strip()


def set_archived(bank: QuestionBank, archived: bool) -> None:
    """Archive (hide from the bank list and from new quizzes) or restore ``bank``."""
    bank.archived_at = utcnow() if archived else None


def copy_bank(source: QuestionBank, owner_id: int) -> QuestionBank:
    """An editable copy of ``source`` for ``owner_id``: current versions, sources kept."""
    rows = db.session.execute(
        sa.select(Question, QuestionVersion)
        .join(
            QuestionVersion,
            sa.and_(
                QuestionVersion.question_id == Question.id,
                QuestionVersion.number == Question.current_version,
            ),
        )
        .where(
            Question.bank_id == source.id,
            Question.status.not_in([QuestionStatus.RETIRED, QuestionStatus.REJECTED]),
        )
        .order_by(Question.id)
    ).all()
    copy = create_bank(f"{source.name} (copy)", owner_id, source.description)
    copy.article_id = source.article_id
    copy.copied_from_id = source.id
    for question, version in rows:
        new = Question(
            bank=copy,
            key=question.key,
            topic=question.topic,
            category=question.category,
            status=question.status,
        )
        new.versions.append(
            QuestionVersion(
                number=1,
                type=version.type,
                title=version.title,
                prompt=version.prompt,
                prompt_format=version.prompt_format,
                data=version.data,
                explanation=version.explanation,
                difficulty=version.difficulty,
                rule=version.rule,
                article_id=version.article_id,
                sources=version.sources,
                fact_key=version.fact_key,
                author_id=owner_id,
                change_note=f"Copied from {source.name}",
            )
        )
        db.session.add(new)
    db.session.flush()
    return copy
