"""Question type forms: answers round-trip, bad input gets field errors, pages keep secrets."""

import random
import re
from types import SimpleNamespace

import pytest
from flask import render_template
from flask_wtf import FlaskForm
from werkzeug.datastructures import MultiDict

from quizapp.questiontypes import TYPE_NAMES, get_type

DATA = {
    "mcq": {"options": ["Hazcam", "Mastcam-Z", "Navcam", "SuperCam"], "answer": "Mastcam-Z"},
    "multi": {
        "options": ["Mastcam-Z", "SuperCam", "HiRISE", "Navcam"],
        "answers": ["Mastcam-Z", "SuperCam"],
    },
    "truefalse": {"answer": False},
    "numeric": {"answer": 25, "tolerance": 0, "unit": "cameras"},
    "short": {"answers": ["Jezero Crater", "Jezero"]},
    "matching": {
        "pairs": [["Navcams", "mast"], ["Hazcams", "body"], ["HiRISE", "orbiter"]],
    },
    "ordering": {"items": ["entry", "parachute", "heat shield", "sky crane"]},
}
# Saved answers (original indices) a student could give, right, partial and wrong.
ANSWERS = {
    "mcq": [1, 0, 3],
    "multi": [[0, 1], [2], [0, 1, 2, 3]],
    "truefalse": [False, True],
    "numeric": [25.0, -3.5, 1000.0],
    "short": ["Jezero", "the Jezero crater!"],
    "matching": [[0, 1, 2], [2, None, 0], [None, None, 1]],
    "ordering": [[0, 1, 2, 3], [3, 2, 1, 0], [1, 0, 3, 2]],
}
QUESTION = SimpleNamespace(prompt="Question prompt goes here")


def _form(qtype, data, order, formdata=None, prefill=None):
    form_class = type("AnswerForm", (FlaskForm,), qtype.form_fields(data, order))
    if formdata is not None:
        return form_class(formdata=MultiDict(formdata))
    return form_class(formdata=None, data=prefill or {})


def _post(qtype, data, order, formdata):
    form = _form(qtype, data, order, formdata)
    valid = form.validate()
    return form, valid


def _as_post(values: dict) -> list[tuple[str, str]]:
    """Turn ``field_data`` output into what a browser would post."""
    pairs = []
    for name, value in values.items():
        for item in value if isinstance(value, list) else [value]:
            if item not in (None, ""):
                pairs.append((name, item))
    return pairs


def _order(name, seed=3):
    return get_type(name).shown_order(DATA[name], random.Random(seed), True)


@pytest.mark.parametrize(
    ("name", "answer"), [(n, a) for n in TYPE_NAMES for a in ANSWERS[n]], ids=repr
)
def test_answer_round_trips_through_the_form(app, name, answer):
    qtype, data = get_type(name), DATA[name]
    order = _order(name)
    with app.test_request_context(method="POST"):
        values = qtype.field_data(data, order, answer)
        form, valid = _post(qtype, data, order, _as_post(values))
        assert valid, form.errors
        assert qtype.answer_from_form(form, data, order) == answer
        prefilled = _form(qtype, data, order, prefill=values)
        assert qtype.answer_from_form(prefilled, data, order) == answer


@pytest.mark.parametrize("name", TYPE_NAMES)
def test_an_empty_post_is_valid_and_unanswered(app, name):
    qtype, data = get_type(name), DATA[name]
    order = _order(name)
    with app.test_request_context(method="POST"):
        form, valid = _post(qtype, data, order, [("unrelated", "x")])
        assert valid, form.errors
        assert qtype.answer_from_form(form, data, order) is None
        blank = {n: "" for n in qtype.form_fields(data, order)}
        form, valid = _post(qtype, data, order, blank)
        assert valid, form.errors
        assert qtype.answer_from_form(form, data, order) is None


