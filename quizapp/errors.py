"""Error pages in the site's design."""

from flask import Flask, render_template
from flask_limiter.errors import RateLimitExceeded
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from quizapp.extensions import db

ERROR_TITLES = {
    400: "Bad request",
    403: "Not allowed",
    404: "Page not found",
    405: "Method not allowed",
    413: "File too large",
    429: "Too many attempts",
    500: "Something went wrong",
}


def register(app: Flask) -> None:
    """Render HTTP errors and unexpected exceptions with the error template."""

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        code = error.code or 500
        description = error.description
        if isinstance(error, RateLimitExceeded):
            description = "Too many attempts. Please wait a minute and try again."
        return (
            render_template(
                "errors/error.html",
                code=code,
                title=ERROR_TITLES.get(code, error.name),
                description=description,
            ),
            code,
        )

    @app.errorhandler(CSRFError)
    def csrf_error(error: CSRFError):
        return (
            render_template(
                "errors/error.html",
                code=400,
                title="The form expired",
                description="The form expired; please try again.",
            ),
            400,
        )

    @app.errorhandler(Exception)
    def unexpected_error(error: Exception):
        if isinstance(error, HTTPException):
            return http_error(error)
        db.session.rollback()
        app.logger.exception("Unhandled error")
        return (
            render_template(
                "errors/error.html",
                code=500,
                title=ERROR_TITLES[500],
                description="The error has been logged. Your saved answers are safe.",
            ),
            500,
        )
