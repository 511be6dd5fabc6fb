"""Optional per-answer weights and feedback in the question types' data."""

import pytest

from quizapp.questiontypes import get_type

MCQ = {"options": ["a", "b", "c"], "answer": "a"}
MULTI = {"options": ["a", "b", "c"], "answers": ["a", "b"]}
SHORT = {"answers": ["Ingenuity", "the helicopter"]}
NUMERIC = {"answer": 7, "tolerance": 0, "unit": "min"}


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("mcq", {**MCQ, "fractions": [1, 0.5, -0.5], "feedback": ["yes", "half", ""]}),
        ("multi", {**MULTI, "fractions": [0.5, 0.5, -1], "feedback": ["", "", "no"]}),
        ("short", {**SHORT, "fractions": [1, 0.5], "feedback": ["yes", "half"]}),
        ("truefalse", {"answer": True, "feedback": ["right", "wrong"]}),
        ("numeric", {**NUMERIC, "feedback": "ok",
                     "alternatives": [{"answer": 7, "tolerance": 1, "fraction": 0.5}]}),
    ],
)  # fmt: skip
def test_weighted_data_is_valid(name, data):
    assert get_type(name).validate_data(data) == []


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("mcq", {**MCQ, "fractions": [1, 0.5]}, "one entry per answer"),
        ("mcq", {**MCQ, "fractions": [0.5, 1, 0]}, "answer's weight"),
        ("mcq", {**MCQ, "fractions": [1, 2, 0]}, "from -1 to 1"),
        ("mcq", {**MCQ, "feedback": ["a", 1, "c"]}, "must be text"),
        ("multi", {**MULTI, "fractions": [0.5, 0.2, 0]}, "add up to"),
        ("multi", {**MULTI, "fractions": [1, 0, 0]}, "positive weight"),
        ("short", {**SHORT, "fractions": [0.5, 0.5]}, "weight 1"),
        ("truefalse", {"answer": True, "feedback": ["only one"]}, "two texts"),
        ("numeric", {**NUMERIC, "alternatives": [{"answer": 7}]}, "alternatives"),
    ],
)
def test_bad_weights_are_explained(name, data, message):
    problems = get_type(name).validate_data(data)
    assert any(message in problem for problem in problems), problems


def test_data_without_weights_grades_as_before():
    assert get_type("mcq").grade(MCQ, 0) == 1.0
    assert get_type("mcq").grade(MCQ, 1) == 0.0
    assert get_type("multi").grade(MULTI, [0, 2]) == 0.0
    assert get_type("multi").grade(MULTI, [0]) == 0.5
    assert get_type("short").grade(SHORT, "helicopter") == 1.0
    assert get_type("numeric").grade(NUMERIC, 7.5) == 0.0


def test_weights_give_partial_credit_never_below_zero():
    multi = {**MULTI, "fractions": [0.5, 0.5, -1]}
    assert get_type("multi").grade(multi, [0, 1, 2]) == 0.0
    assert get_type("multi").grade(multi, [2]) == 0.0
    assert get_type("multi").grade(multi, [1]) == 0.5
    short = {**SHORT, "fractions": [1, 0.5]}
    assert get_type("short").grade(short, "The Helicopter") == 0.5
    numeric = {**NUMERIC, "alternatives": [{"answer": 7, "tolerance": 1, "fraction": 0.5}]}
    assert get_type("numeric").grade(numeric, 7.0) == 1.0
    assert get_type("numeric").grade(numeric, 6.2) == 0.5
    assert get_type("numeric").grade(numeric, 5.0) == 0.0
