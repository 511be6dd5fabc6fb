"""The admin dashboard: the site at a glance, with charts drawn on the server."""

from flask import render_template

from quizapp.admin import bp, charts, item_analysis, site_stats


def _attempts_chart(days: list) -> charts.Chart:
    total = sum(n for _, n in days)
    busiest = max(days, key=lambda pair: pair[1])
    return charts.column_chart(
        "attempts-per-day",
        f"Attempts started per day, last {len(days)} days",
        f"{total:,} attempts in {len(days)} days; the busiest day was "
        f"{busiest[0].isoformat()} with {busiest[1]:,}.",
        [f"{day:%b} {day.day}" for day, _ in days],
        [n for _, n in days],
        headers=("Day", "Attempts"),
        label_every=7,
        show_values=False,
    )


def _score_chart(quiz: site_stats.QuizScores) -> charts.Chart:
    width = 100 // site_stats.SCORE_BINS
    labels = [f"{b * width}–{b * width + width - 1}%" for b in range(site_stats.SCORE_BINS)]
    labels[-1] = f"{100 - width}–100%"
    return charts.column_chart(
        f"scores-{quiz.quiz_id}",
        f"Scores in “{quiz.title}”",
        f"How {quiz.attempts:,} finished attempts scored, in bands of {width} percentage points.",
        labels,
        quiz.bins,
        headers=("Score band", "Attempts"),
        label_every=2,
        x_axis_label="Score",
    )


@bp.route("/")
def dashboard():
    moments = item_analysis.version_moments()
    figures = site_stats.stored_dashboard_figures()
    return render_template(
        "admin/dashboard.html",
        figures=figures,
        stats_computed_at=figures.computed_at if figures else None,
        people=figures.people if figures else [],
        active_days=site_stats.ACTIVE_DAYS,
        queue=site_stats.review_queue(),
        attempts_chart=_attempts_chart(figures.attempts_per_day) if figures else None,
        score_charts=[_score_chart(quiz) for quiz in figures.score_distributions]
        if figures
        else [],
        hardest=site_stats.hardest_questions(moments),
        challenged=site_stats.most_challenged_questions(),
        min_answers=item_analysis.MIN_ANSWERS,
    )
