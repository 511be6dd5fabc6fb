"""Moodle XML: the supported types read with a hardened parser; hostile XML refused."""

from quizapp.formats import moodle_xml
from quizapp.questiontypes import get_type


def by_title(result):
    return {question.title: question for question in result.questions}


def test_reads_every_supported_type(read_fixture):
    result = read_fixture("full.xml")
    assert result.format == "moodlexml"
    questions = by_title(result)
    assert [q.type for q in result.questions] == [
        "mcq", "multi", "truefalse", "short", "numeric", "matching", "ordering"
    ]  # fmt: skip
    landing = questions["Landing site"]
    assert landing.prompt == "Where did Perseverance land?"
    assert landing.explanation == "It landed in Jezero Crater."
    assert landing.data["fractions"] == [1.0, 0.5, 0.0]
    assert get_type("mcq").grade(landing.data, 1) == 0.5
    assert landing.category == "$course$/top/Mars/Landing"
    assert questions["Instruments"].data["answers"] == ["SuperCam", "Mastcam-Z"]
    moon = questions["Moon"].data
    assert moon == {"answer": False, "feedback": ["No: on Mars.", "Right, on Mars."]}
    assert questions["Helicopter"].data["fractions"] == [1.0, 0.5]
    mass = questions["Mass"].data
    assert (mass["answer"], mass["tolerance"], mass["unit"]) == (1025.0, 25.0, "kg")
    assert get_type("numeric").grade(mass, 1150.0) == 0.5
    assert len(questions["Match"].data["pairs"]) == 3
    assert any("drills rock" in note for note in questions["Match"].notes)
    assert questions["Order"].data["items"] == ["Entry", "Parachute", "Sky crane"]


def test_types_without_a_counterpart_are_listed_with_reasons(read_fixture):
    problems = read_fixture("full.xml").problems
    assert [p.line for p in problems] == [77, 81, 85]
    assert "essay" in problems[0].message
    assert "description" in problems[1].message
    assert "cloze" in problems[2].message


def test_external_entities_are_refused(read_fixture):
    result = read_fixture("xxe.xml")
    assert not result.questions
    assert "refused for safety" in result.problems[0].message
    assert "root:" not in str(result.as_dict())


def test_entity_expansion_bomb_is_refused_before_expanding(read_fixture):
    result = read_fixture("bomb.xml")
    assert not result.questions
    assert "DTD or entities" in result.problems[0].message


def test_malformed_xml_names_the_line():
    result = moodle_xml.parse("<quiz>\n<question type='truefalse'>\n</quiz>")
    assert result.problems[0].line == 3
    assert "Not well-formed" in result.problems[0].message


def test_other_root_is_not_a_moodle_file():
    result = moodle_xml.parse("<html><body/></html>")
    assert "not a Moodle XML file" in result.problems[0].message


def test_round_trip_keeps_answers_weights_and_feedback(read_fixture):
    original = read_fixture("full.xml")
    text, lost = moodle_xml.write(original.questions)
    again = moodle_xml.parse(text)
    assert not again.problems
    assert lost == []
    assert [
        (q.type, q.title, q.prompt, q.data, q.explanation, q.category) for q in again.questions
    ] == [
        (q.type, q.title, q.prompt, q.data, q.explanation, q.category) for q in original.questions
    ]


def test_written_text_with_markup_characters_stays_text():
    from quizapp.formats import ParsedQuestion

    question = ParsedQuestion(
        "truefalse", "Is <b>5 < 6</b> & true?", {"answer": True}, title="Markup"
    )
    text, _ = moodle_xml.write([question])
    assert "<b>" not in text
    assert moodle_xml.parse(text).questions[0].prompt == "Is <b>5 < 6</b> & true?"