@pytest.mark.parametrize("name", TYPE_NAMES)
def test_no_answer_prefills_empty_fields(app, name):
    qtype, data = get_type(name), DATA[name]
    order = _order(name)
    with app.test_request_context():
        for answer in (None, [99], {"x": 1}):
            values = qtype.field_data(data, order, answer)
            assert set(values) == set(qtype.form_fields(data, order))
            assert all(value in (None, "", []) for value in values.values())


def test_mcq_values_are_shown_positions_mapped_back_to_original_options(app):
    qtype, data, order = get_type("mcq"), DATA["mcq"], [2, 0, 3, 1]
    with app.test_request_context(method="POST"):
        form, valid = _post(qtype, data, order, {"answer": "3"})
        assert valid
        assert qtype.answer_from_form(form, data, order) == 1
        assert [choice.label.text for choice in form.answer] == [
            "Navcam",
            "Hazcam",
            "SuperCam",
            "Mastcam-Z",
        ]


def test_multi_posts_several_boxes_as_a_sorted_list(app):
    qtype, data, order = get_type("multi"), DATA["multi"], [3, 2, 1, 0]
    with app.test_request_context(method="POST"):
        form, valid = _post(qtype, data, order, [("answer", "0"), ("answer", "3")])
        assert valid
        assert qtype.answer_from_form(form, data, order) == [0, 3]


def test_matching_keeps_nulls_for_lefts_left_unchosen(app):
    qtype, data, order = get_type("matching"), DATA["matching"], [1, 2, 0]
    with app.test_request_context(method="POST"):
        form, valid = _post(qtype, data, order, {"match_0": "2", "match_2": ""})
        assert valid
        assert qtype.answer_from_form(form, data, order) == [0, None, None]


def test_ordering_with_a_blank_position_is_unanswered(app):
    qtype, data, order = get_type("ordering"), DATA["ordering"], [1, 0, 3, 2]
    with app.test_request_context(method="POST"):
        form, valid = _post(
            qtype, data, order, {"position_0": "2", "position_1": "1", "position_2": "4"}
        )
        assert valid, form.errors
        assert qtype.answer_from_form(form, data, order) is None


def test_ordering_reads_positions_of_shown_items(app):
    qtype, data, order = get_type("ordering"), DATA["ordering"], [1, 0, 3, 2]
    posted = {"position_0": "2", "position_1": "1", "position_2": "4", "position_3": "3"}
    with app.test_request_context(method="POST"):
        form, valid = _post(qtype, data, order, posted)
        assert valid
        assert qtype.answer_from_form(form, data, order) == [0, 1, 2, 3]


@pytest.mark.parametrize(
    ("name", "formdata", "field", "message"),
    [
        ("mcq", {"answer": "7"}, "answer", "Not a valid choice"),
        ("mcq", {"answer": "Mastcam-Z"}, "answer", "Not a valid choice"),
        ("multi", [("answer", "0"), ("answer", "9")], "answer", "not a valid choice"),
        ("truefalse", {"answer": "yes"}, "answer", "Not a valid choice"),
        ("numeric", {"answer": "lots"}, "answer", "Enter a number, such as 25 or 2.5"),
        ("numeric", {"answer": "25 metres"}, "answer", "Enter a number"),
        ("numeric", {"answer": "1" * 60}, "answer", "50 characters"),
        ("short", {"answer": "x" * 201}, "answer", "200 characters"),
        ("matching", {"match_0": "5"}, "match_0", "Not a valid choice"),
        ("matching", {"match_1": "²"}, "match_1", "Not a valid choice"),
        (
            "ordering",
            {"position_0": "1", "position_1": "1", "position_2": "2", "position_3": "3"},
            "position_1",
            "Give each event a different position.",
        ),
        ("ordering", {"position_0": "9"}, "position_0", "Not a valid choice"),
    ],
)
def test_invalid_input_gets_a_field_error(app, name, formdata, field, message):
    qtype, data = get_type(name), DATA[name]
    order = _order(name)
    with app.test_request_context(method="POST"):
        form, valid = _post(qtype, data, order, formdata)
        assert not valid
        assert any(message in error for error in form[field].errors), form.errors


