"""Load the seed question banks and quiz definitions into the database.

The seed directory holds ``articles.toml`` (the article manifest),
``articles/`` (the raw article files), ``banks/*.json`` (one bank per article,
made by ``flask seed build``) and ``quizzes.toml`` (the quizzes and the topic
names). :func:`load_seed` reads and checks all of it before writing anything,
then applies it in one transaction. Loading is idempotent: a question whose
content changed gets a new version, a question that left its bank file is
retired (never deleted, attempts may point at it), and a retired question that
comes back is published again.
"""

import hashlib
import json
import tomllib
from dataclasses import dataclass, field, fields
from datetime import date
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from quizapp.extensions import db
from quizapp.models import (
    Article,
    Difficulty,
    FeedbackTiming,
    GradingMethod,
    Question,
    QuestionBank,
    QuestionStatus,
    QuestionVersion,
    Quiz,
    SelectionMode,
)

# Keys every bank question has; whatever else it carries is the type's answer data.
COMMON_KEYS = frozenset(
    {"id", "type", "topic", "prompt", "explanation", "difficulty", "rule", "source"}
)
REQUIRED_QUESTION_KEYS = ("id", "type", "topic", "prompt", "source")
QUIZ_KEYS = {
    "slug",
    "title",
    "topic",
    "description",
    "selection",
    "draw_count",
    "time_limit_minutes",
    "attempts_allowed",
    "grading_method",
    "shuffle_questions",
    "shuffle_options",
    "feedback_timing",
    "is_published",
}


class SeedError(Exception):
    """The seed files are inconsistent or invalid; nothing was written."""


@dataclass(frozen=True)
class ArticleSpec:
    slug: str
    title: str
    publisher: str
    published: date | None
    source_file: str
    sha256: str
    raw_text: str


@dataclass(frozen=True)
class QuestionSpec:
    key: str
    topic: str
    content: dict[str, Any]  # the QuestionVersion fields, article excluded


