"""Gunicorn settings for serving quizapp: ``gunicorn -c python:quizapp.serving``.

``make run`` serves with them; pass the same ``-c`` wherever gunicorn serves
the app. Each worker loads the grading word lists before it takes its first
request: loaded on first use they take seconds, inside the submission that
needed them, which would hold the database's write lock all that time.
"""

from quizapp.questiontypes.typed_answers import load_language_data


def post_worker_init(worker) -> None:
    """Ready the worker's grading before it serves (gunicorn calls this after loading the app)."""
    load_language_data()
