"""Who may see and change what: ownership rules for teachers' content.

A teacher sees their own banks, questions, quizzes and classes, plus the
site's seed banks (no owner), which are read-only to them. An admin sees
and changes everything. Views use these checks and answer 404 for objects
the user may not see, so nobody learns what exists in another teacher's
workspace.
"""

import sqlalchemy as sa
from flask import abort

from quizapp.models import Classroom, QuestionBank, Quiz, Role, User


def is_admin(user: User) -> bool:
    """Whether the user runs the site."""
    return user.role == Role.ADMIN


def can_view_bank(user: User, bank: QuestionBank) -> bool:
    """Owners and admins see a bank; every teacher sees the site's seed banks."""
    return is_admin(user) or bank.owner_id is None or bank.owner_id == user.id


def can_edit_bank(user: User, bank: QuestionBank) -> bool:
    """Only the owner (or an admin) changes a bank; seed banks are read-only to teachers."""
    return is_admin(user) or (bank.owner_id is not None and bank.owner_id == user.id)


def visible_banks(user: User) -> sa.ColumnElement[bool]:
    """A WHERE clause selecting the banks ``user`` may see."""
    if is_admin(user):
        return sa.true()
    return sa.or_(QuestionBank.owner_id.is_(None), QuestionBank.owner_id == user.id)


def can_manage_quiz(user: User, quiz: Quiz) -> bool:
    """The quiz's owner and admins build, publish and see results of a quiz."""
    return is_admin(user) or (quiz.owner_id is not None and quiz.owner_id == user.id)


def can_manage_class(user: User, classroom: Classroom) -> bool:
    """A class belongs to the teacher who made it (and admins)."""
    return is_admin(user) or classroom.owner_id == user.id


def require(allowed: bool) -> None:
    """Answer 404 unless ``allowed``: another teacher's objects do not exist for you."""
    if not allowed:
        abort(404)
