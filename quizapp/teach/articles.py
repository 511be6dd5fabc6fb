"""The view that turns an uploaded article into a draft bank (its job page is in ``jobs``)."""

import sqlalchemy as sa
from flask import redirect, render_template, url_for
from flask_login import current_user

from quizapp import draftbanks
from quizapp.extensions import db
from quizapp.models import Job
from quizapp.teach import bp
from quizapp.teach.articles_forms import ArticleForm

RECENT_UPLOADS = 10


@bp.route("/articles/new", methods=["GET", "POST"])
def new_article():
    form = ArticleForm()
    if form.validate_on_submit():
        content, filename = form.article_content()
        job = draftbanks.start_article_job(
            owner_id=current_user.id,
            content=content,
            fmt=form.fmt.data,
            filename=filename,
            title=form.title.data.strip(),
            publisher=(form.publisher.data or "").strip(),
            published=form.published.data,
            url=(form.url.data or "").strip(),
        )
        return redirect(url_for("teach.job", job_id=job.id))
    recent = db.session.scalars(
        sa.select(Job)
        .where(Job.owner_id == current_user.id, Job.kind == draftbanks.JOB_KIND)
        .order_by(Job.created_at.desc(), Job.id.desc())
        .limit(RECENT_UPLOADS)
    ).all()
    return render_template("teach/article_new.html", form=form, recent=recent)
