"""The question type registry: answer data checks, shown orders, grading and descriptions."""

import itertools
import random

import pytest

from quizapp.questiontypes import REGISTRY, TYPE_NAMES, QuestionType, UnknownQuestionType, get_type
from quizapp.questiontypes.numeric import parse_number, parse_typed_number
from quizapp.questiontypes.short import normalise_answer

MCQ = {"options": ["Hazcam", "Mastcam-Z", "Navcam", "SuperCam"], "answer": "Mastcam-Z"}
MULTI = {
    "options": ["Mastcam-Z", "SuperCam", "HiRISE", "Navcam"],
    "answers": ["Mastcam-Z", "SuperCam"],
}
TRUEFALSE = {"answer": True}
NUMERIC = {"answer": 25, "tolerance": 0, "unit": "cameras"}
NUMERIC_TOLERANT = {"answer": 2.5, "tolerance": 0.1, "unit": "m"}
SHORT = {"answers": ["HiRISE", "High Resolution Imaging Science Experiment"]}
MATCHING = {
    "pairs": [
        ["Navcams", "mast"],
        ["Hazcams", "body"],
        ["HiRISE", "orbiter"],
        ["LCAM", "rover underside"],
    ]
}
ORDERING = {"items": ["entry", "parachute", "heat shield", "sky crane", "touchdown"]}

GOOD_DATA = {
    "mcq": MCQ,
    "multi": MULTI,
    "truefalse": TRUEFALSE,
    "numeric": NUMERIC,
    "short": SHORT,
    "matching": MATCHING,
    "ordering": ORDERING,
}
# Answers of the wrong JSON shape for every type: grading must give 0.0, never raise.
GARBAGE = [
    "1",
    "",
    1.5,
    -1,
    99,
    True,
    [],
    [None],
    [1, 1],
    ["a", "b"],
    [[0]],
    {"answer": 1},
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [-1, 0, 1, 2, 3],
    float("nan"),
    float("inf"),
]


def test_registry_lists_the_seven_types_in_order():
    assert TYPE_NAMES == ("mcq", "multi", "truefalse", "numeric", "short", "matching", "ordering")
    assert set(REGISTRY) == set(TYPE_NAMES)


@pytest.mark.parametrize("name", TYPE_NAMES)
def test_every_type_describes_itself(name):
    qtype = get_type(name)
    assert isinstance(qtype, QuestionType)
    assert qtype.name == name
    assert qtype.label and qtype.instructions
    assert qtype.template == f"quiz/types/{name}.html"
    assert type(qtype).__doc__ and "Grading" in type(qtype).__doc__


@pytest.mark.parametrize("name", ["essay", "", None, ["mcq"]])
def test_unknown_type_raises_a_clear_value_error(name):
    with pytest.raises(UnknownQuestionType, match="Unknown question type"):
        get_type(name)
    assert issubclass(UnknownQuestionType, ValueError)


# --- validate_data ---------------------------------------------------------


@pytest.mark.parametrize("name", TYPE_NAMES)
def test_good_data_has_no_problems(name):
    assert get_type(name).validate_data(GOOD_DATA[name]) == []


@pytest.mark.parametrize("name", TYPE_NAMES)
@pytest.mark.parametrize("data", [None, [], "text", {}, {"answer": None}])
def test_unusable_data_is_reported_not_raised(name, data):
    assert get_type(name).validate_data(data)


