"""Gunicorn settings for serving quizapp: ``gunicorn -c python:quizapp.serving``.

``make run`` serves with them; pass the same ``-c`` wherever gunicorn serves
the app. Grading needs word lists and an inflection engine that take seconds
of CPU to load (importing ``inflect`` alone takes most of them). The master
loads them once before it forks its workers, so every worker starts with
them: loaded on first use they would cost seconds inside the submission that
needed them, holding the database's write lock all that time, and loaded by
each worker as it starts they would slow every request while a class is
arriving.
"""

from quizapp.questiontypes.typed_answers import load_language_data

READY_MESSAGE = "Worker ready: pid %s"


def on_starting(server) -> None:
    """Load the grading word lists in the master, before any worker is forked."""
    load_language_data()


def post_worker_init(worker) -> None:
    """Make sure the worker has them (instant when inherited), then say it is ready."""
    load_language_data()
    worker.log.info(READY_MESSAGE, worker.pid)
