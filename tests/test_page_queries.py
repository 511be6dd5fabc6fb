"""Every page a signed-in user can open costs the same queries with 1 bank or with 30."""

import pytest
import sqlalchemy as sa

from quizapp.extensions import db
from quizapp.models import QuestionBank
from tests.factories import make_bank, make_quiz
from tests.test_query_counts import count_queries

SKIPPED_ENDPOINTS = {"static", "bootstrap.static", "favicon", "auth.logout"}


def _pages_without_arguments(app) -> list[str]:
    return sorted(
        rule.rule
        for rule in app.url_map.iter_rules()
        if "GET" in rule.methods and not rule.arguments and rule.endpoint not in SKIPPED_ENDPOINTS
    )


def _grow_to(app, banks: int) -> None:
    with app.app_context():
        existing = db.session.scalar(sa.select(sa.func.count()).select_from(QuestionBank))
        for number in range(existing, banks):
            make_bank(slug=f"bank-{number}")
            make_quiz(slug=f"quiz-{number}", draw_count=3)


def _counts(app, client, urls) -> dict[str, int]:
    counts = {}
    for url in urls:
        with count_queries(app) as statements:
            status = client.get(url).status_code
        if status == 200:
            counts[url] = len(statements)
    return counts


@pytest.mark.parametrize("role", ["student", "teacher", "admin"])
def test_no_page_runs_more_queries_as_banks_and_quizzes_grow(request, app, client, auth, role):
    user = request.getfixturevalue(role)
    auth.login(user["email"])
    urls = _pages_without_arguments(app)
    _grow_to(app, 1)
    small = _counts(app, client, urls)
    _grow_to(app, 30)
    large = _counts(app, client, urls)
    assert small, "no page answered 200"
    assert set(small) == set(large)
    grown = {url: (small[url], large[url]) for url in small if large[url] != small[url]}
    assert not grown, f"query counts grew with the data: {grown}"
