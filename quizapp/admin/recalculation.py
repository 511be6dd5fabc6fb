"""Recalculate the stored figures of the admin pages: every five minutes, or on request.

The item statistics sums and the dashboard's site figures (people, attempts
per day, score distributions) each read every answer or attempt, which takes
seconds at a million answers. The job consumer recalculates them in one
transaction, so the pages read a few rows and readers see the old figures
or the new ones, never a mix.
"""

from datetime import datetime

from sqlalchemy.exc import IntegrityError

from quizapp.admin import item_analysis, site_stats
from quizapp.database import writes
from quizapp.extensions import db
from quizapp.jobs import periodic
from quizapp.models.base import utcnow


def recalculate() -> datetime:
    """Recalculate every stored figure now and return when.

    When another recalculation commits first, its figures are kept.
    """
    try:
        return _replace_all()
    except IntegrityError:
        db.session.rollback()
        return item_analysis.computed_at() or utcnow()


@writes
def _replace_all() -> datetime:
    now = utcnow()
    item_analysis.replace_sums(now)
    site_stats.store_dashboard_figures(now)
    db.session.commit()
    return now


@periodic("recalculate_admin_figures", minute="*/5")
def recalculate_periodically() -> None:
    """Keep the admin pages' figures at most a few minutes old."""
    recalculate()
