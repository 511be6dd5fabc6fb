"""A confirmed question file goes into a bank: at once, or as a background job when it is large.

The upload page imports a set at once; a set of more than
``IMPORT_JOB_THRESHOLD`` questions is queued by :func:`start_import_job` as a
job (kind ``question_import``) that keeps the previewed text in the job's
row. The job parses that text again with the same parser the preview used and
writes it with the same :func:`~quizapp.formats.store.import_questions`, the
whole set in one transaction or nothing. Once the set is in, the text is
dropped from the row.
"""

from typing import Any

from sqlalchemy.exc import IntegrityError

from quizapp import audit, formats, jobs
from quizapp.database import writes
from quizapp.extensions import db
from quizapp.formats.store import import_questions
from quizapp.models import ImportReceipt, Job, JobStatus, QuestionBank, User
from quizapp.permissions import can_edit_bank

JOB_KIND = "question_import"
CONCURRENT_IMPORT = (
    "Another import into this bank was saved at the same moment; nothing was imported."
)


ALREADY_CONFIRMED = "This preview was already confirmed: its questions are imported only once."


class AlreadyConfirmed(Exception):
    """The preview's token was used before (a second click, or the form sent again)."""


def claim_preview(token: str | None, bank_id: int, user_id: int) -> None:
    """Record the preview ``token`` as used, in the current transaction.

    Raises AlreadyConfirmed (after rolling back) when it was used before, so
    confirming a preview twice imports its questions once.
    """
    if not token:
        return
    db.session.add(ImportReceipt(token=token, bank_id=bank_id, user_id=user_id))
    try:
        db.session.flush()
    except IntegrityError:
        db.session.rollback()
        raise AlreadyConfirmed(ALREADY_CONFIRMED) from None


@writes
def claim_preview_for_job(token: str | None, bank_id: int, user_id: int) -> None:
    """Record the preview ``token`` as used before its import job is queued."""
    claim_preview(token, bank_id, user_id)
    db.session.commit()


def write_set(
    bank: QuestionBank, result: formats.ParseResult, owner_id: int, job_id: int | None = None
) -> int:
    """Write the parsed set into ``bank`` and record it in the audit log (the caller commits)."""
    count = import_questions(bank, result.questions, owner_id)
    after = {"format": result.format, "questions": count, "problems": len(result.problems)}
    if job_id is not None:
        after["job_id"] = job_id
    audit.record("bank.imported", target_type="question_bank", target_id=bank.id,
                 summary=f"Imported {count} {result.format} questions into {bank.name}",
                 after=after, actor_id=owner_id)  # fmt: skip
    return count


def start_import_job(bank: QuestionBank, fmt: str, text: str, owner_id: int, count: int) -> Job:
    """Queue the import of the previewed ``text`` (``count`` questions) into ``bank``."""
    params = {"bank_id": bank.id, "bank_name": bank.name, "bank_slug": bank.slug,
              "format": fmt, "questions": count, "text": text}  # fmt: skip
    return jobs.enqueue(JOB_KIND, params, owner_id)


@jobs.job_handler(JOB_KIND)
def run_import(job: Job, report: jobs.Report) -> dict[str, Any]:
    """Parse the kept text again and import every question, all or nothing."""
    params = job.params
    if "text" not in params:
        raise jobs.JobFailed("The file's text is no longer kept; upload it again.")
    report(5, f"Reading {params.get('questions', 0):,} questions…")
    result = formats.parse_text(params["text"], params["format"])
    if not result.questions:
        raise jobs.JobFailed("There is nothing to import.")
    report(40, f"Saving {len(result.questions):,} questions…")
    try:
        return _save(job.id, result)
    except IntegrityError as exc:
        raise jobs.JobFailed(f"{CONCURRENT_IMPORT} Try again.") from exc


@writes
def _save(job_id: int, result: formats.ParseResult) -> dict[str, Any]:
    job = db.session.get(Job, job_id)
    bank = db.session.get(QuestionBank, job.params["bank_id"])
    owner = db.session.get(User, job.owner_id) if job.owner_id is not None else None
    if bank is None or owner is None or not can_edit_bank(owner, bank):
        raise jobs.JobFailed("The bank is gone or no longer yours; nothing was imported.")
    count = write_set(bank, result, owner.id, job_id=job.id)
    outcome = {"bank_id": bank.id, "bank_slug": bank.slug, "questions": count}
    # Done in the same commit as the questions: a worker that dies before it records
    # the end never leaves an imported set looking failed (and open to a retry).
    job.status, job.result, job.progress = JobStatus.SUCCEEDED, outcome, 100
    # The questions are in the bank now; the uploaded text need not be kept.
    job.params = {name: value for name, value in job.params.items() if name != "text"}
    db.session.commit()
    return outcome


def retry_import_job(job_id: int) -> Job | None:
    """Queue a failed import job again (audit-logged); None when it has not failed."""
    return jobs.retry(job_id, ("bank.import_retried", _describe_for_retry))


def _describe_for_retry(job: Job) -> str:
    params = job.params
    return (
        f"Tried again to import {params.get('questions', 0)} questions into "
        f"{params.get('bank_name', '')}"
    )
