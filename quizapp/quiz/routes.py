"""Views for the quiz list, attempts and results."""

from flask import render_template

from quizapp.quiz import bp


@bp.route("/")
def home():
    return render_template("quiz/home.html")


@bp.route("/results")
def my_results():
    return render_template("quiz/home.html")
