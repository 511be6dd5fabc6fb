"""GIFT: Moodle's whole syntax read into the app's question types, and written back."""

import pytest

from quizapp.formats import gift
from quizapp.questiontypes import get_type


def by_title(result):
    return {question.title: question for question in result.questions}


def test_full_fixture_reads_every_question_and_reports_the_rest(read_fixture):
    result = read_fixture("full.gift")
    assert result.format == "gift"
    assert len(result.questions) == 19
    reasons = {problem.line: problem.message for problem in result.problems}
    assert "essay" in reasons[82]
    assert "description" in reasons[84]
    assert "cloze" in reasons[86]
    assert all(q.category == "$course$/top/Mars/Landing" for q in result.questions)


def test_multiple_choice_keeps_feedback_and_general_feedback(read_fixture):
    question = by_title(read_fixture("full.gift"))["Landing site"]
    assert question.type == "mcq"
    assert question.prompt == "Where did Perseverance land?"
    assert question.data["answer"] == "Jezero Crater"
    assert question.data["feedback"][1] == "That is where Curiosity landed."
    assert question.explanation.startswith("Perseverance landed in Jezero Crater")


def test_weighted_single_answer_earns_half_marks(read_fixture):
    question = by_title(read_fixture("full.gift"))["Partial"]
    mcq = get_type("mcq")
    assert question.data["fractions"] == [1.0, 0.5, -0.5]
    assert mcq.grade(question.data, 0) == 1.0
    assert mcq.grade(question.data, 1) == 0.5
    assert mcq.grade(question.data, 2) == 0.0
    assert any("negative" in note for note in question.notes)


def test_multiple_answers_keep_their_weights(read_fixture):
    question = by_title(read_fixture("full.gift"))["Instruments"]
    multi = get_type("multi")
    assert question.type == "multi"
    assert question.data["answers"] == ["SuperCam", "Mastcam-Z"]
    assert multi.grade(question.data, [0]) == 0.5
    assert multi.grade(question.data, [0, 1]) == 1.0
    assert multi.grade(question.data, [0, 2]) == 0.0


def test_true_false_spellings_and_feedback(read_fixture):
    questions = by_title(read_fixture("full.gift"))
    assert questions["TF short"].data == {"answer": True}
    moons = next(q for q in read_fixture("full.gift").questions if q.line == 35)
    assert moons.data == {"answer": False}
    moon = questions["TF long"].data
    assert moon["answer"] is False
    # The first feedback is for a wrong answer (True here), the second for the right one.
    assert moon["feedback"] == ["No: it landed on Mars.", "Right, it landed on Mars."]
    helicopter = questions["TF feedback"].data
    assert helicopter["feedback"] == ["Yes, a small helicopter.", "Wrong, it is a helicopter."]


def test_short_answer_with_weights(read_fixture):
    question = by_title(read_fixture("full.gift"))["Short"]
    short = get_type("short")
    assert question.data["answers"] == ["Ingenuity", "the helicopter"]
    assert short.grade(question.data, "ingenuity") == 1.0
    assert short.grade(question.data, "The Helicopter") == 0.5
    assert short.grade(question.data, "a drone") == 0.0


def test_missing_word_question_marks_the_gap(read_fixture):
    result = read_fixture("full.gift")
    question = next(q for q in result.questions if q.line == 44)
    assert question.prompt == "The rover's landing system is called _____ and it picks a safe spot."
    assert question.data["answers"] == ["Terrain-Relative Navigation", "TRN"]


def test_numeric_tolerance_range_and_weighted_answers(read_fixture):
    questions = by_title(read_fixture("full.gift"))
    numeric = get_type("numeric")
    assert questions["Year"].data == {"answer": 2021.0, "tolerance": 0.0, "unit": ""}
    assert questions["Tolerance"].data["tolerance"] == 25.0
    assert questions["Range"].data["answer"] == 3.0
    assert questions["Range"].data["tolerance"] == 2.0
    assert numeric.grade(questions["Range"].data, 1.0) == 1.0
    assert numeric.grade(questions["Range"].data, 5.5) == 0.0
    several = questions["Several"].data
    assert numeric.grade(several, 7.0) == 1.0
    assert numeric.grade(several, 7.8) == 0.5
    assert numeric.grade(several, 9.0) == 0.0