@pytest.mark.parametrize(
    ("name", "data", "fragment"),
    [
        ("mcq", {"options": ["A"], "answer": "A"}, "2 to 8"),
        ("mcq", {"options": [f"o{i}" for i in range(9)], "answer": "o1"}, "2 to 8"),
        ("mcq", {"options": ["A", "B"], "answer": "C"}, "not one of the options"),
        ("mcq", {"options": ["Navcam", "B"], "answer": "navcam"}, "differs only in case"),
        ("mcq", {"options": ["A", "a ", "B"], "answer": "B"}, "more than once"),
        ("mcq", {"options": ["A", ""], "answer": "A"}, "empty"),
        ("mcq", {"options": ["A", 2], "answer": "A"}, "must be text"),
        ("mcq", {"options": "A,B", "answer": "A"}, "must be a list"),
        ("mcq", {"answer": "A"}, "missing"),
        ("multi", {"options": ["A", "B"], "answers": []}, "non-empty"),
        ("multi", {"options": ["A", "B"], "answers": ["C"]}, "not one of the options"),
        ("multi", {"options": ["A", "B"], "answers": ["A", "A"]}, "more than once"),
        ("multi", {"options": ["A", "B"], "answers": "A"}, "non-empty list"),
        ("truefalse", {"answer": "true"}, "true or false"),
        ("truefalse", {"answer": 1}, "true or false"),
        ("numeric", {"answer": "25", "tolerance": 0, "unit": ""}, "'answer' must be a number"),
        ("numeric", {"answer": True, "tolerance": 0, "unit": ""}, "'answer' must be a number"),
        ("numeric", {"answer": 25, "tolerance": -1, "unit": ""}, "tolerance"),
        ("numeric", {"answer": 25, "tolerance": 0}, "unit"),
        ("short", {"answers": []}, "1 to"),
        ("short", {"answers": ["Jezero", "jezero."]}, "more than once"),
        ("short", {"answers": ["The crater", "crater"]}, "more than once"),
        ("short", {"answers": ["?!"]}, "no letters or digits"),
        ("short", {"answers": "Jezero"}, "must be a list"),
        ("matching", {"pairs": [["a", "b"]]}, "2 to 8"),
        ("matching", {"pairs": [["a", "b"], ["a", "c"]]}, "left item 'a'"),
        ("matching", {"pairs": [["a", "b"], ["c", "B"]]}, "right item 'B'"),
        ("matching", {"pairs": [["a", "b"], ["c"]]}, "two non-empty texts"),
        ("matching", {"pairs": [["a", "b"], ["c", ""]]}, "two non-empty texts"),
        ("matching", {"pairs": {"a": "b"}}, "must be a list"),
        ("ordering", {"items": ["only"]}, "2 to 8"),
        ("ordering", {"items": ["a", "b", "A"]}, "more than once"),
        ("ordering", {"items": [f"e{i}" for i in range(9)]}, "2 to 8"),
    ],
)
def test_bad_data_is_explained(name, data, fragment):
    problems = get_type(name).validate_data(data)
    assert problems
    assert any(fragment in problem for problem in problems), problems


# --- shown_order -----------------------------------------------------------


def _size(name, data):
    return len(data.get("options") or data.get("pairs") or data.get("items") or [])


@pytest.mark.parametrize("name", ["mcq", "multi", "matching", "ordering"])
@pytest.mark.parametrize("shuffle", [True, False])
def test_shown_order_is_a_permutation(name, shuffle):
    data = GOOD_DATA[name]
    order = get_type(name).shown_order(data, random.Random(7), shuffle)
    assert sorted(order) == list(range(_size(name, data)))


@pytest.mark.parametrize("name", ["mcq", "multi"])
def test_options_keep_their_order_when_not_shuffled(name):
    data = GOOD_DATA[name]
    assert get_type(name).shown_order(data, random.Random(1), False) == list(
        range(len(data["options"]))
    )


@pytest.mark.parametrize("name", ["mcq", "multi", "matching", "ordering"])
def test_shown_order_is_deterministic_for_a_seeded_rng(name):
    data, qtype = GOOD_DATA[name], get_type(name)
    assert qtype.shown_order(data, random.Random(42), True) == qtype.shown_order(
        data, random.Random(42), True
    )


def test_shuffled_options_vary_with_the_seed():
    orders = {tuple(get_type("mcq").shown_order(MCQ, random.Random(s), True)) for s in range(30)}
    assert len(orders) > 5


