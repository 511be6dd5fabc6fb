"""Views for one question: its content, its key and its source."""

import sqlalchemy as sa
from flask import render_template

from quizapp.extensions import db
from quizapp.models import Question, QuestionVersion
from quizapp.questiontypes import get_type
from quizapp.quiz.review import question_source
from quizapp.teach import bp


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
