"""``flask questions import/export``: the command line uses the same code as the upload page."""

import json

import sqlalchemy as sa

from quizapp.extensions import db
from quizapp.models import AuditEvent, Question, QuestionBank, QuestionVersion
from tests.formats.conftest import FIXTURES


def count_questions(app) -> int:
    with app.app_context():
        return db.session.scalar(sa.select(sa.func.count(Question.id)))


def test_dry_run_json_prints_questions_and_problems_and_writes_nothing(app, runner):
    result = runner.invoke(
        args=["questions", "import", str(FIXTURES / "full.gift"), "--dry-run", "--json"]
    )
    assert result.exit_code == 1  # the file has problems (essay, description, cloze)
    document = json.loads(result.output)
    assert document["format"] == "gift"
    assert len(document["questions"]) == 19
    first = document["questions"][0]
    assert first["type"] == "mcq" and first["title"] == "Landing site"
    assert first["data"]["feedback"][0] == "Right: an ancient lake bed."
    assert {"line": 82, "message": document["problems"][0]["message"]} == document["problems"][0]
    assert count_questions(app) == 0


def test_dry_run_of_a_clean_file_exits_zero(app, runner):
    result = runner.invoke(args=["questions", "import", str(FIXTURES / "full.aiken"), "--dry-run"])
    assert result.exit_code == 0
    assert "aiken, 3 questions, 0 problems" in result.output


def test_import_refuses_a_file_with_problems_unless_allowed(app, runner):
    path = str(FIXTURES / "full.gift")
    refused = runner.invoke(args=["questions", "import", path, "--bank", "mars"])
    assert refused.exit_code == 1
    assert count_questions(app) == 0
    done = runner.invoke(args=["questions", "import", path, "--bank", "mars", "--allow-problems"])
    assert done.exit_code == 0, done.output
    assert "Imported 19 questions into bank mars" in done.output
    assert count_questions(app) == 19
    with app.app_context():
        event = db.session.scalar(sa.select(AuditEvent))
        assert event.action == "bank.imported"


def test_import_into_default_bank_then_export_every_format(app, runner, tmp_path):
    result = runner.invoke(args=["questions", "import", str(FIXTURES / "full.xml"),
                                 "--allow-problems"])  # fmt: skip
    assert result.exit_code == 0, result.output
    with app.app_context():
        bank = db.session.scalar(sa.select(QuestionBank))
        assert bank.slug == "full"
        versions = db.session.scalars(sa.select(QuestionVersion)).all()
        assert {v.type for v in versions} >= {"mcq", "multi", "numeric", "ordering"}
    for fmt in ("gift", "aiken", "moodlexml", "csv", "json"):
        out = tmp_path / f"bank.{fmt}"
        exported = runner.invoke(
            args=["questions", "export", "full", "--format", fmt, "-o", str(out)]
        )
        assert exported.exit_code == 0, exported.output
        assert out.stat().st_size > 0
    assert (
        "Not carried"
        in runner.invoke(args=["questions", "export", "full", "--format", "aiken"]).output
    )
    back = runner.invoke(args=["questions", "import", str(tmp_path / "bank.json"), "--bank",
                               "again"])  # fmt: skip
    assert back.exit_code == 0, back.output
    assert count_questions(app) == 14


def test_export_of_an_unknown_bank_fails(app, runner):
    result = runner.invoke(args=["questions", "export", "nope", "--format", "gift"])
    assert result.exit_code != 0
    assert "No bank with the slug 'nope'" in result.output


def test_json_export_of_a_seed_bank_reimports_with_its_sources(app, runner, tmp_path):
    from tests.factories import make_bank

    with app.app_context():
        make_bank()
    out = tmp_path / "bank.json"
    exported = runner.invoke(args=["questions", "export", "test-bank", "--format", "json",
                                   "-o", str(out)])  # fmt: skip
    assert exported.exit_code == 0, exported.output
    assert "Not carried" not in exported.output
    imported = runner.invoke(args=["questions", "import", str(out), "--bank", "copy"])
    assert imported.exit_code == 0, imported.output
    with app.app_context():
        rows = db.session.execute(
            sa.select(QuestionBank.slug, Question.key, QuestionVersion.sources,
                      QuestionVersion.article_id, QuestionVersion.data)
            .join(Question, Question.bank_id == QuestionBank.id)
            .join(QuestionVersion)
        ).all()  # fmt: skip
    original = {key: (sources, article, data) for slug, key, sources, article, data in rows
                if slug == "test-bank"}  # fmt: skip
    copied = {key: (sources, article, data) for slug, key, sources, article, data in rows
              if slug == "copy"}  # fmt: skip
    assert copied == original
    assert all(sources for sources, _, _ in copied.values())