def test_matching_pairs_and_feedback_with_an_arrow(read_fixture):
    question = by_title(read_fixture("full.gift"))["Match"]
    assert question.data["pairs"][2] == ["MOXIE", "makes oxygen"]
    assert question.explanation == "Each instrument -> one job."


def test_text_formats_become_plain_text(read_fixture):
    questions = by_title(read_fixture("full.gift"))
    assert questions["Markdown"].prompt == "Which rover carries Ingenuity?"
    assert questions["HTML"].prompt == "Which planet is red?"
    assert questions["Plain"].prompt == "Is 2 < 3 and 3 > 2?"
    assert questions["Moodle"].prompt == "Which crater?"


def test_escaped_characters_next_to_braces(read_fixture):
    question = by_title(read_fixture("full.gift"))["Escapes: all of them"]
    assert question.prompt == "Which is a set in maths: {1, 2}?"
    assert question.data["answer"] == "{1, 2}"
    assert question.data["feedback"][0] == (
        "Braces { } and an equals sign = and a hash # and a tilde ~."
    )


def test_crlf_and_byte_order_mark(read_fixture):
    crlf = read_fixture("crlf.gift")
    assert [q.title for q in crlf.questions] == ["CRLF", "CRLF two"]
    assert not crlf.problems
    bom = read_fixture("bom.gift")
    assert bom.questions[0].title == "BOM"


def test_unclosed_brace_names_its_line_and_the_rest_still_reads(read_fixture):
    result = read_fixture("broken.gift")
    assert [q.title for q in result.questions] == ["Good one", "Good two", "Good three"]
    assert [p.line for p in result.problems] == [3, 9]
    assert "never closed" in result.problems[0].message
    assert "not understood" in result.problems[1].message


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Q {=a ~b", "never closed"),
        ("Q } oops", "no matching"),
        ("::Title without end {T}", "never closed with '::'"),
        ("Q {~%150%a ~b}", "outside -100% to 100%"),
        ("Q {#abc}", "not a number"),
        ("Q {#5..1}", "backwards"),
        ("Q {=a -> b =c}", "item -> match"),
    ],
)
def test_bad_questions_get_plain_reasons(text, reason):
    result = gift.parse(text)
    assert not result.questions
    assert reason in result.problems[0].message
    assert result.problems[0].line == 1


def test_a_question_the_app_cannot_store_is_reported_not_kept():
    result = gift.parse("No right answer {~a ~b}\n\nFine {T}")
    assert [q.prompt for q in result.questions] == ["Fine"]
    assert result.problems[0].line == 1


def test_writer_escapes_and_round_trips_the_full_fixture(read_fixture):
    original = read_fixture("full.gift")
    text, lost = gift.write(original.questions)
    again = gift.parse(text)
    assert not again.problems
    assert lost == []
    assert [(q.type, q.title, q.prompt, q.data, q.explanation) for q in again.questions] == [
        (q.type, q.title, q.prompt, q.data, q.explanation) for q in original.questions
    ]


def test_writer_lists_what_gift_cannot_carry():
    from quizapp.formats import ParsedQuestion

    ordering = ParsedQuestion("ordering", "Order them", {"items": ["a", "b"]})
    cited = ParsedQuestion(
        "truefalse", "Cited", {"answer": True}, sources=[{"start": 0, "end": 1, "text": "x"}]
    )
    text, lost = gift.write([ordering, cited])
    assert "Order them" not in text
    assert any("ordering" in item for item in lost)
    assert any("source" in item for item in lost)
