"""CSV rows and the project's JSON bank files."""

import json
from pathlib import Path

from quizapp import formats
from quizapp.formats import csv_rows, json_bank
from quizapp.questiontypes import get_type

SEED_BANK = Path(__file__).parents[2] / "seed" / "banks" / "awestruck.json"


def test_csv_reads_every_type_with_weights_and_feedback(read_fixture):
    result = read_fixture("full.csv")
    assert result.format == "csv"
    assert not result.problems
    kinds = [q.type for q in result.questions]
    assert kinds == ["mcq", "mcq", "multi", "truefalse", "short", "numeric", "matching",
                     "ordering", "mcq"]  # fmt: skip
    first = result.questions[0]
    assert (first.topic, first.difficulty, first.category) == ("landing", "easy", "Mars/Landing")
    numeric = result.questions[5].data
    assert numeric["unit"] == "kg"
    assert get_type("numeric").grade(numeric, 1200.0) == 0.5
    assert result.questions[8].prompt == 'A prompt with a comma, a "quote" and a bar | inside'
    assert result.questions[8].data["answer"] == "a|b"


def test_csv_semicolons_and_byte_order_mark(read_fixture):
    raw = "\ufefftype;prompt;options;correct\nmcq;Which?;a|b;b\n".encode()
    result = formats.read(raw)
    assert result.format == "csv"
    assert result.questions[0].data == {"options": ["a", "b"], "answer": "b"}
    assert len(read_fixture("semicolon.csv").questions) == 2


def test_csv_problems_name_the_row():
    text = "type,prompt,options,correct\nmcq,Fine?,a|b,a\nmcq,Bad?,a|b,c\nessay,No,,\n"
    result = csv_rows.parse(text)
    assert [q.prompt for q in result.questions] == ["Fine?"]
    assert [p.row for p in result.problems] == [3, 4]
    assert "not one of the options" in result.problems[0].message
    assert "Unknown type 'essay'" in result.problems[1].message


def test_csv_header_must_name_known_columns():
    result = csv_rows.parse("kind,question\nmcq,x\n")
    assert "missing column(s): type, prompt" in result.problems[0].message
    assert "unknown column(s): kind, question" in result.problems[0].message


def test_csv_export_neutralises_formulas_and_round_trips(read_fixture):
    original = read_fixture("full.csv")
    original.questions[0].prompt = '=HYPERLINK("http://evil")'
    text, lost = csv_rows.write(original.questions)
    assert "'=HYPERLINK" in text
    again = csv_rows.parse(text)
    assert not again.problems
    assert [(q.type, q.prompt, q.data, q.explanation, q.topic) for q in again.questions] == [
        (q.type, q.prompt, q.data, q.explanation, q.topic) for q in original.questions
    ]


def test_json_reads_a_seed_bank_with_its_sources():
    result = formats.read(SEED_BANK.read_bytes())
    assert result.format == "json"
    assert not result.problems
    first = result.questions[0]
    assert first.sources and first.article == "awestruck"
    assert first.key


def test_json_schema_errors_name_the_question():
    document = {"questions": [{"type": "mcq"}, {"type": "truefalse", "prompt": "x", "answer": 1}]}
    result = json_bank.parse(json.dumps(document))
    messages = [p.message for p in result.problems]
    assert messages[0].startswith("Question 1: 'prompt' is a required property")
    assert messages[1].startswith("Question 2: 'answer' must be true or false")


def test_json_syntax_error_names_the_line():
    result = json_bank.parse('{\n  "questions": [\n    oops\n  ]\n}')
    assert result.problems[0].line == 3


def test_json_round_trip_carries_everything(read_fixture):
    original = read_fixture("full.gift").questions + read_fixture("full.csv").questions
    text, lost = json_bank.write(original)
    assert lost == []
    again = json_bank.parse(text)
    assert [q.as_dict() | {"line": None} for q in again.questions] == [
        q.as_dict() | {"line": None, "notes": []} for q in original
    ]
