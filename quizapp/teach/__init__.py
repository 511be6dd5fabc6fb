"""The teacher's workspace: question banks and the review of their questions."""

from flask import Blueprint

from quizapp.access import require_role_before_request
from quizapp.models import Role

bp = Blueprint("teach", __name__, url_prefix="/teach")
require_role_before_request(bp, Role.TEACHER)

from quizapp.teach import routes  # noqa: E402,F401