def test_duplicate_positions_mark_both_items(app):
    qtype, data, order = get_type("ordering"), DATA["ordering"], [1, 0, 3, 2]
    posted = {"position_0": "2", "position_1": "1", "position_2": "2", "position_3": ""}
    with app.test_request_context(method="POST"):
        form, _ = _post(qtype, data, order, posted)
        assert form.errors == {
            "position_0": ["Give each event a different position."],
            "position_2": ["Give each event a different position."],
        }


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        (" 2,5 ", 2.5),
        ("1e3", 1000.0),
        ("-3", -3.0),
        ("3,000", 3000.0),
        ("19,300", 19300.0),
        ("twenty-five", 25.0),
        ("25 cameras", 25.0),
    ],
)
def test_numeric_form_parses_typed_numbers(app, typed, value):
    qtype, data = get_type("numeric"), DATA["numeric"]
    with app.test_request_context(method="POST"):
        form, valid = _post(qtype, data, [], {"answer": typed})
        assert valid
        assert qtype.answer_from_form(form, data, []) == value


def test_a_number_typed_as_the_article_writes_it_earns_the_mark(app):
    qtype, data = get_type("numeric"), {"answer": 3000, "tolerance": 0, "unit": "kilometers"}
    with app.test_request_context(method="POST"):
        form, valid = _post(qtype, data, [], {"answer": "3,000"})
        assert valid
        assert qtype.grade(data, qtype.answer_from_form(form, data, [])) == 1.0


def test_short_answer_is_trimmed(app):
    qtype, data = get_type("short"), DATA["short"]
    with app.test_request_context(method="POST"):
        form, valid = _post(qtype, data, [], {"answer": "   Jezero crater \n"})
        assert valid
        assert qtype.answer_from_form(form, data, []) == "Jezero crater"


def test_fields_work_with_a_form_prefix(app):
    qtype, data, order = get_type("ordering"), DATA["ordering"], [1, 0, 3, 2]
    form_class = type("AnswerForm", (FlaskForm,), qtype.form_fields(data, order))
    posted = {"q1-position_0": "1", "q1-position_1": "1", "q1-position_2": "", "q1-position_3": ""}
    with app.test_request_context(method="POST"):
        form = form_class(formdata=MultiDict(posted), prefix="q1")
        assert not form.validate()
        assert form.position_0.errors == ["Give each event a different position."]


# --- rendering -------------------------------------------------------------


def _render(app, name, order, answer=None, errors_from=None, **context):
    qtype, data = get_type(name), DATA[name]
    with app.test_request_context(method="POST" if errors_from else "GET"):
        if errors_from:
            form, _ = _post(qtype, data, order, errors_from)
        else:
            form = _form(qtype, data, order, prefill=qtype.field_data(data, order, answer))
        return render_template(qtype.template, form=form, question=QUESTION, qtype=qtype, **context)


def _texts_in_html_order(html, texts):
    return sorted(texts, key=html.index)


@pytest.mark.parametrize("name", TYPE_NAMES)
def test_partial_renders_accessibly_without_inline_script_or_style(app, name):
    html = _render(app, name, _order(name))
    assert "<fieldset" in html and "<legend" in html
    assert QUESTION.prompt in html
    assert "<script" not in html and "style=" not in html
    assert "correct" not in html.lower()
    assert "data-" not in html
    for control in re.findall(r'<(?:input|select)[^>]*\bid="([^"]+)"', html):
        labelled = f'for="{control}"' in html or "aria-labelledby" in html
        assert labelled, control


def test_prompt_is_visible_only_when_asked(app):
    assert 'class="visually-hidden">Question prompt' in _render(app, "mcq", [0, 1, 2, 3])
    shown = _render(app, "mcq", [0, 1, 2, 3], show_prompt=True)
    assert 'class="fs-5">Question prompt' in shown


