"""``flask db backup PATH``: a consistent copy of the database while the site runs."""

from pathlib import Path

import click
from flask.cli import with_appcontext

from quizapp import backup as backups
from quizapp.extensions import db

PG_RESTORE_HINT = "Restore it with: pg_restore --clean --if-exists --no-owner --dbname=URL PATH"


@click.command("backup")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--overwrite", is_flag=True, help="Replace PATH if it exists.")
@with_appcontext
def backup(path: Path, overwrite: bool) -> None:
    """Write a consistent snapshot of the SQLite database to PATH (PostgreSQL: use pg_dump)."""
    url = db.engine.url
    backend = url.get_backend_name()
    if backend == "postgresql":
        raise click.ClickException(
            "This site runs on PostgreSQL: back it up with pg_dump, which takes a consistent "
            f"snapshot while the site runs:\n  {backups.pg_dump_command(url, str(path))}\n"
            f"{PG_RESTORE_HINT}"
        )
    if backend != "sqlite":
        raise click.ClickException(f"No backup method for a {backend} database.")
    try:
        source = backups.sqlite_database_path(url)
        result = backups.backup_sqlite(source, path, overwrite=overwrite)
    except backups.BackupError as error:
        raise click.ClickException(str(error)) from error
    click.echo(
        f"Backed up {source} to {result.path} ({result.size_bytes} bytes, "
        f"{result.tables} tables): every transaction committed before the backup began."
    )
