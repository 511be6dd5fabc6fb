"""Views for browsing question banks."""

import sqlalchemy as sa
from flask import render_template

from quizapp.extensions import db
from quizapp.models import Article, Question, QuestionBank, QuestionVersion
from quizapp.teach import bp


@bp.route("/banks")
def banks():
    rows = db.session.execute(
        sa.select(QuestionBank, sa.func.count(Question.id))
        .outerjoin(Question, Question.bank_id == QuestionBank.id)
        .group_by(QuestionBank.id)
        .order_by(QuestionBank.name)
        .options(sa.orm.joinedload(QuestionBank.article).load_only(Article.publisher))
    ).all()
    return render_template("teach/banks.html", rows=rows)


@bp.route("/banks/<slug>")
def bank(slug: str):
    bank = db.first_or_404(sa.select(QuestionBank).where(QuestionBank.slug == slug))
    rows = db.session.execute(
        sa.select(Question, QuestionVersion)
        .join(
            QuestionVersion,
            sa.and_(
                QuestionVersion.question_id == Question.id,
                QuestionVersion.number == Question.current_version,
            ),
        )
        .where(Question.bank_id == bank.id)
        .order_by(Question.topic, Question.key)
    ).all()
    return render_template("teach/bank.html", bank=bank, rows=rows)
