"""Engine settings that make SQLite safe and fast under concurrent requests.

SQLite runs in WAL mode with a busy timeout. Reads start a plain (deferred)
transaction, so any number of requests read at once. Functions that write
are decorated with :func:`writes`: their transaction starts with
``BEGIN IMMEDIATE``, so writers queue for the lock up front instead of one
of them failing with "database is locked" when it upgrades a read
transaction whose snapshot another writer has made stale.
"""

import functools
import sqlite3
from collections.abc import Callable
from contextvars import ContextVar
from typing import ParamSpec, TypeVar

import sqlalchemy as sa
from flask import Flask

from quizapp.extensions import db

BUSY_TIMEOUT_SECONDS = 30

P = ParamSpec("P")
R = TypeVar("R")

_write_intent: ContextVar[bool] = ContextVar("write_intent", default=False)


def configure_engine_options(app: Flask) -> None:
    """Add SQLite connection arguments when the configured database is SQLite."""
    uri = app.config["SQLALCHEMY_DATABASE_URI"]
    options = dict(app.config.get("SQLALCHEMY_ENGINE_OPTIONS") or {})
    if uri.startswith("sqlite"):
        connect_args = dict(options.get("connect_args", {}))
        connect_args.setdefault("timeout", BUSY_TIMEOUT_SECONDS)
        options["connect_args"] = connect_args
    else:
        options.setdefault("pool_pre_ping", True)
    app.config["SQLALCHEMY_ENGINE_OPTIONS"] = options


def writes(func: Callable[P, R]) -> Callable[P, R]:
    """Run ``func`` in a transaction that holds the write lock from its first statement.

    A read transaction the caller left open is ended first (see
    :func:`_leave_read_transaction`; the caller must not have unsaved changes).
    Nested calls share the outer transaction.
    """

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        if _write_intent.get():
            return func(*args, **kwargs)
        if db.session().in_transaction():
            _leave_read_transaction()
        token = _write_intent.set(True)
        try:
            return func(*args, **kwargs)
        finally:
            _write_intent.reset(token)

    return wrapper


def _leave_read_transaction() -> None:
    """Make the next statement see what other writers committed, with every object expired.

    SQLite can take the write lock only in a new transaction (``BEGIN
    IMMEDIATE``), so the read transaction is committed. Other databases run
    at READ COMMITTED, where each statement already sees the latest commits:
    the write goes on in the same transaction, on the same connection, and
    expiring the loaded objects makes them reload as they would after a
    commit, without the three round trips of COMMIT, a pool checkout's ping
    and BEGIN.
    """
    if db.session.get_bind().dialect.name == "sqlite":
        db.session.commit()
    else:
        db.session.expire_all()


@sa.event.listens_for(sa.Engine, "connect")
def _sqlite_on_connect(dbapi_connection, _record) -> None:
    if not isinstance(dbapi_connection, sqlite3.Connection):
        return
    # Let SQLAlchemy issue BEGIN itself (see _sqlite_on_begin).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_SECONDS * 1000}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


@sa.event.listens_for(sa.Engine, "begin")
def _sqlite_on_begin(connection) -> None:
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("BEGIN IMMEDIATE" if _write_intent.get() else "BEGIN")
