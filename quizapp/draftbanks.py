"""An uploaded article becomes a teacher's draft question bank, as a background job.

:func:`start_article_job` records the upload as a job; the job (kind
``article_bank``) reads the article's text, runs the seed pipeline on it and
writes the article, the bank and its draft questions in one transaction, so
a failure leaves nothing behind. Every question waits in the review queue as
a draft; none can be drawn into a quiz until it is approved.
"""

import hashlib
import secrets
from datetime import date
from pathlib import Path
from typing import Any

from flask import current_app
from slugify import slugify

from quizapp import audit, jobs
from quizapp.articletext import ArticleTextError, article_text
from quizapp.database import writes
from quizapp.extensions import db
from quizapp.models import Article, Job, Question, QuestionBank, QuestionStatus, QuestionVersion
from quizapp.seedfiles import SeedError, question_spec

JOB_KIND = "article_bank"
# The longest article text accepted (characters), after HTML or Markdown is read.
MAX_ARTICLE_CHARACTERS = 200_000


def start_article_job(
    *,
    owner_id: int,
    content: str,
    fmt: str,
    title: str,
    publisher: str = "",
    published: date | None = None,
    url: str = "",
    filename: str = "",
) -> Job:
    """Queue the job that turns ``content`` into a draft bank owned by ``owner_id``."""
    params = {
        "content": content,
        "format": fmt,
        "filename": filename,
        "title": title,
        "publisher": publisher,
        "published": published.isoformat() if published else "",
        "url": url,
    }
    job = jobs.enqueue(JOB_KIND, params, owner_id)
    _audit_upload(job, title)
    return job


@writes
def _audit_upload(job: Job, title: str) -> None:
    audit.record(
        "article.uploaded",
        target_type="job",
        target_id=job.id,
        summary=f"Uploaded the article {title!r} to make a draft bank",
        actor_id=job.owner_id,
    )
    db.session.commit()


def _generate(text: str, meta: dict[str, str]) -> dict[str, Any]:
    # The pipeline (spaCy) is imported here, in the job, not when a web process starts.
    from quizapp.seedgen import generate_bank, load_vocabulary
    from quizapp.seedgen.vocabulary import Vocabulary

    path = Path(current_app.config["SEED_DIR"] or "") / "vocabulary.toml"
    vocabulary = load_vocabulary(path) if path.is_file() else Vocabulary()
    bank, _stats = generate_bank(text, meta, vocabulary)
    return bank


def _unique_slug(title: str) -> str:
    base = slugify(title, max_length=60, word_boundary=True) or "article"
    return f"{base}-{secrets.token_hex(3)}"


@jobs.job_handler(JOB_KIND)
def build_draft_bank(job: Job, report: jobs.Report) -> dict[str, Any]:
    """Read the uploaded article, generate questions, save them as a draft bank."""
    params = job.params
    report(5, "Reading the article…")
    try:
        text = article_text(params["content"], params["format"], params.get("filename", ""))
    except ArticleTextError as exc:
        raise jobs.JobFailed(str(exc)) from exc
    if len(text) > MAX_ARTICLE_CHARACTERS:
        raise jobs.JobFailed(
            f"The article is too long ({len(text):,} characters; at most "
            f"{MAX_ARTICLE_CHARACTERS:,}). Upload one article at a time."
        )
    report(20, "Finding sentences, facts and questions…")
    slug = _unique_slug(params["title"])
    meta = {"id": slug, "title": params["title"], "publisher": params.get("publisher", "")}
    meta["published"] = params.get("published") or ""
    bank = _generate(text, meta)
    if not bank["questions"]:
        raise jobs.JobFailed(
            "No questions could be made from this article. The generator reads English "
            "prose: check that the upload is the article itself, in English, with full "
            "sentences."
        )
    report(80, f"Saving {len(bank['questions'])} draft questions…")
    try:
        specs = [question_spec(item, text, "generated bank") for item in bank["questions"]]
    except SeedError as exc:
        raise jobs.JobFailed(f"The generated questions did not check out: {exc}") from exc
    return _save_bank(job, slug, text, params, specs)


@writes
def _save_bank(job: Job, slug: str, text: str, params: dict, specs: list) -> dict[str, Any]:
    published = params.get("published")
    article = Article(
        slug=slug,
        title=params["title"][:300],
        publisher=params.get("publisher", "")[:300],
        published=date.fromisoformat(published) if published else None,
        source_file=(params.get("filename") or None),
        url=params.get("url") or None,
        owner_id=job.owner_id,
        sha256=_sha256(text),
        raw_text=text,
    )
    bank = QuestionBank(
        slug=slug,
        name=params["title"][:200],
        description=f"Draft questions generated from {params['title']}"[:1000],
        owner_id=job.owner_id,
        article=article,
    )
    db.session.add(bank)
    for spec in specs:
        question = Question(bank=bank, key=spec.key, topic=spec.topic, status=QuestionStatus.DRAFT)
        question.versions.append(QuestionVersion(number=1, article=article, **spec.content))
        db.session.add(question)
    db.session.flush()
    audit.record(
        "bank.generated",
        target_type="bank",
        target_id=bank.id,
        summary=f"Generated {len(specs)} draft questions from the article {article.title!r}",
        after={"job_id": job.id, "article_id": article.id, "questions": len(specs)},
        actor_id=job.owner_id,
    )
    result = {"bank_id": bank.id, "bank_slug": bank.slug, "questions": len(specs)}
    db.session.commit()
    return result


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def retry_article_job(job_id: int) -> Job | None:
    """Queue a failed article job again (audit-logged); None when it has not failed."""
    return jobs.retry(job_id, ("article.retried", _describe_for_retry))


def _describe_for_retry(job: Job) -> str:
    return f"Tried again to make a draft bank from {job.params.get('title', '')!r}"
