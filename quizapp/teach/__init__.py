"""The teacher's workspace: question banks, questions, quizzes, classes and results.

Each subject has its own views module; all of them share this blueprint,
whose role guard covers every view, GET and POST alike.
"""

from flask import Blueprint

from quizapp.access import require_role_before_request
from quizapp.models import Role

bp = Blueprint("teach", __name__, url_prefix="/teach")
require_role_before_request(bp, Role.TEACHER)

from quizapp.teach import (  # noqa: E402,F401
    articles,
    assignments,
    banks,
    challenges,
    classes,
    imports,
    jobs,
    questions,
    quizzes,
    results,
    review,
)
