"""The ``flask`` commands quizapp adds: users, seed, jobs, questions and ``db backup``."""

from flask import Flask


def register_commands(app: Flask) -> None:
    """Attach every command group to the application."""
    from flask_migrate.cli import db as database

    from quizapp.commands.backup import backup
    from quizapp.commands.jobs import jobs
    from quizapp.commands.questions import questions
    from quizapp.commands.seed import seed
    from quizapp.commands.users import users

    app.cli.add_command(users)
    app.cli.add_command(seed)
    app.cli.add_command(jobs)
    app.cli.add_command(questions)
    # Beside Flask-Migrate's own ``flask db upgrade``, ``downgrade``, ...
    database.add_command(backup)
