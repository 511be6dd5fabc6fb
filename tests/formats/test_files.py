"""Bytes in: encodings, binary junk, huge files and format detection."""

import pytest

from quizapp import formats
from quizapp.formats.detect import detect_format


@pytest.mark.parametrize(
    ("raw", "format_name"),
    [
        ("Q {T}".encode("utf-8-sig"), "gift"),
        ("Q {T}".encode("utf-16"), "gift"),
        (b"\xfe\xff" + "Q {T}".encode("utf-16-be"), "gift"),
        (b"Q?\nA. x\nB. y\nANSWER: A\n", "aiken"),
    ],
)
def test_utf8_and_utf16_with_byte_order_marks_are_read(raw, format_name):
    result = formats.read(raw)
    assert result.format == format_name
    assert len(result.questions) == 1


def test_latin1_bytes_get_a_clear_error_naming_the_line():
    result = formats.read("Q {T}\n\nCaf\u00e9 {F}".encode("latin-1"))
    assert not result.questions
    assert result.problems[0].line == 3
    assert "not UTF-8" in result.problems[0].message


@pytest.mark.parametrize("raw", [b"", b"   \n\n", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"])
def test_empty_and_binary_files_are_refused(raw):
    result = formats.read(raw)
    assert not result.questions
    assert result.problems[0].message.startswith(("The file is empty", "The file is not"))


def test_unrecognised_content_asks_for_the_format():
    result = formats.read(b"just some words\nand more words\n")
    assert not result.questions
    assert "choose it" in result.problems[0].message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('<?xml version="1.0"?>\n<quiz></quiz>', "moodlexml"),
        ('{"questions": []}', "json"),
        ("Type,Prompt,Options,Correct\n", "csv"),
        ('"type";"prompt"\n', "csv"),
        ("Q?\nA) x\nB) y\nANSWER: B", "aiken"),
        ("::T:: Q {=a ~b}", "gift"),
        ("$CATEGORY: x\n\nQ {T}", "gift"),
        ("<html></html>", None),
    ],
)
def test_format_is_detected_from_content(text, expected):
    assert detect_format(text) == expected


def test_manual_override_parses_as_asked():
    result = formats.read(b"Q {T}", "aiken")
    assert result.format == "aiken"
    assert not result.questions


def test_a_huge_line_is_read_whole():
    raw = b"Q " + b"x" * 5_000_000 + b" {T}"
    result = formats.read(raw, "gift")
    assert len(result.questions) == 1
    assert len(result.questions[0].prompt) == 5_000_002


def test_hostile_text_is_kept_as_text_for_escaping(read_fixture):
    question = read_fixture("hostile.gift").questions[0]
    assert question.prompt == "<img src=x onerror=alert(1)> Is this safe?"
    assert question.data["options"][0] == "<script>alert('answer')</script>"


def test_too_many_questions_are_refused():
    from quizapp.formats import questions

    text = "\n\n".join(f"Q{i} {{T}}" for i in range(questions.MAX_QUESTIONS + 2))
    result = formats.parse_text(text, "gift")
    assert len(result.questions) == questions.MAX_QUESTIONS
    assert "More than" in result.problems[0].message
