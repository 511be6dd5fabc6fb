"""Views for browsing banks and reviewing each question with its source."""

import sqlalchemy as sa
from flask import render_template

from quizapp.extensions import db
from quizapp.models import Question, QuestionBank, QuestionVersion
from quizapp.questiontypes import get_type
from quizapp.quiz.review import question_source
from quizapp.teach import bp


@bp.route("/banks")
def banks():
    rows = db.session.execute(
        sa.select(QuestionBank, sa.func.count(Question.id))
        .outerjoin(Question, Question.bank_id == QuestionBank.id)
        .group_by(QuestionBank.id)
        .order_by(QuestionBank.name)
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
        .order_by(Question.topic, QuestionVersion.source_start, Question.key)
    ).all()
    return render_template("teach/bank.html", bank=bank, rows=rows)


@bp.route("/questions/<int:question_id>")
def question(question_id: int):
    question = db.first_or_404(
        sa.select(Question)
        .where(Question.id == question_id)
        .options(sa.orm.joinedload(Question.bank))
    )
    version = db.first_or_404(
        sa.select(QuestionVersion)
        .where(
            QuestionVersion.question_id == question.id,
            QuestionVersion.number == question.current_version,
        )
        .options(sa.orm.joinedload(QuestionVersion.article))
    )
    qtype = get_type(version.type)
    return render_template(
        "teach/question.html",
        question=question,
        version=version,
        qtype=qtype,
        correct=qtype.describe_correct(version.data),
        source=question_source(version),
    )