@pytest.mark.parametrize("name", ["matching", "ordering"])
@pytest.mark.parametrize("size", [2, 3, 5, 8])
@pytest.mark.parametrize("shuffle", [True, False])
def test_key_order_is_never_shown(name, size, shuffle):
    if name == "matching":
        data = {"pairs": [[f"l{i}", f"r{i}"] for i in range(size)]}
    else:
        data = {"items": [f"e{i}" for i in range(size)]}
    for seed in range(60):
        order = get_type(name).shown_order(data, random.Random(seed), shuffle)
        assert sorted(order) == list(range(size))
        assert order != list(range(size))


@pytest.mark.parametrize("name", ["truefalse", "numeric", "short"])
def test_types_without_options_show_no_order(name):
    assert get_type(name).shown_order(GOOD_DATA[name], random.Random(1), True) == []


# --- grade -----------------------------------------------------------------


@pytest.mark.parametrize("name", TYPE_NAMES)
@pytest.mark.parametrize("answer", [None, *GARBAGE], ids=repr)
def test_unanswered_or_malformed_answers_score_zero(name, answer):
    score = get_type(name).grade(GOOD_DATA[name], answer)
    assert isinstance(score, float)
    if name == "multi" and answer == [1, 1]:
        # A duplicated pick of a correct option is read as one pick.
        assert score == 0.5
    elif name == "truefalse" and answer is True:
        assert score == 1.0  # the one type for which a bare bool is well formed
    else:
        assert score == 0.0


def test_mcq_grades_the_chosen_option():
    mcq = get_type("mcq")
    assert mcq.grade(MCQ, 1) == 1.0
    assert mcq.grade(MCQ, 0) == 0.0
    assert mcq.grade(MCQ, 3) == 0.0
    assert mcq.grade(MCQ, True) == 0.0  # a bool is not index 1


@pytest.mark.parametrize(
    ("answer", "score"),
    [
        ([0, 1], 1.0),
        ([1, 0], 1.0),
        ([0], 0.5),
        ([0, 1, 2], 0.5),
        ([0, 2], 0.0),
        ([0, 2, 3], 0.0),
        ([0, 1, 2, 3], 0.0),
        ([2, 3], 0.0),
        ([], 0.0),
        ([0, 4], 0.0),
    ],
)
def test_multi_gives_right_minus_wrong_over_correct(answer, score):
    assert get_type("multi").grade(MULTI, answer) == pytest.approx(score)


def test_truefalse_grades_exactly():
    tf = get_type("truefalse")
    assert tf.grade(TRUEFALSE, True) == 1.0
    assert tf.grade(TRUEFALSE, False) == 0.0
    assert tf.grade({"answer": False}, False) == 1.0
    assert tf.grade(TRUEFALSE, 1) == 0.0
    assert tf.grade(TRUEFALSE, "true") == 0.0


@pytest.mark.parametrize(
    ("data", "answer", "score"),
    [
        (NUMERIC, 25, 1.0),
        (NUMERIC, 25.0, 1.0),
        (NUMERIC, 24.0, 0.0),
        (NUMERIC, 25.001, 0.0),
        (NUMERIC_TOLERANT, 2.6, 1.0),
        (NUMERIC_TOLERANT, 2.4, 1.0),
        (NUMERIC_TOLERANT, 2.61, 0.0),
        ({"answer": 0.3, "tolerance": 0, "unit": ""}, 0.1 + 0.2, 1.0),
        ({"answer": -3, "tolerance": 0.5, "unit": ""}, -3.5, 1.0),
        ({"answer": 1e9, "tolerance": 0, "unit": ""}, 1e9 + 0.5, 1.0),
    ],
)
def test_numeric_accepts_answers_within_the_tolerance(data, answer, score):
    assert get_type("numeric").grade(data, answer) == score


