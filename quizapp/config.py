"""Default configuration; ``instance/config.py`` and ``QUIZAPP_*`` variables override it."""

from datetime import timedelta


class DefaultConfig:
    """Settings that suit one machine with SQLite; production overrides a few."""

    SQLALCHEMY_ENGINE_OPTIONS: dict = {}
    WTF_CSRF_TIME_LIMIT = None
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = False
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    PERMANENT_SESSION_LIFETIME = timedelta(days=7)
    MAX_CONTENT_LENGTH = 2 * 1024 * 1024
    RATELIMIT_STORAGE_URI = "memory://"
    RATELIMIT_HEADERS_ENABLED = True
    LOGIN_RATE_LIMIT = "10 per minute"
    LOGIN_ACCOUNT_RATE_LIMIT = "5 per minute"
    # Answers that arrive this long after an attempt's deadline still count.
    DEADLINE_GRACE_SECONDS = 5
    BOOTSTRAP_SERVE_LOCAL = True
    SEED_DIR = None
