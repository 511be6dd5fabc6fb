"""Classes, join codes and rosters.

A join code is drawn with :mod:`secrets` from letters and digits nobody
confuses (no 0/O, 1/I/L); the unique constraint on ``classroom.join_code``,
not a lookup beforehand, guarantees two classes never share one.
"""

import secrets
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from quizapp import audit
from quizapp.database import writes
from quizapp.extensions import db
from quizapp.models import Classroom, Enrollment, Role, User
from quizapp.models.base import utcnow

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
CODE_TRIES = 8


class JoinError(Exception):
    """A join code that does not let the student in; the message says why."""


def new_join_code() -> str:
    """A random join code of unambiguous characters."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(text: str) -> str:
    """The code as typed, upper-cased, without spaces or dashes."""
    return "".join(ch for ch in (text or "").upper() if ch not in " -\t")


def _with_fresh_code(apply) -> None:
    """Run ``apply(code)`` and commit, drawing a new code when it collides."""
    for _ in range(CODE_TRIES):
        try:
            with db.session.begin_nested():
                apply(new_join_code())
        except IntegrityError:
            continue
        db.session.commit()
        return
    db.session.rollback()
    raise RuntimeError("Could not draw an unused join code.")


@writes
def create_class(owner: User, name: str) -> Classroom:
    """A new class owned by ``owner`` with a fresh join code."""
    classroom = Classroom(name=name.strip(), owner_id=owner.id)

    def apply(code: str) -> None:
        classroom.join_code = code
        db.session.add(classroom)
        db.session.flush()
        audit.record(
            "class.created",
            target_type="classroom",
            target_id=classroom.id,
            summary=f"Created class {classroom.name}",
        )

    _with_fresh_code(apply)
    return classroom


@writes
def rotate_code(classroom_id: int) -> str:
    """Give the class a new join code; the old one stops working."""
    classroom = db.session.get(Classroom, classroom_id)
    old = classroom.join_code

    def apply(code: str) -> None:
        classroom.join_code = code
        db.session.flush()
        audit.record(
            "class.code_rotated",
            target_type="classroom",
            target_id=classroom.id,
            summary=f"New join code for {classroom.name}",
        )

    _with_fresh_code(apply)
    return old


@writes
def set_join_open(classroom_id: int, is_open: bool) -> None:
    """Open or close the class to new students."""
    classroom = db.session.get(Classroom, classroom_id)
    classroom.join_open = is_open
    audit.record(
        "class.join_opened" if is_open else "class.join_closed",
        target_type="classroom",
        target_id=classroom.id,
        summary=f"{'Opened' if is_open else 'Closed'} joining for {classroom.name}",
    )
    db.session.commit()


@writes
def join_class(user: User, code: str) -> Classroom:
    """Enrol ``user`` in the class with the join code; joining twice is harmless.

    Raises JoinError with a message for the student.
    """
    code = normalise_code(code)
    classroom = db.session.scalar(sa.select(Classroom).where(Classroom.join_code == code))
    if classroom is None:
        db.session.rollback()
        raise JoinError("No class has this code. Check it with your teacher.")
    if not classroom.join_open or classroom.archived_at is not None:
        db.session.rollback()
        raise JoinError("This class is not taking new students. Ask your teacher.")
    if classroom.owner_id == user.id:
        db.session.rollback()
        raise JoinError("This is your own class.")
    db.session.add(Enrollment(classroom_id=classroom.id, user_id=user.id))
    try:
        db.session.commit()
    except IntegrityError:
        # Already enrolled (perhaps by a second click at the same moment).
        db.session.rollback()
    return classroom


@writes
def remove_student(classroom_id: int, user_id: int) -> bool:
    """Take a student off the roster; False when they were not on it."""
    enrollment = db.session.get(Enrollment, (classroom_id, user_id))
    if enrollment is None:
        db.session.rollback()
        return False
    student = db.session.get(User, user_id)
    db.session.delete(enrollment)
    audit.record(
        "class.student_removed",
        target_type="classroom",
        target_id=classroom_id,
        summary=f"Removed {student.display_name} ({student.email})",
    )
    db.session.commit()
    return True


@writes
def archive_class(classroom_id: int) -> None:
    """Hide the class from the teacher's list and stop joining; its records stay."""
    classroom = db.session.get(Classroom, classroom_id)
    classroom.archived_at = utcnow()
    classroom.join_open = False
    audit.record(
        "class.archived",
        target_type="classroom",
        target_id=classroom.id,
        summary=f"Archived {classroom.name}",
    )
    db.session.commit()


@dataclass(frozen=True)
class ClassRow:
    classroom: Classroom
    students: int


def classes_of(owner: User) -> list[ClassRow]:
    """The teacher's current classes with their roster sizes (all classes for an admin)."""
    query = (
        sa.select(Classroom, sa.func.count(Enrollment.user_id))
        .outerjoin(Enrollment, Enrollment.classroom_id == Classroom.id)
        .where(Classroom.archived_at.is_(None))
        .group_by(Classroom.id)
        .order_by(Classroom.name, Classroom.id)
    )
    if owner.role != Role.ADMIN:
        query = query.where(Classroom.owner_id == owner.id)
    return [ClassRow(classroom, count) for classroom, count in db.session.execute(query)]


def roster(classroom_id: int) -> list[tuple[User, Enrollment]]:
    """The class's students, by name."""
    return list(
        db.session.execute(
            sa.select(User, Enrollment)
            .join(Enrollment, Enrollment.user_id == User.id)
            .where(Enrollment.classroom_id == classroom_id)
            .order_by(User.display_name, User.id)
        )
    )


# Every student's home page runs this query: built once, with the student bound.
_CLASSES_JOINED = (
    sa.select(Classroom)
    .join(Enrollment, Enrollment.classroom_id == Classroom.id)
    .where(Enrollment.user_id == sa.bindparam("user_id"), Classroom.archived_at.is_(None))
    .order_by(Classroom.name)
)


def classes_joined(user_id: int) -> list[Classroom]:
    """The classes a student belongs to."""
    return list(db.session.scalars(_CLASSES_JOINED, {"user_id": user_id}))