@pytest.mark.parametrize("name", ["mcq", "multi"])
def test_options_appear_in_the_shown_order(app, name):
    options = DATA[name]["options"]
    for seed in range(5):
        order = _order(name, seed)
        html = _render(app, name, order)
        assert _texts_in_html_order(html, options) == [options[i] for i in order]
        values = re.findall(r'type="(?:radio|checkbox)" value="(\d+)"', html)
        values = values or re.findall(r'name="answer" type="\w+" value="(\d+)"', html)
        assert values == [str(i) for i in range(len(options))]


def test_matching_shows_rights_shuffled_with_positional_values(app):
    pairs = DATA["matching"]["pairs"]
    order = _order("matching")
    html = _render(app, "matching", order)
    first_select = html[html.index("<select") : html.index("</select>")]
    rights = [right for _, right in pairs]
    assert _texts_in_html_order(first_select, rights) == [rights[i] for i in order]
    assert re.findall(r'value="(\d+)"', first_select) == ["0", "1", "2"]
    assert _texts_in_html_order(html, [left for left, _ in pairs]) == [
        "Navcams",
        "Hazcams",
        "HiRISE",
    ]


def test_matching_lists_every_right_hand_choice_in_full_above_the_selects(app):
    """A long choice is cut short inside a select on a phone; the list shows it whole."""
    pairs = DATA["matching"]["pairs"]
    order = _order("matching")
    html = _render(app, "matching", order)
    listed = html[html.index('class="match-choices') : html.index("</ul>")]
    items = re.findall(r"<li>([^<]*)</li>", listed)
    assert items == [pairs[i][1] for i in order]


def test_ordering_shows_items_shuffled_and_named_by_shown_place(app):
    items = DATA["ordering"]["items"]
    for seed in range(10):
        order = _order("ordering", seed)
        html = _render(app, "ordering", order)
        shown = _texts_in_html_order(html, items)
        assert shown == [items[i] for i in order]
        assert shown != items
        names = re.findall(r'name="(position_\d+)"', html)
        assert names == [f"position_{i}" for i in range(len(items))]
        assert html.count(">Position</label>") == len(items)


@pytest.mark.parametrize("name", ["numeric", "short"])
def test_typed_answers_are_not_in_the_page(app, name):
    html = _render(app, name, [])
    for secret in ("25", "Jezero"):
        assert secret not in html


def test_numeric_shows_the_unit_and_a_decimal_keyboard(app):
    html = _render(app, "numeric", [], answer=2.5)
    assert '<span class="input-group-text">cameras</span>' in html
    assert 'inputmode="decimal"' in html
    assert 'value="2.5"' in html


def test_short_answer_turns_autocomplete_off(app):
    assert 'autocomplete="off"' in _render(app, "short", [])


@pytest.mark.parametrize(
    ("name", "formdata", "field_id"),
    [
        ("mcq", {"answer": "9"}, "answer"),
        ("numeric", {"answer": "lots"}, "answer"),
        ("matching", {"match_1": "9"}, "match_1"),
        ("ordering", {"position_0": "1", "position_1": "1"}, "position_1"),
    ],
)
def test_errors_sit_next_to_their_fields_and_describe_them(app, name, formdata, field_id):
    html = _render(app, name, _order(name), errors_from=formdata)
    assert f'id="{field_id}-error"' in html
    control = re.search(rf'aria-describedby="([^"]*)"[^>]*id="{field_id}(?:-\d+)?"', html)
    assert f"{field_id}-error" in control[1]
    assert 'aria-invalid="true"' in html


def test_text_from_questions_is_escaped(app):
    qtype = get_type("mcq")
    data = {"options": ["<b>bold</b>", "plain"], "answer": "plain"}
    with app.test_request_context():
        form = _form(qtype, data, [0, 1])
        question = SimpleNamespace(prompt="<script>alert(1)</script>")
        html = render_template(qtype.template, form=form, question=question, qtype=qtype)
    assert "<b>" not in html and "<script>" not in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html
