"""Password hashes: argon2id for new hashes, older formats still checked and upgraded.

The cost follows OWASP's Password Storage Cheat Sheet for argon2id (19 MiB of
memory, 2 iterations, 1 lane) and is configuration: ``PASSWORD_HASH_MEMORY_KIB``,
``PASSWORD_HASH_TIME_COST`` and ``PASSWORD_HASH_PARALLELISM``. Hashes made with
other settings, or with Werkzeug's scrypt and pbkdf2 from earlier releases,
still verify; :func:`needs_rehash` tells the login to store a fresh hash.
"""

import functools

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app, has_app_context
from werkzeug.security import check_password_hash

ARGON2_PREFIX = "$argon2"
DEFAULT_MEMORY_KIB = 19 * 1024
DEFAULT_TIME_COST = 2
DEFAULT_PARALLELISM = 1


@functools.cache
def _hasher(memory_kib: int, time_cost: int, parallelism: int) -> PasswordHasher:
    return PasswordHasher(
        time_cost=time_cost, memory_cost=memory_kib, parallelism=parallelism, type=Type.ID
    )


def hasher() -> PasswordHasher:
    """The argon2id hasher with the configured cost (the defaults outside an app)."""
    config = current_app.config if has_app_context() else {}
    return _hasher(
        int(config.get("PASSWORD_HASH_MEMORY_KIB", DEFAULT_MEMORY_KIB)),
        int(config.get("PASSWORD_HASH_TIME_COST", DEFAULT_TIME_COST)),
        int(config.get("PASSWORD_HASH_PARALLELISM", DEFAULT_PARALLELISM)),
    )


def hash_password(password: str) -> str:
    """An argon2id hash of the whole password (nothing is truncated)."""
    return hasher().hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    """Whether ``password`` matches ``password_hash`` (argon2, or Werkzeug's formats)."""
    if not password_hash.startswith(ARGON2_PREFIX):
        return check_password_hash(password_hash, password)
    try:
        return hasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    """Whether the hash is of an older format or cost than the configured one."""
    if not password_hash.startswith(ARGON2_PREFIX):
        return True
    try:
        return hasher().check_needs_rehash(password_hash)
    except InvalidHashError:
        return True
