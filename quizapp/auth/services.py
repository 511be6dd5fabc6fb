"""Account logic without HTTP: normalising emails, checking passwords, creating users."""

import functools
import secrets
import unicodedata

import sqlalchemy as sa
from email_validator import EmailNotValidError, validate_email
from sqlalchemy.exc import IntegrityError

from quizapp import identity, password_strength
from quizapp.database import writes
from quizapp.extensions import db
from quizapp.models import Role, User
from quizapp.models.base import utcnow
from quizapp.models.user import new_session_token
from quizapp.passwords import hash_password, needs_rehash, verify_password

PASSWORD_MIN_LENGTH = 10
PASSWORD_MAX_LENGTH = 256
DISPLAY_NAME_MAX_LENGTH = 80
EMAIL_MAX_LENGTH = 254

EMAIL_TAKEN_MESSAGE = "An account with this email address already exists. Log in instead."
PASSWORD_TOO_SHORT_MESSAGE = f"Use at least {PASSWORD_MIN_LENGTH} characters."
PASSWORD_TOO_LONG_MESSAGE = (
    f"Use at most {PASSWORD_MAX_LENGTH} characters; longer passwords are not accepted."
)
# email_validator refuses special-use domains (.local, .test, ...) outright. Accounts
# made by an administrator on a private network may use them, so such addresses are
# validated under this neutral suffix, which is dropped again afterwards.
_NEUTRAL_DOMAIN_SUFFIX = ".example"


class AccountError(ValueError):
    """An account could not be created or changed; the message is safe to show."""


class InvalidEmailError(AccountError):
    """The email address is not a valid address."""


class EmailTakenError(AccountError):
    """Another account already uses this (normalised) email address."""


class PasswordPolicyError(AccountError):
    """The password is too short or too long."""


class DisplayNameError(AccountError):
    """The display name is empty, too long, reserved or holds control characters."""


# Names that would pass for the site's staff; compared by identity key, so
# look-alikes ("Аdmin" with a Cyrillic А, "A d m i n", "Adm1n") are refused too.
RESERVED_NAMES = (
    "Administrator",
    "Admin",
    "Site admin",
    "Teacher",
    "Your teacher",
    "Moderator",
    "Staff",
    "Support",
    "Help desk",
    "System",
    "Root",
    "Superuser",
    "Owner",
    "Quizapp",
)
RESERVED_NAME_MESSAGE = "This name is kept for the site's staff; choose another."
BIDI_MESSAGE = (
    "The display name contains invisible text-direction characters; type it without them."
)


def _reserved_key(name: str) -> str:
    # TR39 keeps i and l apart once case is folded; a reserved name must not.
    return identity.name_key(name).replace("l", "i")


_RESERVED_KEYS = frozenset(_reserved_key(name) for name in RESERVED_NAMES)


def is_reserved_name(name: str) -> bool:
    """Whether a display name is, or looks like, one kept for the site's staff."""
    return _reserved_key(name) in _RESERVED_KEYS


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())


def normalize_email(raw: str, *, allow_reserved_domains: bool = False) -> str:
    """Return the canonical form of an email address, or raise :class:`InvalidEmailError`.

    Surrounding whitespace is dropped, the address is NFKC-normalised, checked for
    syntax and case-folded as a whole, so look-alikes (``Student@Example.org``,
    fullwidth letters) map to the same string. ``allow_reserved_domains`` also
    accepts special-use domains such as ``quizapp.local``.
    """
    candidate = unicodedata.normalize("NFKC", (raw or "").strip())
    if not candidate:
        raise InvalidEmailError("Enter your email address.")
    try:
        normalized = validate_email(candidate, check_deliverability=False).normalized
    except EmailNotValidError as error:
        if not (allow_reserved_domains and "special-use" in str(error)):
            raise InvalidEmailError(str(error)) from error
        try:
            normalized = validate_email(
                candidate + _NEUTRAL_DOMAIN_SUFFIX, check_deliverability=False
            ).normalized.removesuffix(_NEUTRAL_DOMAIN_SUFFIX)
        except EmailNotValidError as second_error:
            raise InvalidEmailError(str(second_error)) from second_error
    folded = _fold(normalized)
    if len(folded) > EMAIL_MAX_LENGTH:
        raise InvalidEmailError(f"An email address has at most {EMAIL_MAX_LENGTH} characters.")
    return folded


def fold_login_key(raw: str) -> str:
    """A per-account key for an email as typed: its normal form, or a folded fallback."""
    try:
        return normalize_email(raw, allow_reserved_domains=True)
    except InvalidEmailError:
        return _fold((raw or "").strip())[:EMAIL_MAX_LENGTH]


def check_password_policy(password: str, user_inputs: tuple[str, ...] = ()) -> None:
    """Raise :class:`PasswordPolicyError` unless the password is accepted.

    It must have an accepted length and must not be common, leaked or built from
    ``user_inputs`` (the account's email address and name).
    """
    if len(password) < PASSWORD_MIN_LENGTH:
        raise PasswordPolicyError(PASSWORD_TOO_SHORT_MESSAGE)
    if len(password) > PASSWORD_MAX_LENGTH:
        raise PasswordPolicyError(PASSWORD_TOO_LONG_MESSAGE)
    reason = password_strength.weakness(password, user_inputs)
    if reason:
        raise PasswordPolicyError(reason)


