"""Read and check the seed files: the article manifest, the bank files and the quizzes.

The seed directory holds ``articles.toml`` (the article manifest),
``articles/`` (the raw article files), ``banks/*.json`` (one bank per article,
made by ``flask seed build``) and ``quizzes.toml`` (the quizzes and the topic
names). Nothing here touches the database: every problem is found before
:mod:`quizapp.seeding` writes anything.
"""

import hashlib
import json
import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from quizapp.models import Difficulty, GradingMethod, ReviewMoment, ReviewPart, SelectionMode
from quizapp.questiontypes import get_type

# Keys every bank question has; whatever else it carries is the type's answer data.
COMMON_KEYS = frozenset(
    {
        "id",
        "type",
        "topic",
        "prompt",
        "explanation",
        "difficulty",
        "rule",
        "source",
        "sources",
        "fact",
    }
)
REQUIRED_QUESTION_KEYS = ("id", "type", "topic", "prompt")
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
    "review",
    "is_published",
}
# The moments a ``[quiz.review]`` list may name.
REVIEW_MOMENTS = {
    "immediately": ReviewMoment.IMMEDIATELY,
    "later_while_open": ReviewMoment.LATER_WHILE_OPEN,
    "after_close": ReviewMoment.AFTER_CLOSE,
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


def _data_problems(type_name: Any, data: dict[str, Any]) -> list[str]:
    """What the question-type registry finds wrong with a question's answer data."""
    try:
        return get_type(type_name).validate_data(data)
    except ValueError as exc:
        return [str(exc)]


def _source_list(item: dict[str, Any], where: str) -> list[Any]:
    """The question's cited sentences: ``sources``, or the single ``source`` of older banks."""
    if "sources" in item:
        sources = item["sources"]
    elif "source" in item:
        sources = [item["source"]]
    else:
        raise SeedError(f"{where}: lacks sources")
    if not isinstance(sources, list) or not sources:
        raise SeedError(f"{where}: sources must be a non-empty list of {{start, end, text}}")
    return sources


def _sources(item: dict[str, Any], raw_text: str, where: str) -> list[dict[str, Any]]:
    """Check every cited span against the raw article; return them as plain dicts."""
    checked = []
    for source in _source_list(item, where):
        try:
            start, end, text = int(source["start"]), int(source["end"]), str(source["text"])
        except (TypeError, KeyError, ValueError) as exc:
            raise SeedError(f"{where}: each source must be {{start, end, text}}") from exc
        if not (0 <= start < end <= len(raw_text)) or raw_text[start:end] != text:
            raise SeedError(f"{where}: source text does not match the article at [{start}:{end}]")
        checked.append({"start": start, "end": end, "text": text})
    return checked


def question_spec(item: Any, raw_text: str, where: str) -> QuestionSpec:
    """Check one bank question against its article text and return it as a spec."""
    if not isinstance(item, dict):
        raise SeedError(f"{where}: a question is not a JSON object")
    missing = [key for key in REQUIRED_QUESTION_KEYS if key not in item]
    if missing:
        raise SeedError(f"{where}: question {item.get('id')!r} lacks {', '.join(missing)}")
    where = f"{where}: question {item['id']!r}"
    sources = _sources(item, raw_text, where)
    try:
        difficulty = Difficulty(item.get("difficulty", Difficulty.MEDIUM.value))
    except ValueError as exc:
        raise SeedError(f"{where}: unknown difficulty {item.get('difficulty')!r}") from exc
    data = {key: value for key, value in item.items() if key not in COMMON_KEYS}
    problems = _data_problems(item["type"], data)
    if problems:
        raise SeedError(f"{where}: invalid {item['type']!r} question: {' '.join(problems)}")
    content = {
        "type": str(item["type"]),
        "prompt": str(item["prompt"]),
        "data": data,
        "explanation": str(item.get("explanation") or ""),
        "difficulty": difficulty,
        "rule": item.get("rule"),
        "sources": sources,
        "fact_key": str(item["fact"]) if item.get("fact") else None,
    }
    return QuestionSpec(key=str(item["id"]), topic=str(item["topic"]), content=content)


def read_banks(seed_dir: Path) -> tuple[list[ArticleSpec], list[BankSpec]]:
    """Read and check the manifest and every bank file; raise :class:`SeedError` on a fault."""
    manifest = read_manifest(seed_dir)
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
        questions = [question_spec(item, article.raw_text, str(path)) for item in items]
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
        **_review_values(entry.get("review", {}), where),
        "is_published": bool(entry.get("is_published", True)),
    }


def _review_values(review: Any, where: str) -> dict[str, ReviewMoment]:
    """The quiz's review columns from its ``review`` table (a part left out: always shown)."""
    if not isinstance(review, dict):
        raise SeedError(f"{where}: review must be a table of part = [moments]")
    unknown = sorted(set(review) - {part.value for part in ReviewPart})
    if unknown:
        raise SeedError(f"{where}: unknown review parts {', '.join(unknown)}")
    values = {}
    for part in ReviewPart:
        names = review.get(part.value, list(REVIEW_MOMENTS))
        if not isinstance(names, list) or not all(name in REVIEW_MOMENTS for name in names):
            raise SeedError(
                f"{where}: review.{part.value} must list moments among {', '.join(REVIEW_MOMENTS)}"
            )
        moments = ReviewMoment.NONE
        for name in names:
            moments |= REVIEW_MOMENTS[name]
        values[f"review_{part.value}"] = moments
    return values


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
