"""Consistent copies of the database while the site runs.

SQLite in WAL mode keeps recently committed transactions in ``quizapp.db-wal``
until a checkpoint moves them into ``quizapp.db``: copying the main file alone
loses them. :func:`backup_sqlite` uses SQLite's online backup API instead,
which reads the database as one consistent snapshot, WAL included, while the
site goes on writing. PostgreSQL is backed up with its own ``pg_dump``.
"""

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa


class BackupError(Exception):
    """The backup could not be made; the message says why and what to do."""


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size_bytes: int
    tables: int


def sqlite_database_path(url: sa.URL) -> Path:
    """The file of a SQLite database URL (an in-memory database has none)."""
    if not url.database or url.database == ":memory:":
        raise BackupError("This SQLite database lives in memory: there is no file to back up.")
    return Path(url.database)


def backup_sqlite(source: Path, target: Path, *, overwrite: bool = False) -> BackupResult:
    """Copy the SQLite database ``source`` to ``target`` as one consistent snapshot.

    The copy is written next to ``target`` and renamed into place once it has
    passed SQLite's integrity check, so ``target`` is never a half-written file.
    """
    if not source.is_file():
        raise BackupError(f"No database file at {source}.")
    if target.exists() and not overwrite:
        raise BackupError(f"{target} already exists; choose a new name or pass --overwrite.")
    if target.resolve() == source.resolve():
        raise BackupError("The backup must not overwrite the database itself.")
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        _copy(source, partial)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    with sqlite3.connect(target) as check:
        tables = check.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()
    return BackupResult(path=target, size_bytes=target.stat().st_size, tables=tables[0])


def _copy(source: Path, partial: Path) -> None:
    origin = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=30)
    copy = sqlite3.connect(partial)
    try:
        # One step: a WAL reader never blocks the site's writers, and the copy is the
        # snapshot of a single read transaction.
        origin.backup(copy)
        # The copy stands alone: no WAL file beside it.
        copy.execute("PRAGMA journal_mode=DELETE")
        verdict = copy.execute("PRAGMA integrity_check").fetchone()[0]
        if verdict != "ok":
            raise BackupError(f"The copy failed SQLite's integrity check: {verdict}")
    except sqlite3.Error as error:
        raise BackupError(f"SQLite could not copy the database: {error}") from error
    finally:
        copy.close()
        origin.close()


def pg_dump_command(url: sa.URL, target: str) -> str:
    """The pg_dump command line that backs up a PostgreSQL database URL (password left out)."""
    libpq = sa.URL.create(
        "postgresql",
        username=url.username,
        host=url.host,
        port=url.port,
        database=url.database,
        query=url.query,
    )
    rendered = libpq.render_as_string(hide_password=False)
    return f"pg_dump --format=custom --file={target} '{rendered}'"
