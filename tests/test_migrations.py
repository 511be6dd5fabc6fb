"""The migrations build exactly the schema the models describe, and can be undone."""

import os

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from quizapp import create_app
from quizapp.extensions import db

TEST_DATABASE_URI = os.environ.get("QUIZAPP_TEST_DATABASE_URI", "")

# Flask-Migrate's stock env.py tries the deprecated ``db.get_engine()`` first.
pytestmark = pytest.mark.filterwarnings("ignore:'get_engine' is deprecated:DeprecationWarning")


def _reset(engine: sa.Engine) -> None:
    """Leave the database empty: no tables, no alembic_version."""
    if engine.dialect.name == "postgresql":
        with engine.begin() as connection:
            connection.execute(sa.text("DROP SCHEMA public CASCADE"))
            connection.execute(sa.text("CREATE SCHEMA public"))
    else:
        metadata = sa.MetaData()
        metadata.reflect(engine)
        metadata.drop_all(engine)


def _database_uris() -> list:
    uris = [pytest.param("sqlite", id="sqlite")]
    if TEST_DATABASE_URI.startswith("postgresql"):
        uris.append(pytest.param(TEST_DATABASE_URI, id="postgresql", marks=pytest.mark.postgres))
    return uris


@pytest.fixture(params=_database_uris())
def migration_app(request, tmp_path):
    """An application on an empty database that nothing has created tables in."""
    uri = request.param
    if uri == "sqlite":
        uri = f"sqlite:///{tmp_path / 'migrations.db'}"
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test-secret-key",
            "SQLALCHEMY_DATABASE_URI": uri,
            "JOBS_BROKER_URL": "memory://",
        }
    )
    with app.app_context():
        _reset(db.engine)
    yield app
    with app.app_context():
        db.session.remove()
        _reset(db.engine)
        db.engine.dispose()


def _schema_differences(app) -> list:
    with app.app_context(), db.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "compare_server_default": True}
        )
        return compare_metadata(context, db.metadata)


def _table_names(app) -> set[str]:
    with app.app_context():
        return set(sa.inspect(db.engine).get_table_names())


def _flask_db(app, *args: str):
    result = app.test_cli_runner().invoke(args=["db", *args])
    assert result.exit_code == 0, result.output + repr(result.exception)
    return result


def test_upgrade_on_empty_database_gives_exactly_the_models_schema(migration_app):
    _flask_db(migration_app, "upgrade")

    assert _schema_differences(migration_app) == []
    assert set(db.metadata.tables) <= _table_names(migration_app)


def test_downgrade_to_base_then_upgrade_again(migration_app):
    _flask_db(migration_app, "upgrade")

    _flask_db(migration_app, "downgrade", "base")
    assert _table_names(migration_app) <= {"alembic_version"}

    _flask_db(migration_app, "upgrade", "head")
    assert _schema_differences(migration_app) == []


def test_upgrade_twice_is_a_no_op(migration_app):
    _flask_db(migration_app, "upgrade")
    _flask_db(migration_app, "upgrade")

    assert _schema_differences(migration_app) == []


def _model_check_constraints() -> set[tuple[str, str]]:
    names = set()
    for table in db.metadata.tables.values():
        for constraint in table.constraints:
            if isinstance(constraint, sa.CheckConstraint):
                names.add((table.name, str(constraint.name)))
    return names


def test_upgrade_creates_every_named_check_constraint(migration_app):
    # compare_metadata does not look at CHECK constraints; compare their names here.
    _flask_db(migration_app, "upgrade")

    with migration_app.app_context():
        inspector = sa.inspect(db.engine)
        created = {
            (table, check["name"])
            for table in db.metadata.tables
            for check in inspector.get_check_constraints(table)
        }
    assert created == _model_check_constraints()


def _insert_question_with_a_span(app) -> None:
    statements = [
        "INSERT INTO article (id, slug, title, publisher, sha256, raw_text, created_at)"
        " VALUES (1, 'a', 'A', 'P', 'x', 'One. Two.', '2021-02-19 00:00:00')",
        "INSERT INTO question_bank (id, slug, name, description, article_id, created_at)"
        " VALUES (1, 'b', 'B', '', 1, '2021-02-19 00:00:00')",
        "INSERT INTO question (id, bank_id, key, topic, status, current_version,"
        " created_at, updated_at) VALUES (1, 1, 'q', 'landing', 'published', 1,"
        " '2021-02-19 00:00:00', '2021-02-19 00:00:00')",
        "INSERT INTO question_version (id, question_id, number, type, prompt, data,"
        " explanation, difficulty, article_id, source_start, source_end, source_text,"
        " created_at) VALUES (1, 1, 1, 'truefalse', 'Two.', '{\"answer\": true}', '',"
        " 'easy', 1, 5, 9, 'Two.', '2021-02-19 00:00:00')",
    ]
    with app.app_context(), db.engine.begin() as connection:
        for statement in statements:
            connection.execute(sa.text(statement))


