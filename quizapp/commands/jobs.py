"""``flask jobs``: run the background job consumer."""

import click
from flask.cli import AppGroup

from quizapp.jobs import queue

jobs = AppGroup("jobs", help="Run the background job consumer.")


@jobs.command("worker")
@click.option("--workers", default=2, show_default=True, help="Jobs run at the same time.")
def worker(workers: int) -> None:
    """Run jobs from the queue until stopped (Ctrl-C or SIGTERM finish the running ones)."""
    if queue().huey.immediate:
        raise click.ClickException("JOBS_BROKER_URL is memory://: jobs run when enqueued.")
    queue().consumer(workers).run()
