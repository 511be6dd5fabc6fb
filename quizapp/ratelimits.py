"""A rate-limit store in a SQLite file, shared by every worker process on one machine.

Flask-Limiter keeps its counters in a ``limits`` storage. ``memory://`` is
per process, so with several gunicorn workers each would count on its own
and a limit of 5 would let 5 attempts through per worker. This storage
registers the ``sqlite://`` scheme with ``limits``: ``sqlite:////abs/path``
keeps fixed-window counters in one file that all workers share. Use Redis
(``redis://…``) when the app runs on several machines.
"""

import sqlite3
import threading
import time

from limits.storage import Storage

_SCHEMA = """
CREATE TABLE IF NOT EXISTS counter (
    key TEXT PRIMARY KEY,
    count INTEGER NOT NULL,
    expires_at REAL NOT NULL
)
"""
_INCREMENT = """
INSERT INTO counter (key, count, expires_at) VALUES (:key, :amount, :expires_at)
ON CONFLICT (key) DO UPDATE SET
    count = CASE WHEN expires_at <= :now THEN excluded.count ELSE count + excluded.count END,
    expires_at = CASE WHEN expires_at <= :now THEN excluded.expires_at ELSE expires_at END
RETURNING count
"""


class SQLiteStorage(Storage):
    """Fixed-window counters in a SQLite file (``sqlite:////path/to/file``)."""

    STORAGE_SCHEME = ["sqlite"]

    def __init__(self, uri: str, wrap_exceptions: bool = False, **options) -> None:
        super().__init__(uri, wrap_exceptions, **options)
        # As in SQLAlchemy: sqlite:///relative.db, sqlite:////absolute/path.db
        self.path = uri.removeprefix("sqlite:///")
        self._local = threading.local()

    @property
    def base_exceptions(self) -> type[Exception]:
        return sqlite3.Error

    def _connection(self) -> sqlite3.Connection:
        connection = getattr(self._local, "connection", None)
        if connection is None:
            connection = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")
            connection.execute(_SCHEMA)
            self._local.connection = connection
        return connection

    def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        now = time.time()
        values = {"key": key, "amount": amount, "expires_at": now + expiry, "now": now}
        (count,) = self._connection().execute(_INCREMENT, values).fetchone()
        return count

    def get(self, key: str) -> int:
        row = (
            self._connection()
            .execute(
                "SELECT count FROM counter WHERE key = ? AND expires_at > ?", (key, time.time())
            )
            .fetchone()
        )
        return row[0] if row else 0

    def get_expiry(self, key: str) -> float:
        now = time.time()
        row = (
            self._connection()
            .execute("SELECT expires_at FROM counter WHERE key = ? AND expires_at > ?", (key, now))
            .fetchone()
        )
        return row[0] if row else now

    def check(self) -> bool:
        try:
            self._connection().execute("SELECT 1").fetchone()
        except sqlite3.Error:
            return False
        return True

    def reset(self) -> int | None:
        return self._connection().execute("DELETE FROM counter").rowcount

    def clear(self, key: str) -> None:
        self._connection().execute("DELETE FROM counter WHERE key = ?", (key,))
