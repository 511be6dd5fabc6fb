"""Default configuration; ``instance/config.py`` and ``QUIZAPP_*`` variables override it."""

from datetime import timedelta


class DefaultConfig:
    """Settings that suit one machine with SQLite; production overrides a few.

    Behind HTTPS set ``QUIZAPP_SESSION_COOKIE_SECURE=true`` and
    ``QUIZAPP_REMEMBER_COOKIE_SECURE=true`` so cookies are only sent over TLS.
    Rate-limit counters live in ``instance/ratelimits.sqlite3``, shared by the
    workers of one machine; with several hosts share them with
    ``QUIZAPP_RATELIMIT_STORAGE_URI=redis://127.0.0.1:6379``.
    """

    SQLALCHEMY_ENGINE_OPTIONS: dict = {}
    WTF_CSRF_TIME_LIMIT = None
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = False
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_SECURE = False
    REMEMBER_COOKIE_DURATION = timedelta(days=30)
    PERMANENT_SESSION_LIFETIME = timedelta(days=7)
    MAX_CONTENT_LENGTH = 2 * 1024 * 1024
    RATELIMIT_ENABLED = True
    # None: a SQLite file in the instance folder (quizapp/ratelimits.py).
    RATELIMIT_STORAGE_URI = None
    RATELIMIT_KEY_PREFIX = "quizapp"
    RATELIMIT_HEADERS_ENABLED = True
    # Failed logins allowed per client address.
    LOGIN_RATE_LIMIT = "10 per minute"
    # Failed logins allowed per account (key: the normalised email typed).
    LOGIN_ACCOUNT_RATE_LIMIT = "5 per minute"
    # Registration attempts (any outcome) allowed per client address. A class
    # registering behind one school address needs room: raise it there.
    REGISTRATION_RATE_LIMIT = "30 per hour;100 per day"
    # argon2id cost (OWASP's recommendation); older hashes are upgraded at the next login.
    PASSWORD_HASH_MEMORY_KIB = 19 * 1024
    PASSWORD_HASH_TIME_COST = 2
    PASSWORD_HASH_PARALLELISM = 1
    # Wrong class join codes allowed per client address and per student.
    JOIN_RATE_LIMIT = "10 per minute"
    # Answers that arrive this long after an attempt's deadline still count.
    DEADLINE_GRACE_SECONDS = 5
    BOOTSTRAP_SERVE_LOCAL = True
    # How many reverse proxies in front of the app set X-Forwarded-* (0: none).
    TRUSTED_PROXIES = 0
    SEED_DIR = None
    # Admin actions ask for the password again when it was last typed longer ago than this.
    FRESH_LOGIN_MINUTES = 15
    # Background jobs: unset keeps the queue in instance/jobs.sqlite3; redis://… shares it.
    JOBS_BROKER_URL = None
    JOBS_QUEUE_NAME = "quizapp"
    # The queue's SQLite file when JOBS_BROKER_URL is unset (default: instance/jobs.sqlite3).
    JOBS_SQLITE_PATH = None
    # Run a job consumer in threads inside each web process (single machine).
    JOBS_IN_PROCESS = True
    # Run the periodic housekeeping (closing expired attempts, the admin figures).
    JOBS_PERIODIC = True
    # A job still running after this long is taken to have died with its worker.
    JOBS_STALE_AFTER_MINUTES = 30
    # A confirmed question import of more questions than this runs as a background job.
    IMPORT_JOB_THRESHOLD = 500