@pytest.mark.parametrize(
    "typed",
    [
        "HiRISE",
        "hirise",
        "  HiRISE  ",
        "“HiRISE”",
        "HiRISE.",
        "the HiRISE",
        "An HiRISE",
        "ＨｉＲＩＳＥ",
        "high resolution imaging science experiment",
        "High-Resolution   Imaging Science Experiment!",
        "Hi RISE camera",  # the name with its kind noun
    ],
)
def test_short_answers_match_after_normalising(typed):
    assert get_type("short").grade(SHORT, typed) == 1.0


@pytest.mark.parametrize("typed", ["HiRIS", "HiRISE Mars", "", "   ", "the", "!!!"])
def test_short_answers_that_differ_score_zero(typed):
    assert get_type("short").grade(SHORT, typed) == 0.0


def test_normalise_answer_strips_dashes_quotes_and_articles():
    assert normalise_answer("  The  ‘Sky-Crane’ — manoeuvre ") == "sky crane manoeuvre"
    assert normalise_answer("A") == "a"  # a lone article is kept, not emptied
    assert normalise_answer("Anatomy") == "anatomy"


@pytest.mark.parametrize(
    ("answer", "score"),
    [
        ([0, 1, 2, 3], 1.0),
        ([0, 1, 3, 2], 0.5),
        ([0, None, None, None], 0.25),
        ([None, None, None, None], 0.0),
        ([1, 0, 3, 2], 0.0),
        ([0, 0, 0, 0], 0.25),
        ([0, 1, 2], 0.0),
        ([0, 1, 2, 4], 0.0),
        ([0, 1, 2, "3"], 0.0),
    ],
)
def test_matching_gives_the_fraction_of_lefts_matched(answer, score):
    assert get_type("matching").grade(MATCHING, answer) == pytest.approx(score)


def test_ordering_gives_the_fraction_of_pairs_in_order():
    ordering = get_type("ordering")
    assert ordering.grade(ORDERING, [0, 1, 2, 3, 4]) == 1.0
    assert ordering.grade(ORDERING, [4, 3, 2, 1, 0]) == 0.0
    assert ordering.grade(ORDERING, [1, 0, 2, 3, 4]) == pytest.approx(9 / 10)
    assert ordering.grade(ORDERING, [4, 0, 1, 2, 3]) == pytest.approx(6 / 10)
    assert ordering.grade(ORDERING, [0, 1, 2, 3]) == 0.0
    assert ordering.grade(ORDERING, [0, 0, 1, 2, 3]) == 0.0


@pytest.mark.parametrize("name", TYPE_NAMES)
def test_every_score_stays_between_zero_and_one(name):
    qtype, data = get_type(name), GOOD_DATA[name]
    size = _size(name, data) or 2
    candidates = [list(p) for p in itertools.permutations(range(size), min(size, 3))]
    candidates += [list(range(size)), 0, 1, True, False, 25, 2.5, "HiRISE"]
    for answer in candidates:
        assert 0.0 <= qtype.grade(data, answer) <= 1.0


# --- describe --------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "text"),
    [
        ("mcq", MCQ, "Mastcam-Z"),
        ("multi", MULTI, "Mastcam-Z; SuperCam"),
        ("truefalse", TRUEFALSE, "True"),
        ("truefalse", {"answer": False}, "False"),
        ("numeric", NUMERIC, "25 cameras (±0)"),
        ("numeric", NUMERIC_TOLERANT, "2.5 m (±0.1)"),
        ("numeric", {"answer": 1969, "tolerance": 0, "unit": ""}, "1969 (±0)"),
        ("short", SHORT, "HiRISE (also accepted: High Resolution Imaging Science Experiment)"),
        ("short", {"answers": ["Jezero"]}, "Jezero"),
        (
            "matching",
            MATCHING,
            "Navcams → mast; Hazcams → body; HiRISE → orbiter; LCAM → rover underside",
        ),
        (
            "ordering",
            ORDERING,
            "1. entry  2. parachute  3. heat shield  4. sky crane  5. touchdown",
        ),
    ],
)
def test_describe_correct(name, data, text):
    assert get_type(name).describe_correct(data) == text


