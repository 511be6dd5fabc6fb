"""CSV: one question per row, with documented columns.

Columns (a header row names them, in any order, any case):
``type`` (mcq, multi, truefalse, short, numeric, matching, ordering),
``prompt``, ``options`` (``|``-separated; ``left -> right`` pairs for
matching; items in the right order for ordering), ``correct`` (the correct
option, options, accepted answers or numbers, or true/false), ``weights``
(optional percentages, one per option, or per accepted answer for short and
numeric), ``tolerance`` (numeric: one, or one per number), ``unit``,
``feedback`` (``|``-separated per option or answer; true/false: for True,
then for False), ``explanation``, ``topic``, ``difficulty``, ``title`` and
``category``. ``\\|`` is a literal bar. UTF-8 with or without a byte-order
mark, comma- or semicolon-separated as spreadsheets write them. Problems name
the row (the header is row 1).
"""

import csv
import io
import re
from typing import Any

from quizapp.formats.questions import (
    DEFAULT_TOPIC,
    ParsedQuestion,
    ParseResult,
    compact,
    fraction_from_percent,
    percent,
)
from quizapp.questiontypes.base import format_number
from quizapp.questiontypes.numeric import parse_number
from quizapp.spreadsheet import FORMULA_STARTS, safe_cell

NAME = "csv"
COLUMNS = ("type", "title", "prompt", "options", "correct", "weights", "tolerance", "unit",
           "feedback", "explanation", "topic", "category", "difficulty")  # fmt: skip
REQUIRED = ("type", "prompt")
_SPLIT = re.compile(r"(?<!\\)\|")
_TRUE = {"true", "t", "yes", "1"}
_FALSE = {"false", "f", "no", "0"}
MAX_FIELD = 100_000


class RowError(ValueError):
    """One row cannot be read; the message says why."""


def split_list(cell: str) -> list[str]:
    """``"a|b\\|c"`` -> ``["a", "b|c"]``; an empty cell is an empty list."""
    if not cell.strip():
        return []
    return [part.replace("\\|", "|").strip() for part in _SPLIT.split(cell)]


def join_list(items: list[str]) -> str:
    """The inverse of :func:`split_list`."""
    return "|".join(item.replace("|", "\\|") for item in items)


def _unquote(cell: str) -> str:
    """Undo the quote a safe export puts before a formula-like cell (``'=x`` -> ``=x``)."""
    if cell.startswith("'") and cell[1:].startswith(FORMULA_STARTS):
        return cell[1:]
    return cell


def _dialect(text: str) -> str:
    first = text.split("\n", 1)[0]
    return ";" if first.count(";") > first.count(",") else ","


def parse(text: str) -> ParseResult:
    """Read CSV text into questions and problems (see the module docstring)."""
    result = ParseResult(NAME)
    text = text.lstrip("\ufeff")
    csv.field_size_limit(MAX_FIELD)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_dialect(text))
    try:
        header = [name.strip().lower() for name in next(reader)]
    except StopIteration:
        result.problem(1, "The file is empty: a header row naming the columns comes first.", 1)
        return result
    except csv.Error as exc:
        result.problem(1, f"The header row cannot be read: {exc}.", 1)
        return result
    unknown = [name for name in header if name and name not in COLUMNS]
    missing = [name for name in REQUIRED if name not in header]
    if unknown or missing:
        parts = []
        if missing:
            parts.append(f"missing column(s): {', '.join(missing)}")
        if unknown:
            parts.append(f"unknown column(s): {', '.join(unknown)}")
        result.problem(
            1, f"The header row has {'; '.join(parts)}. Columns: {', '.join(COLUMNS)}.", 1
        )
        return result
    row_number = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            result.problem(reader.line_num, f"This row cannot be read: {exc}.", row_number + 1)
            break
        row_number += 1
        if not any(cell.strip() for cell in cells):
            continue
        row = {name: _unquote(cell) for name, cell in zip(header, cells, strict=False) if name}
        try:
            question = _question(row)
        except RowError as exc:
            result.problem(reader.line_num, str(exc), row_number)
            continue
        question.line = reader.line_num
        result.add(question, row=row_number)
    return result


def _fractions(row: dict[str, str], size: int) -> list[float] | None:
    weights = split_list(row.get("weights", ""))
    if not weights:
        return None
    if len(weights) != size:
        raise RowError(f"'weights' lists {len(weights)} values for {size} answers.")
    try:
        return [fraction_from_percent(w.rstrip("%")) for w in weights]
    except ValueError:
        raise RowError(f"'weights' must be percentages, not {row['weights']!r}.") from None


def _feedback(row: dict[str, str], size: int) -> list[str]:
    feedback = split_list(row.get("feedback", ""))
    if feedback and len(feedback) != size:
        raise RowError(f"'feedback' lists {len(feedback)} texts for {size} answers.")
    return feedback


def _question(row: dict[str, str]) -> ParsedQuestion:
    kind = row.get("type", "").strip().lower()
    builders = {"mcq": _choice, "multi": _choice, "truefalse": _truefalse, "short": _short,
                "numeric": _numeric, "matching": _matching, "ordering": _ordering}  # fmt: skip
    if kind not in builders:
        raise RowError(f"Unknown type {kind or '(empty)'!r}: use one of {', '.join(builders)}.")
    data = builders[kind](row, kind)
    return ParsedQuestion(
        kind,
        row.get("prompt", "").strip(),
        compact(data),
        title=row.get("title", "").strip(),
        explanation=row.get("explanation", "").strip(),
        category=row.get("category", "").strip(),
        topic=row.get("topic", "").strip() or DEFAULT_TOPIC,
        difficulty=row.get("difficulty", "").strip().lower() or "medium",
    )


