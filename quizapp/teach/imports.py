"""Upload a question file into a bank: preview first, then import all or nothing; export.

The preview page carries the decoded text back to the server in a field
signed with the site's secret key (bound to the bank, the teacher and a
time limit); confirming re-parses that text, so nothing parsed on the client
is ever trusted and what is imported is exactly what was previewed. A set of
more than ``IMPORT_JOB_THRESHOLD`` questions is imported by a background job
whose page shows its progress.
"""

import random
import secrets
from typing import Any

from flask import Response, current_app, flash, redirect, render_template, url_for
from flask_login import current_user
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy.exc import IntegrityError
from werkzeug.exceptions import RequestEntityTooLarge
from wtforms import Form

from quizapp import formats
from quizapp.database import writes
from quizapp.extensions import db
from quizapp.formats import FORMAT_LABELS, ParsedQuestion, ParseResult
from quizapp.formats.store import bank_document_meta, bank_questions
from quizapp.formats.text import FileTextError, decode
from quizapp.models import QuestionBank
from quizapp.question_imports import (
    CONCURRENT_IMPORT,
    AlreadyConfirmed,
    claim_preview,
    claim_preview_for_job,
    start_import_job,
    write_set,
)
from quizapp.questiontypes import get_type
from quizapp.teach import bp
from quizapp.teach.bank_forms import ConfirmImportForm, UploadForm
from quizapp.teach.banks import editable_bank_or_404, visible_bank_or_404

# A preview renders this many questions; the rest are counted (and imported).
PREVIEW_SHOWN = 300
PREVIEW_MAX_AGE = 3600  # seconds a preview may be confirmed after it was shown


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.secret_key, salt="quizapp.teach.import")


def _sign(bank: QuestionBank, result: ParseResult, text: str) -> str:
    return _serializer().dumps({"bank": bank.id, "user": current_user.id, "format": result.format,
                                "questions": len(result.questions), "text": text,
                                "token": secrets.token_hex(16)})  # fmt: skip


def _unsign(bank: QuestionBank, payload: str) -> dict[str, Any] | None:
    try:
        data = _serializer().loads(payload, max_age=PREVIEW_MAX_AGE)
    except SignatureExpired:
        flash("The preview expired. Upload the file again.", "warning")
        return None
    except BadSignature:
        flash("The preview could not be read. Upload the file again.", "danger")
        return None
    if data.get("bank") != bank.id or data.get("user") != current_user.id:
        flash("That preview belongs to another bank. Upload the file again.", "danger")
        return None
    return data


def _upload_text(form: UploadForm) -> str:
    """The uploaded file's text (or the pasted text); raise FileTextError when unreadable."""
    if form.upload.data:
        return decode(form.upload.data.read())
    return decode(form.text.data.encode("utf-8"))


def preview_items(result: ParseResult, limit: int) -> list[dict[str, Any]]:
    """Per question (the first ``limit``): the student's view, the key and the feedback."""
    items = []
    for number, question in enumerate(result.questions[:limit], start=1):
        qtype = get_type(question.type)
        order = qtype.shown_order(question.data, random.Random(number), False)
        fields = qtype.form_fields(question.data, order)
        form_class = type("PreviewForm", (Form,), fields)
        items.append({"number": number, "question": question, "qtype": qtype,
                      "form": form_class(prefix=f"q{number}-"),
                      "correct": qtype.describe_correct(question.data),
                      "feedback": answer_feedback(question)})  # fmt: skip
    return items


def answer_feedback(question: ParsedQuestion) -> list[tuple[str, str, str]]:
    """(answer, weight, feedback) rows for the answers that carry a weight or feedback."""
    data = question.data
    if question.type == "truefalse":
        texts = data.get("feedback") or ["", ""]
        return [(label, "", text) for label, text in zip(("True", "False"), texts, strict=True)
                if text]  # fmt: skip
    if question.type == "numeric":
        rows = [(get_type("numeric").describe_correct(data), "100%", data.get("feedback", ""))]
        rows += [(f"{o['answer']:g} ± {o['tolerance']:g}", f"{o['fraction']:.0%}",
                  o.get("feedback", "")) for o in data.get("alternatives", [])]  # fmt: skip
        return rows if len(rows) > 1 or rows[0][2] else []
    answers = data.get("options") or data.get("answers") or []
    fractions, feedback = data.get("fractions"), data.get("feedback")
    if not fractions and not feedback:
        return []
    return [
        (answer, f"{fractions[i]:.0%}" if fractions else "", feedback[i] if feedback else "")
        for i, answer in enumerate(answers)
    ]