@dataclass(frozen=True)
class BankSpec:
    path: Path
    article: ArticleSpec
    questions: list[QuestionSpec]


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

    def as_dict(self) -> dict[str, int]:
        """The counts by name (warnings left out)."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "warnings"}

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


# --- Reading and checking the files (no database) ---------------------------------


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise SeedError(f"{path}: not valid TOML: {exc}") from exc


def _as_date(value: Any, where: str) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise SeedError(f"{where}: 'published' is not a date: {value!r}") from exc


def _read_raw(seed_dir: Path, source_file: str, where: str) -> tuple[str, str]:
    """Return the raw article text and the sha256 of its bytes."""
    path = seed_dir / "articles" / source_file
    if Path(source_file).name != source_file or not path.is_file():
        raise SeedError(f"{where}: article file {source_file!r} not found in {path.parent}")
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SeedError(f"{where}: {path} is not UTF-8: {exc}") from exc
    return text, hashlib.sha256(raw).hexdigest()


def read_manifest(seed_dir: Path) -> dict[str, dict[str, Any]]:
    """The article manifest ``articles.toml`` as ``{article id: entry}`` (empty if absent)."""
    path = seed_dir / "articles.toml"
    if not path.exists():
        return {}
    manifest = _read_toml(path)
    for slug, entry in manifest.items():
        if not isinstance(entry, dict) or "source_file" not in entry:
            raise SeedError(f"{path}: [{slug}] needs at least a source_file")
    return manifest


def _article_spec(
    seed_dir: Path, slug: str, meta: dict[str, Any], where: str, expected_sha: str | None
) -> ArticleSpec:
    for key in ("source_file", "title"):
        if not meta.get(key):
            raise SeedError(f"{where}: article {slug!r} has no {key}")
    raw_text, sha = _read_raw(seed_dir, meta["source_file"], where)
    if expected_sha is not None and expected_sha != sha:
        raise SeedError(
            f"{where}: sha256 of {meta['source_file']} is {sha}, the bank says {expected_sha};"
            " rebuild the bank (flask seed build) or restore the article file"
        )
    return ArticleSpec(
        slug=slug,
        title=meta["title"],
        publisher=meta.get("publisher", ""),
        published=_as_date(meta.get("published"), where),
        source_file=meta["source_file"],
        sha256=sha,
        raw_text=raw_text,
    )


def _type_validator():
    """``validate(type, data) -> problems`` from the question-type registry, or None if absent."""
    try:
        from quizapp.questiontypes import get_type
    except ImportError:
        return None

    def validate(type_name: str, data: dict[str, Any]) -> list[str]:
        try:
            return list(get_type(type_name).validate_data(data) or [])
        except (ValueError, TypeError, KeyError) as exc:
            return [str(exc)]

    return validate


def _question_spec(item: Any, raw_text: str, where: str, validate) -> QuestionSpec:
    if not isinstance(item, dict):
        raise SeedError(f"{where}: a question is not a JSON object")
    missing = [key for key in REQUIRED_QUESTION_KEYS if key not in item]
    if missing:
        raise SeedError(f"{where}: question {item.get('id')!r} lacks {', '.join(missing)}")
    where = f"{where}: question {item['id']!r}"
    source = item["source"]
    try:
        start, end, text = int(source["start"]), int(source["end"]), str(source["text"])
    except (TypeError, KeyError, ValueError) as exc:
        raise SeedError(f"{where}: source must be {{start, end, text}}") from exc
    if not (0 <= start < end <= len(raw_text)) or raw_text[start:end] != text:
        raise SeedError(f"{where}: source text does not match the article at [{start}:{end}]")
    try:
        difficulty = Difficulty(item.get("difficulty", Difficulty.MEDIUM.value))
    except ValueError as exc:
        raise SeedError(f"{where}: unknown difficulty {item.get('difficulty')!r}") from exc
    data = {key: value for key, value in item.items() if key not in COMMON_KEYS}
    problems = validate(item["type"], data) if validate is not None else []
    if problems:
        raise SeedError(f"{where}: invalid {item['type']!r} question: {' '.join(problems)}")
    content = {
        "type": str(item["type"]),
        "prompt": str(item["prompt"]),
        "data": data,
        "explanation": str(item.get("explanation") or ""),
        "difficulty": difficulty,
        "rule": item.get("rule"),
        "source_start": start,
        "source_end": end,
        "source_text": text,
    }
    return QuestionSpec(key=str(item["id"]), topic=str(item["topic"]), content=content)


def read_banks(seed_dir: Path) -> tuple[list[ArticleSpec], list[BankSpec]]:
    """Read and check the manifest and every bank file; raise :class:`SeedError` on a fault."""
    manifest = read_manifest(seed_dir)
    validate = _type_validator()
    banks: list[BankSpec] = []
    seen: set[str] = set()
    for path in sorted((seed_dir / "banks").glob("*.json")):
        try:
            bank = json.loads(path.read_text(encoding="utf-8"))
            meta = bank["article"]
            items = bank["questions"]
            slug = str(meta["id"])
        except (ValueError, KeyError, TypeError) as exc:
            raise SeedError(f"{path}: not a bank file (article and questions): {exc}") from exc
        if slug in seen:
            raise SeedError(f"{path}: a second bank for article {slug!r}")
        seen.add(slug)
        article = _article_spec(seed_dir, slug, meta, str(path), meta.get("sha256") or "")
        questions = [_question_spec(item, article.raw_text, str(path), validate) for item in items]
        keys = [question.key for question in questions]
        duplicates = sorted({key for key in keys if keys.count(key) > 1})
        if duplicates:
            raise SeedError(f"{path}: duplicate question ids {', '.join(duplicates)}")
        banks.append(BankSpec(path=path, article=article, questions=questions))
    articles = [bank.article for bank in banks]
    for slug, meta in manifest.items():
        if slug not in seen:
            articles.append(_article_spec(seed_dir, slug, meta, "articles.toml", None))
    return articles, banks


def _quiz_values(entry: dict[str, Any], where: str) -> dict[str, Any]:
    unknown = sorted(set(entry) - QUIZ_KEYS)
    if unknown:
        raise SeedError(f"{where}: unknown keys {', '.join(unknown)}")
    for key in ("slug", "title", "topic"):
        if not entry.get(key):
            raise SeedError(f"{where}: {key} is required")
    try:
        selection = SelectionMode(entry.get("selection", SelectionMode.POOL.value))
        grading = GradingMethod(entry.get("grading_method", GradingMethod.HIGHEST.value))
        feedback = FeedbackTiming(entry.get("feedback_timing", FeedbackTiming.AFTER_SUBMIT.value))
    except ValueError as exc:
        raise SeedError(f"{where}: {exc}") from exc
    if selection is not SelectionMode.POOL:
        raise SeedError(f"{where}: seeded quizzes draw from a pool (selection = 'pool')")
    draw_count = entry.get("draw_count")
    if not isinstance(draw_count, int) or draw_count < 1:
        raise SeedError(f"{where}: draw_count must be a positive integer")
    minutes = entry.get("time_limit_minutes")
    attempts = entry.get("attempts_allowed")
    if minutes is not None and (not isinstance(minutes, int | float) or minutes <= 0):
        raise SeedError(f"{where}: time_limit_minutes must be positive")
    if attempts is not None and (not isinstance(attempts, int) or attempts < 1):
        raise SeedError(f"{where}: attempts_allowed must be a positive integer")
    return {
        "slug": str(entry["slug"]),
        "title": str(entry["title"]),
        "topic": str(entry["topic"]),
        "description": str(entry.get("description", "")),
        "selection": selection,
        "draw_count": draw_count,
        "time_limit_seconds": round(minutes * 60) if minutes is not None else None,
        "attempts_allowed": attempts,
        "grading_method": grading,
        "shuffle_questions": bool(entry.get("shuffle_questions", True)),
        "shuffle_options": bool(entry.get("shuffle_options", True)),
        "feedback_timing": feedback,
        "is_published": bool(entry.get("is_published", True)),
    }


def read_quizzes(seed_dir: Path) -> list[dict[str, Any]]:
    """The ``[[quiz]]`` entries of ``quizzes.toml`` as Quiz column values (empty if absent)."""
    path = seed_dir / "quizzes.toml"
    if not path.exists():
        return []
    entries = _read_toml(path).get("quiz", [])
    quizzes = [_quiz_values(entry, f"{path}: quiz #{n}") for n, entry in enumerate(entries, 1)]
    slugs = [quiz["slug"] for quiz in quizzes]
    duplicates = sorted({slug for slug in slugs if slugs.count(slug) > 1})
    if duplicates:
        raise SeedError(f"{path}: duplicate quiz slugs {', '.join(duplicates)}")
    return quizzes


def topic_titles(seed_dir: Path | str) -> dict[str, str]:
    """Display names of the topics, from the ``[topics]`` table of ``quizzes.toml``."""
    path = Path(seed_dir) / "quizzes.toml"
    if not path.exists():
        return {}
    return {str(key): str(value) for key, value in _read_toml(path).get("topics", {}).items()}


# --- Writing (one transaction) ----------------------------------------------------


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
        "source_start": version.source_start,
        "source_end": version.source_end,
        "source_text": version.source_text,
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


def _pool_warnings(quizzes: list[dict[str, Any]]) -> list[str]:
    counts = dict(
        db.session.execute(
            sa.select(Question.topic, sa.func.count())
            .where(Question.status == QuestionStatus.PUBLISHED)
            .group_by(Question.topic)
        ).all()
    )
    return [
        f"quiz {quiz['slug']!r} draws {quiz['draw_count']} questions but topic "
        f"{quiz['topic']!r} has {counts.get(quiz['topic'], 0)} published"
        for quiz in quizzes
        if counts.get(quiz["topic"], 0) < quiz["draw_count"]
    ]


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
        summary.warnings = _pool_warnings(quizzes)
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    return summary
