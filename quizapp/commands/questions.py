"""``flask questions``: import and export question sets (the upload page's code path)."""

import json
import sys
from pathlib import Path

import click
import sqlalchemy as sa
from flask.cli import AppGroup
from slugify import slugify

from quizapp import audit, formats
from quizapp.database import writes
from quizapp.extensions import db
from quizapp.formats.store import bank_document_meta, bank_questions, import_questions
from quizapp.models import QuestionBank
from quizapp.question_banks import create_bank

questions = AppGroup("questions", help="Import and export question sets.")
# The command line reads larger files than the upload page allows.
CLI_MAX_BYTES = 64 * 1024 * 1024


@writes
def _store(result: formats.ParseResult, bank_slug: str) -> QuestionBank:
    bank = db.session.scalar(sa.select(QuestionBank).where(QuestionBank.slug == bank_slug))
    if bank is None:
        bank = create_bank(bank_slug, None, slug=bank_slug)
    count = import_questions(bank, result.questions, author_id=None)
    audit.record(
        "bank.imported",
        target_type="question_bank",
        target_id=bank.id,
        summary=f"Imported {count} {result.format} questions into {bank.name} (command line)",
    )
    db.session.commit()
    return bank


@questions.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["auto", *formats.FORMAT_NAMES]), default="auto",
              show_default=True)  # fmt: skip
@click.option(
    "--bank", "bank_slug", help="The bank's slug (created if missing; default: file name)."
)
@click.option("--dry-run", is_flag=True, help="Parse and report; write nothing.")
@click.option(
    "--json", "as_json", is_flag=True, help="Print the parsed questions and problems as JSON."
)
@click.option("--allow-problems", is_flag=True, help="Import the good questions despite problems.")
def import_command(path: Path, fmt: str, bank_slug: str | None, dry_run: bool, as_json: bool,
                   allow_problems: bool) -> None:  # fmt: skip
    """Import the questions of PATH into a bank (all or nothing)."""
    if path.stat().st_size > CLI_MAX_BYTES:
        raise click.ClickException(f"{path} is larger than {CLI_MAX_BYTES // 2**20} MB.")
    result = formats.read(path.read_bytes(), fmt)
    if as_json:
        click.echo(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(f"{path}: {result.format}, {len(result.questions)} questions, "
                   f"{len(result.problems)} problems")  # fmt: skip
        for problem in result.problems:
            click.echo(f"  {problem.where() or 'File'}: {problem.message}", err=True)
    if dry_run:
        sys.exit(1 if result.problems else 0)
    if result.problems and not allow_problems:
        click.echo("Nothing imported: fix the problems, or pass --allow-problems.", err=True)
        sys.exit(1)
    if not result.questions:
        raise click.ClickException("No questions to import.")
    bank = _store(result, bank_slug or formats_slug(path))
    if not as_json:
        click.echo(f"Imported {len(result.questions)} questions into bank {bank.slug}.")


def formats_slug(path: Path) -> str:
    """The default bank slug for a file: its name without extensions."""
    return slugify(path.name.split(".")[0], max_length=60) or "imported"


@questions.command("export")
@click.argument("bank_slug", metavar="BANK")
@click.option("--format", "fmt", type=click.Choice(formats.FORMAT_NAMES), required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file (default: standard output).")  # fmt: skip
def export_command(bank_slug: str, fmt: str, output: Path | None) -> None:
    """Export BANK (its slug) in a format; what the format cannot carry is listed."""
    bank = db.session.scalar(sa.select(QuestionBank).where(QuestionBank.slug == bank_slug))
    if bank is None:
        raise click.ClickException(f"No bank with the slug {bank_slug!r}.")
    extra = bank_document_meta(bank) if fmt == "json" else {}
    text, lost = formats.write(bank_questions(bank), fmt, **extra)
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8", newline="")
        click.echo(f"Wrote {output}.", err=True)
    for item in lost:
        click.echo(f"Not carried: {item}", err=True)