@pytest.mark.parametrize(
    ("name", "answer", "text"),
    [
        ("mcq", 2, "Navcam"),
        ("multi", [2, 0], "Mastcam-Z; HiRISE"),
        ("multi", [], "Nothing selected"),
        ("truefalse", False, "False"),
        ("numeric", 24.5, "24.5 cameras"),
        ("short", "Hirise cam", "Hirise cam"),
        (
            "matching",
            [1, None, 2, 3],
            "Navcams → body; Hazcams → (none); HiRISE → orbiter; LCAM → rover underside",
        ),
        (
            "ordering",
            [1, 0, 2, 3, 4],
            "1. parachute  2. entry  3. heat shield  4. sky crane  5. touchdown",
        ),
    ],
)
def test_describe_answer(name, answer, text):
    assert get_type(name).describe_answer(GOOD_DATA[name], answer) == text


@pytest.mark.parametrize("name", TYPE_NAMES)
def test_describe_answer_handles_no_answer_and_garbage(name):
    qtype, data = get_type(name), GOOD_DATA[name]
    assert qtype.describe_answer(data, None) == "No answer"
    for answer in GARBAGE:
        assert isinstance(qtype.describe_answer(data, answer), str)


# --- number parsing --------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("25", 25.0),
        ("2.5", 2.5),
        ("2,5", 2.5),
        ("-3", -3.0),
        ("+3", 3.0),
        ("1e3", 1000.0),
        ("1E-2", 0.01),
        ("  42 ", 42.0),
        (".5", 0.5),
        ("\u22124", -4.0),
        # digits grouped in threes are thousands, as articles write them
        ("3,000", 3000.0),
        ("1,234,567", 1234567.0),
        ("1,000.5", 1000.5),
        ("-12,500", -12500.0),
        ("3 000", 3000.0),
        ("19\u00a0300", 19300.0),
        # any other single comma is a decimal comma
        ("0,125", 0.125),
        ("2,50", 2.5),
    ],
)
def test_parse_number_accepts_common_spellings(typed, value):
    assert parse_number(typed) == value


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "abc",
        "25 cameras",
        "1,2,3",
        "2..5",
        "1e",
        "nan",
        "inf",
        "1e999",
        "--3",
        "3,00,000",
        "3,000 000",
        "1 2",
        "12,34,5",
    ],
)
def test_parse_number_rejects_anything_else(typed):
    assert parse_number(typed) is None


@pytest.mark.parametrize(
    ("typed", "unit", "value"),
    [
        ("6", "wheels", 6.0),
        ("six", "wheels", 6.0),
        ("Six wheels", "wheels", 6.0),
        ("6 wheels", "wheels", 6.0),
        ("6 wheel", "wheels", 6.0),
        ("6wheels", "wheels", 6.0),
        ("twenty-five cameras", "cameras", 25.0),
        ("twenty five", "cameras", 25.0),
        ("24 hours", "hours", 24.0),
        ("3,000 km", "km", 3000.0),
        ("two hundred and ten", "", 210.0),
        ("one thousand five hundred", "", 1500.0),
        ("hundred", "", 100.0),  # as in "a hundred"
    ],
)
def test_a_students_number_may_be_in_words_or_carry_its_unit(typed, unit, value):
    assert parse_typed_number(typed, unit) == value


@pytest.mark.parametrize(
    ("typed", "unit"),
    [
        ("6 metres", "feet"),  # another unit is another quantity
        ("6 m", "feet"),
        ("25 cameras", ""),  # no unit to read
        ("six six", ""),
        ("seventy zero", ""),
        ("ten and", ""),
        ("wheels", "wheels"),
        ("about six", "wheels"),
    ],
)
def test_a_students_number_with_another_unit_or_odd_words_is_not_read(typed, unit):
    assert parse_typed_number(typed, unit) is None
