"""``flask seed``: build, report and load the seeded question banks and quizzes."""

from collections.abc import Iterable
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

seed = AppGroup("seed", help="Build and load the seeded question banks and quizzes.")

seed_dir_option = click.option(
    "--seed-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="The seed directory (default: the app's SEED_DIR, ./seed).",
)


def _seed_dir(option: Path | None) -> Path:
    return option if option is not None else Path(current_app.config["SEED_DIR"])


def _echo_result(result: object) -> None:
    if result is None:
        return
    if isinstance(result, str):
        click.echo(result.rstrip("\n"))
    elif isinstance(result, Iterable):
        for item in result:
            click.echo(str(item))
    else:
        click.echo(str(result))


@seed.command("build")
@seed_dir_option
def build_command(seed_dir: Path | None) -> None:
    """Regenerate seed/banks/*.json from the articles in seed/articles/."""
    from quizapp.seedgen import build_banks

    _echo_result(build_banks(_seed_dir(seed_dir)))


@seed.command("report")
@seed_dir_option
def report_command(seed_dir: Path | None) -> None:
    """Print, per article, type and topic, the questions kept and the candidates rejected."""
    from quizapp.seedgen import report

    _echo_result(report(_seed_dir(seed_dir)))


@seed.command("load")
@seed_dir_option
def load_command(seed_dir: Path | None) -> None:
    """Load the banks and quizzes into the database (idempotent, all or nothing)."""
    from sqlalchemy.exc import SQLAlchemyError

    from quizapp.seeding import SeedError, load_seed

    try:
        summary = load_seed(_seed_dir(seed_dir))
    except SeedError as exc:
        raise click.ClickException(f"{exc}\nNothing was written.") from exc
    except SQLAlchemyError as exc:
        raise click.ClickException(
            f"the database refused the load: {exc}\nNothing was written."
        ) from exc
    for warning in summary.warnings:
        click.echo(f"Warning: {warning}", err=True)
    click.echo(summary.line())