def test_a_single_cited_span_becomes_a_list_of_sources_and_back(migration_app):
    _flask_db(migration_app, "upgrade", "d587f560ba52")
    _insert_question_with_a_span(migration_app)

    _flask_db(migration_app, "upgrade")

    with migration_app.app_context():
        from quizapp.models import QuestionVersion

        version = db.session.get(QuestionVersion, 1)
        assert version.sources == [{"start": 5, "end": 9, "text": "Two."}]
        assert version.prompt_format.value == "plain"
        assert version.title == "" and version.change_note == ""
        db.session.remove()

    _flask_db(migration_app, "downgrade", "d587f560ba52")

    with migration_app.app_context(), db.engine.connect() as connection:
        row = connection.execute(
            sa.text("SELECT source_start, source_end, source_text FROM question_version")
        ).one()
    assert tuple(row) == (5, 9, "Two.")


def test_feedback_timing_becomes_review_options_and_back(migration_app):
    _flask_db(migration_app, "upgrade", "b1f0a2c3d4e5")
    timings = {1: "after_submit", 2: "after_close", 3: "never"}
    with migration_app.app_context(), db.engine.begin() as connection:
        for quiz_id, timing in timings.items():
            connection.execute(
                sa.text(
                    "INSERT INTO quiz (id, slug, title, topic, description, selection, draw_count,"
                    " grading_method, shuffle_questions, shuffle_options, feedback_timing,"
                    " is_published, created_at) VALUES (:id, :slug, 'Q', 'landing', '', 'pool', 5,"
                    " 'highest', true, true, :timing, true, '2026-01-01 00:00:00')"
                ),
                {"id": quiz_id, "slug": f"quiz-{quiz_id}", "timing": timing},
            )

    _flask_db(migration_app, "upgrade")

    with migration_app.app_context():
        from quizapp.models import Quiz, ReviewMoment

        always, after_close, none = (
            ReviewMoment.ALWAYS,
            ReviewMoment.AFTER_CLOSE,
            ReviewMoment.NONE,
        )
        moments = {
            quiz.id: (
                quiz.review_score,
                quiz.review_answers,
                quiz.review_correct,
                quiz.review_feedback,
            )
            for quiz in db.session.scalars(sa.select(Quiz))
        }
        assert moments == {
            1: (always, always, always, always),
            2: (always, after_close, after_close, after_close),
            3: (always, none, none, none),
        }
        db.session.remove()

    _flask_db(migration_app, "downgrade", "b1f0a2c3d4e5")

    with migration_app.app_context(), db.engine.connect() as connection:
        rows = connection.execute(sa.text("SELECT id, feedback_timing FROM quiz ORDER BY id"))
        assert dict(rows.all()) == timings


def test_existing_accounts_get_identity_keys_and_lookalikes_are_kept(migration_app):
    _flask_db(migration_app, "upgrade", "9fe46b924f26")
    emails = {1: "alice@example.org", 2: "аlice@example.org", 3: "bob@example.org"}
    with migration_app.app_context(), db.engine.begin() as connection:
        for user_id, email in emails.items():
            connection.execute(
                sa.text(
                    'INSERT INTO "user" (id, email, display_name, password_hash, role,'
                    " session_token, active, must_change_password, created_at)"
                    " VALUES (:id, :email, 'U', 'x', 'student', :token, true, false,"
                    " '2026-01-01 00:00:00')"
                ),
                {"id": user_id, "email": email, "token": f"token-{user_id}"},
            )

    _flask_db(migration_app, "upgrade")

    with migration_app.app_context(), db.engine.connect() as connection:
        keys = dict(connection.execute(sa.text('SELECT id, email_key FROM "user"')).all())
    assert keys == {1: "alice@example.org", 2: "alice@example.org#2", 3: "bob@example.org"}

    _flask_db(migration_app, "downgrade", "9fe46b924f26")
    with migration_app.app_context(), db.engine.connect() as connection:
        rows = connection.execute(sa.text('SELECT id, email FROM "user" ORDER BY id')).all()
    assert dict(rows) == emails


def test_existing_attempts_get_the_number_of_questions_they_showed(migration_app):
    import random

    from quizapp.auth.services import create_user
    from quizapp.quiz.attempts import start_attempt
    from tests.factories import make_bank, make_quiz

    _flask_db(migration_app, "upgrade")
    with migration_app.app_context():
        make_bank()
        quiz = make_quiz(draw_count=3)
        user = create_user("counted@example.org", "correct horse battery", "Counted")
        start_attempt(user.id, quiz, rng=random.Random(1))
        db.session.remove()

    _flask_db(migration_app, "downgrade", "f4c8a2e6b9d3")
    _flask_db(migration_app, "upgrade")

    with migration_app.app_context(), db.engine.connect() as connection:
        counts = connection.execute(
            sa.text(
                "SELECT attempt.question_count, count(response.id) FROM attempt"
                " JOIN response ON response.attempt_id = attempt.id"
                " GROUP BY attempt.id, attempt.question_count"
            )
        ).all()
    assert [tuple(row) for row in counts] == [(3, 3)]
