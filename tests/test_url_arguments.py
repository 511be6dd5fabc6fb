"""Sweep every URL rule with an argument: values no database can hold are a 404, never a 500.

The rules come from ``app.url_map``, so a page added later is swept too.
"""

import re

import pytest
from werkzeug.routing import IntegerConverter, UnicodeConverter

from quizapp.converters import MAX_ID, BoundedIntConverter

# <converter(args):name> or <name>
ARGUMENT = re.compile(r"<(?:(?P<converter>\w+)(?:\([^)]*\))?:)?(?P<name>\w+)>")

BAD_VALUES = {
    "int": [
        "9999999999999999999999999",  # OverflowError on SQLite
        str(MAX_ID + 1),  # beyond PostgreSQL's integer
        "9" * 5000,  # beyond Python's int() digit limit
        "%D9%A1",  # ARABIC-INDIC DIGIT ONE, which int() would read as 1
    ],
    "text": ["a%00b", "%00", "a%0Ab", "a%7Fb", "x" * 300],
}
# Untouched path converters (static files) get the text values but no length limit.
PATH_VALUES = ["a%00b", "%00"]


def _kind(converter: str | None) -> str:
    if converter == "int":
        return "int"
    if converter == "path":
        return "path"
    return "text"


def _fill(rule: str, target: str, value: str) -> str:
    def replace(match: re.Match) -> str:
        if match.group("name") == target:
            return value
        return "1" if _kind(match.group("converter")) == "int" else "x"

    return ARGUMENT.sub(replace, rule)


def _bad_urls(app):
    """(endpoint, method, url) for each rule, argument and bad value."""
    for rule in app.url_map.iter_rules():
        methods = sorted(rule.methods - {"HEAD", "OPTIONS"})
        for match in ARGUMENT.finditer(rule.rule):
            kind = _kind(match.group("converter"))
            values = PATH_VALUES if kind == "path" else BAD_VALUES[kind]
            for value in values:
                url = _fill(rule.rule, match.group("name"), value)
                for method in methods:
                    yield rule.endpoint, method, url


def test_the_sweep_covers_the_pages_with_ids_and_slugs(app):
    endpoints = {endpoint for endpoint, _, _ in _bad_urls(app)}
    assert {"quiz.results", "quiz.question", "quiz.quiz_detail", "quiz.start"} <= endpoints
    assert {"teach.bank", "teach.question"} <= endpoints


def test_no_rule_uses_the_unbounded_stock_converters(app):
    for rule in app.url_map.iter_rules():
        for name, converter in rule._converters.items():
            assert type(converter) not in (IntegerConverter, UnicodeConverter), (rule.rule, name)
            if isinstance(converter, IntegerConverter):
                assert isinstance(converter, BoundedIntConverter), (rule.rule, name)


@pytest.mark.parametrize("who", ["anonymous", "student", "teacher", "admin"])
def test_out_of_range_ids_and_malformed_names_are_not_found(
    app, client, student, teacher, admin, who
):
    users = {"student": student, "teacher": teacher, "admin": admin}
    if who in users:
        user = users[who]
        client.post("/auth/login", data={"email": user["email"], "password": user["password"]})
    failures = []
    for endpoint, method, url in _bad_urls(app):
        status = client.open(url, method=method).status_code
        if status != 404:
            failures.append((endpoint, method, url[:80], status))
    assert failures == []


def test_the_largest_id_reaches_the_views_without_an_error(app, client, admin):
    """At the edge of the range the views run their queries and find nothing."""
    client.post("/auth/login", data={"email": admin["email"], "password": admin["password"]})
    failures = []
    for rule in app.url_map.iter_rules():
        converters = [m.group("converter") for m in ARGUMENT.finditer(rule.rule)]
        if "int" not in converters:
            continue
        url = ARGUMENT.sub(
            lambda m: str(MAX_ID) if _kind(m.group("converter")) == "int" else "x", rule.rule
        )
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            status = client.open(url, method=method).status_code
            if status >= 500:
                failures.append((rule.endpoint, method, url, status))
    assert failures == []


@pytest.mark.parametrize(
    ("method", "url", "data"),
    [
        ("GET", "/?q=a%00b", None),
        ("POST", "/auth/login", {"email": "a\x00@example.org", "password": "x"}),
        ("POST", "/auth/register", {"email": "b@example.org", "display_name": "N\x00"}),
    ],
)
def test_nul_bytes_in_fields_are_a_clear_400(client, method, url, data):
    response = client.open(url, method=method, data=data)
    assert response.status_code == 400
    assert "NUL character" in response.get_data(as_text=True)
