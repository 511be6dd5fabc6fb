"""Account logic without HTTP: creating users, checking passwords."""

from werkzeug.security import generate_password_hash

from quizapp.extensions import db
from quizapp.models import Role, User


def create_user(email: str, password: str, display_name: str, role: Role = Role.STUDENT) -> User:
    """Create and commit a user (provisional; the accounts module replaces this)."""
    user = User(
        email=email.strip().lower(),
        password_hash=generate_password_hash(password, method="scrypt"),
        display_name=display_name,
        role=role,
    )
    db.session.add(user)
    db.session.commit()
    return user
