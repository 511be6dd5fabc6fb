"""People who use the site."""

import enum
import secrets
from datetime import datetime

import sqlalchemy as sa
from flask_login import UserMixin
from sqlalchemy.orm import Mapped, mapped_column, validates

from quizapp.extensions import db
from quizapp.identity import identity_key
from quizapp.models.base import UTCDateTime, enum_column, utcnow


class Role(enum.StrEnum):
    STUDENT = "student"
    TEACHER = "teacher"
    ADMIN = "admin"


def new_session_token() -> str:
    """A random token that identifies a user's live sessions."""
    return secrets.token_urlsafe(32)


class User(UserMixin, db.Model):
    """An account. ``email`` is stored normalised, so it is unique as people see it.

    ``email_key`` is the address's confusable skeleton (quizapp.identity), set
    whenever ``email`` is; its unique constraint keeps look-alike addresses
    from making a second account, whichever code path creates it.
    """

    __tablename__ = "user"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(sa.String(254), unique=True)
    email_key: Mapped[str] = mapped_column(sa.String(1024), unique=True)
    display_name: Mapped[str] = mapped_column(sa.String(80))
    password_hash: Mapped[str] = mapped_column(sa.String(255))
    role: Mapped[Role] = mapped_column(enum_column(Role, "role"), default=Role.STUDENT)
    # Rotated at logout and password change: sessions that carry an old one end.
    session_token: Mapped[str] = mapped_column(
        sa.String(64), unique=True, default=new_session_token
    )
    # A deactivated account cannot log in; its data is kept.
    active: Mapped[bool] = mapped_column(default=True)
    # Set by an admin: the user must choose a new password at the next login.
    must_change_password: Mapped[bool] = mapped_column(default=False)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    @validates("email")
    def _set_email_key(self, _key: str, email: str) -> str:
        self.email_key = identity_key(email)
        return email

    @property
    def is_active(self) -> bool:
        return self.active

    def get_id(self) -> str:
        return self.session_token

    @property
    def is_teacher(self) -> bool:
        return self.role in (Role.TEACHER, Role.ADMIN)

    def __repr__(self) -> str:
        return f"<User {self.email} {self.role.value}>"
