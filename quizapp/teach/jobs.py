"""The page that follows a background job (a draft bank from an article, a large import)."""

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user

from quizapp import draftbanks, question_imports
from quizapp.extensions import db
from quizapp.models import Job
from quizapp.permissions import is_admin, require
from quizapp.quiz.forms import ConfirmForm
from quizapp.teach import bp

# Per job kind: the page that shows it and how a failed one is queued again.
TEMPLATES = {
    draftbanks.JOB_KIND: "teach/job_article.html",
    question_imports.JOB_KIND: "teach/job_import.html",
}
RETRIES = {
    draftbanks.JOB_KIND: draftbanks.retry_article_job,
    question_imports.JOB_KIND: question_imports.retry_import_job,
}


def _own_job(job_id: int) -> Job:
    job = db.get_or_404(Job, job_id)
    require(is_admin(current_user) or job.owner_id == current_user.id)
    if job.kind not in TEMPLATES:
        abort(404)
    return job


@bp.route("/jobs/<int:job_id>")
def job(job_id: int):
    job = _own_job(job_id)
    return render_template(TEMPLATES[job.kind], job=job, form=ConfirmForm())


@bp.post("/jobs/<int:job_id>/retry")
def retry_job(job_id: int):
    job = _own_job(job_id)
    if ConfirmForm().validate_on_submit():
        if RETRIES[job.kind](job.id) is None:
            flash("Only a failed job can be tried again.", "warning")
        else:
            flash("The job is queued again.")
    return redirect(url_for("teach.job", job_id=job.id))
