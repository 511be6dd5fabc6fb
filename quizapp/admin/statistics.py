"""Views for item statistics by generator rule and by source article, with CSV export."""

from flask import abort, flash, redirect, render_template, request

from quizapp.admin import bp, item_analysis, item_stats, recalculation
from quizapp.admin.forms import ActionForm
from quizapp.admin.item_stats import Grouping
from quizapp.security import safe_next_url
from quizapp.spreadsheet import csv_response

CSV_HEADER = [
    "group",
    "key",
    "questions in use",
    "answers",
    "mean facility",
    "mean discrimination",
    "challenges per answer",
    "rejections per review decision",
]


def _grouping() -> Grouping:
    try:
        return Grouping(request.args.get("by", Grouping.RULE.value))
    except ValueError:
        abort(404)


def _rounded(value: float | None, digits: int = 3) -> float | None:
    return None if value is None else round(value, digits)


@bp.route("/statistics")
def statistics():
    grouping = _grouping()
    sort = request.args.get("sort", "label")
    descending = request.args.get("order") == "desc"
    groups = item_stats.sort_groups(item_stats.group_stats(grouping), sort, descending)
    return render_template(
        "admin/statistics.html",
        stats_computed_at=item_analysis.computed_at(),
        grouping=grouping,
        groups=groups,
        sort=sort if sort in item_stats.SORT_KEYS else "label",
        descending=descending,
        min_answers=item_analysis.MIN_ANSWERS,
    )


@bp.route("/statistics.csv")
def statistics_csv():
    grouping = _grouping()
    groups = item_stats.sort_groups(item_stats.group_stats(grouping), "label", False)
    rows = [
        [
            group.label,
            group.key,
            group.in_use,
            group.answers,
            _rounded(group.facility),
            _rounded(group.discrimination),
            _rounded(group.challenges, 5),
            _rounded(group.rejections),
        ]
        for group in groups
    ]
    return csv_response(f"item-statistics-by-{grouping.value}.csv", CSV_HEADER, rows)


@bp.route("/statistics/questions")
def statistics_questions():
    grouping = _grouping()
    key = request.args.get("key", "")
    questions = item_stats.questions_of(grouping, key)
    if not questions:
        abort(404)
    return render_template(
        "admin/statistics_questions.html",
        stats_computed_at=item_analysis.computed_at(),
        grouping=grouping,
        key=key,
        label=item_stats.group_label(grouping, key),
        questions=questions,
        min_answers=item_analysis.MIN_ANSWERS,
    )


@bp.route("/statistics/recalculate", methods=["POST"])
def recalculate_statistics():
    if not ActionForm().validate_on_submit():
        abort(400)
    recalculation.recalculate()
    flash("Figures recalculated from every answer.", "success")
    return redirect(safe_next_url(request.args.get("next")))