def clean_display_name(raw: str, *, allow_reserved: bool = False) -> str:
    """Return the display name trimmed, or raise :class:`DisplayNameError`.

    Text-direction controls are refused everywhere; names kept for staff
    unless ``allow_reserved`` (the site or an administrator naming an account).
    """
    name = " ".join((raw or "").split())
    if not name:
        raise DisplayNameError("Enter a display name.")
    if len(name) > DISPLAY_NAME_MAX_LENGTH:
        raise DisplayNameError(f"Use at most {DISPLAY_NAME_MAX_LENGTH} characters.")
    if identity.has_bidi_control(name):
        raise DisplayNameError(BIDI_MESSAGE)
    if any(unicodedata.category(char) == "Cc" for char in name):
        raise DisplayNameError("The display name contains control characters.")
    if not allow_reserved and is_reserved_name(name):
        raise DisplayNameError(RESERVED_NAME_MESSAGE)
    return name


@functools.cache
def _dummy_hash() -> str:
    return hash_password(secrets.token_urlsafe(16))


def find_user_by_email(email: str) -> User | None:
    """The user whose normalised email is ``email``, if any."""
    return db.session.scalar(sa.select(User).where(User.email == email))


def find_lookalike(email: str) -> User | None:
    """The account whose address is ``email`` or looks like it (same identity key), if any.

    Use it before creating accounts from any source (registration, the CLI,
    imports of user lists); the unique ``user.email_key`` backs it up in the
    database when two requests race.
    """
    return db.session.scalar(sa.select(User).where(User.email_key == identity.identity_key(email)))


def email_taken(email: str) -> bool:
    """Whether an account already uses this address or one that looks like it."""
    return find_lookalike(email) is not None


def admin_exists() -> bool:
    """Whether at least one admin account exists."""
    return db.session.scalar(sa.select(User.id).where(User.role == Role.ADMIN).limit(1)) is not None


def create_user(
    email: str,
    password: str,
    display_name: str,
    role: Role = Role.STUDENT,
    *,
    allow_reserved_domains: bool = False,
    allow_reserved_name: bool = False,
) -> User:
    """Create and commit a user after checking email, password and name.

    Raises an :class:`AccountError` subclass with a message fit for the person
    who typed the values; :class:`EmailTakenError` when an account with the
    address or a look-alike of it exists, also when a concurrent registration
    wins the race for it. No password is hashed for a refused account.
    """
    normalized = normalize_email(email, allow_reserved_domains=allow_reserved_domains)
    name = clean_display_name(display_name, allow_reserved=allow_reserved_name)
    check_password_policy(password, (normalized, name))
    if email_taken(normalized):
        raise EmailTakenError(EMAIL_TAKEN_MESSAGE)
    user = User(
        email=normalized,
        password_hash=hash_password(password),
        display_name=name,
        role=Role(role),
    )
    return _insert_user(user)


def register_student(email: str, password: str, display_name: str) -> User | None:
    """Self-registration: the new account, or None when the address (or a look-alike) is taken.

    The caller answers both cases alike, so the form tells nobody which
    addresses have accounts; a taken address costs the same password-hash time
    as a new one, so the answer's timing does not tell either. Raises
    :class:`AccountError` for invalid values (checked before any hashing).
    """
    try:
        return create_user(email, password, display_name)
    except EmailTakenError:
        verify_password(_dummy_hash(), password)
        return None


@writes
def _insert_user(user: User) -> User:
    db.session.add(user)
    try:
        db.session.commit()
    except IntegrityError as error:
        db.session.rollback()
        raise EmailTakenError(EMAIL_TAKEN_MESSAGE) from error
    return user


def authenticate(email: str, password: str) -> User | None:
    """Return the user with this email and password, or ``None``.

    A password is checked against a dummy hash when there is no such account,
    so both failures take about the same time.
    """
    try:
        user = find_user_by_email(normalize_email(email, allow_reserved_domains=True))
    except InvalidEmailError:
        user = None
    if user is None:
        verify_password(_dummy_hash(), password)
        return None
    if not verify_password(user.password_hash, password):
        return None
    if needs_rehash(user.password_hash):
        _store_password_hash(user, hash_password(password))
    return user


@writes
def _store_password_hash(user: User, password_hash: str) -> None:
    user.password_hash = password_hash
    db.session.commit()


def password_matches(user: User, password: str) -> bool:
    """Whether ``password`` is the user's password (over-long ones never are)."""
    if len(password) > PASSWORD_MAX_LENGTH:
        return False
    return verify_password(user.password_hash, password)


@writes
def end_all_sessions(user: User) -> None:
    """Rotate the user's session token: every session and remember cookie stops working."""
    user.session_token = new_session_token()
    db.session.commit()


def change_password(user: User, new_password: str) -> None:
    """Set a new password and end every existing session of the user."""
    check_password_policy(new_password)
    _change_password_hash(user, hash_password(new_password))


@writes
def _change_password_hash(user: User, password_hash: str) -> None:
    user.password_hash = password_hash
    user.must_change_password = False
    end_all_sessions(user)


@writes
def record_login(user: User) -> None:
    """Stamp the time of a successful login on the account."""
    user.last_login_at = utcnow()
    db.session.commit()


def generate_password() -> str:
    """A random password for an account made by the site itself."""
    return secrets.token_urlsafe(12)
