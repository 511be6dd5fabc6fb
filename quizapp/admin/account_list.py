"""The accounts list: search, filters, pagination and each account's classes."""

from collections import defaultdict

import sqlalchemy as sa

from quizapp.extensions import db
from quizapp.models import Classroom, Enrollment, Role, User

PER_PAGE = 25


def escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def search_statement(query: str = "", role: str = "", status: str = "") -> sa.Select:
    """Accounts whose email or name contains ``query``, with the role and status asked for."""
    statement = sa.select(User).order_by(User.email)
    if query.strip():
        pattern = f"%{escape_like(query.strip().casefold())}%"
        statement = statement.where(
            sa.or_(
                sa.func.lower(User.email).like(pattern, escape="\\"),
                sa.func.lower(User.display_name).like(pattern, escape="\\"),
            )
        )
    if role in {r.value for r in Role}:
        statement = statement.where(User.role == Role(role))
    if status == "active":
        statement = statement.where(User.active.is_(True))
    elif status == "inactive":
        statement = statement.where(User.active.is_(False))
    return statement


def classes_of(user_ids: list[int]) -> dict[int, list[str]]:
    """Names of the classes each user belongs to or teaches (two queries, whatever the page)."""
    names: dict[int, list[str]] = defaultdict(list)
    if not user_ids:
        return names
    joined = db.session.execute(
        sa.select(Enrollment.user_id, Classroom.name)
        .join(Classroom, Classroom.id == Enrollment.classroom_id)
        .where(Enrollment.user_id.in_(user_ids))
        .order_by(Classroom.name)
    )
    taught = db.session.execute(
        sa.select(Classroom.owner_id, Classroom.name)
        .where(Classroom.owner_id.in_(user_ids))
        .order_by(Classroom.name)
    )
    for user_id, name in joined:
        names[user_id].append(name)
    for user_id, name in taught:
        names[user_id].append(f"{name} (teaches)")
    return names
