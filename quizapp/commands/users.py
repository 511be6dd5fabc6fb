"""``flask users``: manage accounts from the command line."""

import click


@click.group()
def users() -> None:
    """Manage user accounts."""