def _choice(row: dict[str, str], kind: str) -> dict[str, Any]:
    options = split_list(row.get("options", ""))
    correct = split_list(row.get("correct", ""))
    fractions = _fractions(row, len(options))
    data: dict[str, Any] = {"options": options, "feedback": _feedback(row, len(options))}
    if kind == "mcq":
        if len(correct) != 1:
            raise RowError("'correct' must name exactly one option for an mcq question.")
        data["answer"] = correct[0]
    else:
        data["answers"] = correct
    if fractions is not None:
        data["fractions"] = fractions
    return data


def _truefalse(row: dict[str, str], kind: str) -> dict[str, Any]:
    value = row.get("correct", "").strip().lower()
    if value not in _TRUE | _FALSE:
        raise RowError(f"'correct' must be true or false, not {row.get('correct', '')!r}.")
    return {"answer": value in _TRUE, "feedback": _feedback(row, 2)}


def _short(row: dict[str, str], kind: str) -> dict[str, Any]:
    answers = split_list(row.get("correct", ""))
    data: dict[str, Any] = {"answers": answers, "feedback": _feedback(row, len(answers))}
    fractions = _fractions(row, len(answers))
    if fractions is not None:
        data["fractions"] = fractions
    return data


def _number(text: str, what: str) -> float:
    value = parse_number(text)
    if value is None:
        raise RowError(f"'{what}' must be a number, not {text!r}.")
    return value


def _numeric(row: dict[str, str], kind: str) -> dict[str, Any]:
    numbers = [_number(n, "correct") for n in split_list(row.get("correct", ""))]
    if not numbers:
        raise RowError("'correct' must hold the number that answers the question.")
    tolerances = [abs(_number(t, "tolerance")) for t in split_list(row.get("tolerance", ""))]
    tolerances = tolerances or [0.0]
    if len(tolerances) == 1:
        tolerances *= len(numbers)
    if len(tolerances) != len(numbers):
        raise RowError(f"'tolerance' lists {len(tolerances)} values for {len(numbers)} numbers.")
    fractions = _fractions(row, len(numbers)) or [1.0] * len(numbers)
    feedback = _feedback(row, len(numbers)) or [""] * len(numbers)
    entries = [
        {"answer": n, "tolerance": t, "fraction": f, "feedback": fb}
        for n, t, f, fb in zip(numbers, tolerances, fractions, feedback, strict=True)
    ]
    if entries[0]["fraction"] != 1:
        raise RowError("The first number in 'correct' must be worth 100%.")
    first, *others = entries
    return {"answer": first["answer"], "tolerance": first["tolerance"],
            "unit": row.get("unit", "").strip(), "feedback": first["feedback"],
            "alternatives": others}  # fmt: skip


def _matching(row: dict[str, str], kind: str) -> dict[str, Any]:
    pairs = []
    for entry in split_list(row.get("options", "")):
        if "->" not in entry:
            raise RowError(f"Each matching option must be 'item -> match', not {entry!r}.")
        left, right = entry.split("->", 1)
        pairs.append([left.strip(), right.strip()])
    return {"pairs": pairs}


def _ordering(row: dict[str, str], kind: str) -> dict[str, Any]:
    return {"items": split_list(row.get("options", ""))}


# Writing -----------------------------------------------------------------------------------


def _row(question: ParsedQuestion) -> dict[str, str]:
    data = question.data
    row = {"type": question.type, "title": question.title, "prompt": question.prompt,
           "explanation": question.explanation, "topic": question.topic,
           "category": question.category, "difficulty": question.difficulty}  # fmt: skip
    weights = data.get("fractions")
    if question.type in ("mcq", "multi"):
        row["options"] = join_list(data["options"])
        row["correct"] = join_list([data["answer"]] if question.type == "mcq" else data["answers"])
    elif question.type == "truefalse":
        row["correct"] = "true" if data["answer"] else "false"
    elif question.type == "short":
        row["correct"] = join_list(data["answers"])
    elif question.type == "numeric":
        entries = [{**data, "fraction": 1.0}, *data.get("alternatives", [])]
        row["correct"] = join_list([format_number(e["answer"]) for e in entries])
        row["tolerance"] = join_list([format_number(e["tolerance"]) for e in entries])
        row["unit"] = data.get("unit", "")
        weights = [e["fraction"] for e in entries] if len(entries) > 1 else None
        feedback = [e.get("feedback", "") for e in entries]
        row["feedback"] = join_list(feedback) if any(feedback) else ""
    elif question.type == "matching":
        row["options"] = join_list([f"{left} -> {right}" for left, right in data["pairs"]])
    elif question.type == "ordering":
        row["options"] = join_list(data["items"])
    if question.type != "numeric" and data.get("feedback"):
        row["feedback"] = join_list(data["feedback"])
    if weights:
        row["weights"] = join_list([percent(w) for w in weights])
    return row


def write(questions: list[ParsedQuestion]) -> tuple[str, list[str]]:
    """CSV text (BOM, formula-safe cells) and the list of what CSV could not carry."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    lost = []
    for question in questions:
        if question.sources:
            label = question.title or question.prompt[:60]
            lost.append(f"{label!r}: its cited source sentences are not carried by CSV.")
        row = _row(question)
        writer.writerow([safe_cell(row.get(name, "")) for name in COLUMNS])
    return "\ufeff" + buffer.getvalue(), lost
