"""Taking quizzes: the home page, attempts and results."""

from flask import Blueprint

bp = Blueprint("quiz", __name__)


@bp.app_template_filter("percent")
def percent(value: float | None) -> str:
    """A 0..1 fraction as a whole percentage, e.g. ``0.625`` -> ``"62%"``."""
    if value is None:
        return "—"
    return f"{round(value * 100)}%"


from quizapp.quiz import classwork, routes  # noqa: E402,F401
