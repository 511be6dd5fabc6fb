"""The admin area: accounts, site dashboard, item statistics and the audit log.

One role guard covers every view of the blueprint, GET and POST alike.
"""

from flask import Blueprint

from quizapp.access import require_role_before_request
from quizapp.models import Role

bp = Blueprint("admin", __name__, url_prefix="/admin")
require_role_before_request(bp, Role.ADMIN)

# The tabs of the admin area, in order: (endpoint, label).
SECTIONS = [
    ("admin.dashboard", "Dashboard"),
    ("admin.users", "Accounts"),
    ("admin.statistics", "Item statistics"),
    ("admin.audit", "Audit log"),
]


@bp.context_processor
def _admin_sections() -> dict:
    return {"admin_sections": SECTIONS}


from quizapp.admin import accounts, audit_log, dashboard, fresh, statistics  # noqa: E402,F401