@bp.errorhandler(RequestEntityTooLarge)
def upload_too_large(error):
    limit = current_app.config["MAX_CONTENT_LENGTH"] // 1024
    message = f"The upload is larger than the limit of {limit} KB. Split the file and try again."
    return render_template("errors/error.html", code=413, title="File too large",
                           description=message), 413  # fmt: skip


@bp.route("/banks/<slug>/import", methods=["GET", "POST"])
def import_questions_view(slug: str):
    bank = editable_bank_or_404(slug)
    form = UploadForm()
    context: dict[str, Any] = {"bank": bank, "form": form, "result": None}
    if form.validate_on_submit():
        try:
            text = _upload_text(form)
        except FileTextError as exc:
            result = ParseResult(form.format.data)
            result.problem(exc.line, str(exc))
        else:
            result = formats.parse_text(text, form.format.data)
            if result.questions:
                context["confirm"] = ConfirmImportForm(payload=_sign(bank, result, text))
        context.update(
            result=result,
            items=preview_items(result, PREVIEW_SHOWN),
            preview_limit=PREVIEW_SHOWN,
            format_label=FORMAT_LABELS.get(result.format, result.format),
        )
    return render_template("teach/import.html", **context)


@writes
def _store(slug: str, result: ParseResult, token: str | None) -> int:
    bank = editable_bank_or_404(slug)
    claim_preview(token, bank.id, current_user.id)
    count = write_set(bank, result, current_user.id)
    db.session.commit()
    return count


def _import_now(bank: QuestionBank, data: dict[str, Any]):
    result = formats.parse_text(data["text"], data["format"])
    if not result.questions:
        flash("There is nothing to import.", "warning")
        return redirect(url_for("teach.import_questions_view", slug=bank.slug))
    try:
        count = _store(bank.slug, result, data.get("token"))
    except AlreadyConfirmed as error:
        flash(str(error), "info")
        return redirect(url_for("teach.bank", slug=bank.slug))
    except IntegrityError:
        db.session.rollback()
        flash(f"{CONCURRENT_IMPORT} Please confirm again.", "danger")
        return redirect(url_for("teach.import_questions_view", slug=bank.slug))
    flash(f"Imported {count} questions into “{bank.name}”.", "success")
    return redirect(url_for("teach.bank", slug=bank.slug))


@bp.post("/banks/<slug>/import/confirm")
def confirm_import(slug: str):
    bank = editable_bank_or_404(slug)
    form = ConfirmImportForm()
    data = _unsign(bank, form.payload.data or "") if form.validate_on_submit() else None
    if data is None:
        return redirect(url_for("teach.import_questions_view", slug=slug))
    count = data.get("questions", 0)
    if count > current_app.config["IMPORT_JOB_THRESHOLD"]:
        try:
            claim_preview_for_job(data.get("token"), bank.id, current_user.id)
        except AlreadyConfirmed as error:
            flash(str(error), "info")
            return redirect(url_for("teach.bank", slug=bank.slug))
        job = start_import_job(bank, data["format"], data["text"], current_user.id, count)
        return redirect(url_for("teach.job", job_id=job.id))
    return _import_now(bank, data)


@bp.route("/banks/<slug>/export")
def export_bank(slug: str):
    bank = visible_bank_or_404(slug)
    questions = bank_questions(bank)
    lost = {fmt: formats.write(questions, fmt)[1] for fmt in formats.FORMAT_NAMES if fmt != "json"}
    lost["json"] = []
    return render_template("teach/export.html", bank=bank, count=len(questions), lost=lost,
                           labels=FORMAT_LABELS)  # fmt: skip


@bp.route("/banks/<slug>/export/<fmt>")
def download_bank(slug: str, fmt: str):
    bank = visible_bank_or_404(slug)
    if fmt not in formats.FORMAT_NAMES:
        return redirect(url_for("teach.export_bank", slug=slug))
    extra = bank_document_meta(bank) if fmt == "json" else {}
    text, _ = formats.write(bank_questions(bank), fmt, **extra)
    filename = f"{bank.slug}.{formats.EXTENSIONS[fmt]}"
    response = Response(text.encode("utf-8"), mimetype=formats.MEDIA_TYPES[fmt])
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Content-Type"] = f"{formats.MEDIA_TYPES[fmt]}; charset=utf-8"
    return response
