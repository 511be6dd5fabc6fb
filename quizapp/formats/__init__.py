"""Question sets in and out: GIFT, Aiken, Moodle XML, CSV and the project's JSON.

:func:`read` turns uploaded bytes into a :class:`ParseResult` (decoding and
format detection included); :func:`write` turns questions into a file's
text. Each format is one module with ``parse(text)`` and ``write(questions)``.
"""

from collections.abc import Callable

from quizapp.formats import aiken, csv_rows, gift, json_bank, moodle_xml
from quizapp.formats.detect import detect_format
from quizapp.formats.questions import ParsedQuestion, ParseResult, Problem
from quizapp.formats.text import FileTextError, decode

PARSERS: dict[str, Callable[[str], ParseResult]] = {
    gift.NAME: gift.parse,
    aiken.NAME: aiken.parse,
    moodle_xml.NAME: moodle_xml.parse,
    csv_rows.NAME: csv_rows.parse,
    json_bank.NAME: json_bank.parse,
}
FORMAT_NAMES = tuple(PARSERS)
FORMAT_LABELS = {
    "gift": "GIFT (Moodle)",
    "aiken": "Aiken",
    "moodlexml": "Moodle XML",
    "csv": "CSV",
    "json": "JSON (quizapp bank)",
}
EXTENSIONS = {"gift": "gift.txt", "aiken": "aiken.txt", "moodlexml": "xml", "csv": "csv",
              "json": "json"}  # fmt: skip
MEDIA_TYPES = {"gift": "text/plain", "aiken": "text/plain", "moodlexml": "application/xml",
               "csv": "text/csv", "json": "application/json"}  # fmt: skip


def parse_text(text: str, fmt: str = "auto") -> ParseResult:
    """Parse decoded text in ``fmt`` ("auto" detects it from the content)."""
    if fmt == "auto":
        detected = detect_format(text)
        if detected is None:
            result = ParseResult("unknown")
            result.problem(
                None,
                "The format could not be recognised from the content; choose it from the list.",
            )
            return result
        fmt = detected
    return PARSERS[fmt](text)


def read(raw: bytes, fmt: str = "auto") -> ParseResult:
    """Decode uploaded bytes and parse them; a bad encoding is reported as a problem."""
    try:
        text = decode(raw)
    except FileTextError as exc:
        result = ParseResult(fmt)
        result.problem(exc.line, str(exc))
        return result
    return parse_text(text, fmt)


def write(questions: list[ParsedQuestion], fmt: str, **extra) -> tuple[str, list[str]]:
    """The file text for ``questions`` in ``fmt`` and what that format could not carry."""
    writers = {
        gift.NAME: gift.write,
        aiken.NAME: aiken.write,
        moodle_xml.NAME: moodle_xml.write,
        csv_rows.NAME: csv_rows.write,
    }
    if fmt == json_bank.NAME:
        return json_bank.write(questions, **extra)
    return writers[fmt](questions)


__all__ = [
    "FORMAT_NAMES",
    "FileTextError",
    "ParseResult",
    "ParsedQuestion",
    "Problem",
    "parse_text",
    "read",
    "write",
]
