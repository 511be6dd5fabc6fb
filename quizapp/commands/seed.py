"""``flask seed``: build, report and load the question banks."""

import click


@click.group()
def seed() -> None:
    """Build and load the seeded question banks and quizzes."""
