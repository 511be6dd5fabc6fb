"""Views for registration, login and logout."""

from flask import abort

from quizapp.auth import bp


@bp.route("/login")
def login():
    abort(404)


@bp.route("/register")
def register():
    abort(404)


@bp.route("/logout", methods=["POST"])
def logout():
    abort(404)
