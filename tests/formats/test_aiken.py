"""Aiken: strict reading with errors that name the line, and writing."""

from quizapp.formats import ParsedQuestion, aiken


def test_reads_both_option_styles_without_blank_lines(read_fixture):
    result = read_fixture("full.aiken")
    assert result.format == "aiken"
    assert not result.problems
    assert [q.data["answer"] for q in result.questions] == [
        "Jezero Crater",
        "Ingenuity",
        "Curiosity",
    ]
    assert result.questions[1].data["options"] == ["Ingenuity", "Curiosity"]


def test_every_mistake_is_named_with_its_line(read_fixture):
    result = read_fixture("broken.aiken", "aiken")
    messages = {problem.line: problem.message for problem in result.problems}
    assert "no ANSWER: line" in messages[1]
    assert "ANSWER: E is not one of the option letters A, B" in messages[8]
    assert "out of order" in messages[12]
    assert [q.prompt for q in result.questions] == ["A good one?"]


def test_missing_answer_at_the_end_and_too_few_options():
    result = aiken.parse("Q one?\nA. x\nANSWER: A\n\nQ two?\nA. x\nB. y\n")
    assert not result.questions
    assert "at least two options" in result.problems[0].message
    assert result.problems[1].line == 5
    assert "end of the file" in result.problems[1].message


def test_question_text_on_two_lines_is_refused():
    result = aiken.parse("First line\nsecond line\nA. x\nB. y\nANSWER: A\n")
    assert not result.questions
    assert result.problems[0].line == 2


def test_round_trip_and_what_aiken_cannot_carry(read_fixture):
    original = read_fixture("full.aiken")
    text, lost = aiken.write(original.questions)
    again = aiken.parse(text)
    assert [(q.prompt, q.data) for q in again.questions] == [
        (q.prompt, q.data) for q in original.questions
    ]
    assert lost == []
    extra = [
        ParsedQuestion("truefalse", "Statement", {"answer": True}),
        ParsedQuestion(
            "mcq",
            "Weighted",
            {"options": ["a", "b"], "answer": "a", "fractions": [1.0, 0.5]},
            explanation="Why",
        ),
    ]
    text, lost = aiken.write(extra)
    assert "Statement" not in text
    assert "ANSWER: A" in text
    assert any("one-answer" in item for item in lost)
    assert any("explanation" in item and "partial-credit" in item for item in lost)
