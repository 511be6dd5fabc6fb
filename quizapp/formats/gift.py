"""Moodle's GIFT format: read and write.

Read: ``::title::``, ``//`` comment lines, ``$CATEGORY:`` lines, the text
formats ``[html]``, ``[markdown]``, ``[plain]`` and ``[moodle]``, the escapes
``\\~ \\= \\# \\{ \\} \\:`` and ``\\n``, multiple choice (``=``/``~``, weights
``~%50%`` including negative ones, per-answer ``#feedback``), multiple-answer
questions (no ``=``, a weight on every answer), true/false with feedback,
short answer (weights allowed), numeric (``#5:0.5``, ``#1..5``, several
weighted answers), matching (``=a -> b``), missing-word questions (text after
the braces), general feedback (``####``), blank-line separation, CRLF line
endings and a byte-order mark. Essays (``{}``), description items (no answer
block) and cloze-like items (several answer blocks) are reported as not
imported, with the reason.
"""

import re
from collections.abc import Iterator

import markdown

from quizapp.formats.questions import (
    ParsedQuestion,
    ParseResult,
    compact,
    fraction_from_percent,
    has_markup,
    html_to_text,
    percent,
)
from quizapp.questiontypes.base import format_number

NAME = "gift"
BLANK = "_____"
_ESCAPES = {"\\:": "\ue000", "\\#": "\ue001", "\\=": "\ue002", "\\{": "\ue003",
            "\\}": "\ue004", "\\~": "\ue005"}  # fmt: skip
_RESTORE = {code: escape[1] for escape, code in _ESCAPES.items()}
_FORMAT = re.compile(r"^\s*\[(html|markdown|plain|moodle)\]", re.IGNORECASE)
_WEIGHT = re.compile(r"^\s*%(-?\d+(?:\.\d+)?)%")
_NUMBER = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?"
_RANGE = re.compile(rf"^({_NUMBER})\.\.({_NUMBER})$")
_TOLERANCE = re.compile(rf"^({_NUMBER})(?::({_NUMBER}))?$")
_TRUE_FALSE = {"T": True, "TRUE": True, "F": False, "FALSE": False}


class GiftError(ValueError):
    """One question's answer block cannot be read; the message says why."""


def _protect(text: str) -> str:
    for escape, code in _ESCAPES.items():
        text = text.replace(escape, code)
    return text.replace("\\n", "\n")


def _restore(text: str) -> str:
    if text.isascii():  # the placeholders are private-use characters
        return text
    for code, char in _RESTORE.items():
        text = text.replace(code, char)
    return text


def _blocks(text: str) -> Iterator[tuple[int, list[str]]]:
    """Questions separated by blank lines, each with its first line number.

    Comment lines become empty lines inside a block, so offsets keep their line.
    """
    block: list[str] = []
    start = 1
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            if block:
                yield start, block
            block = []
            continue
        if not block:
            start = number
        block.append("" if line.strip().startswith("//") else line)
    if block:
        yield start, block


def parse(text: str) -> ParseResult:
    """Read GIFT text into questions and problems (see the module docstring)."""
    result = ParseResult(NAME)
    category = ""
    for start, lines in _blocks(text.lstrip("\ufeff")):
        body = _protect("\n".join(lines))
        if not body.strip():
            continue
        offset = len(body) - len(body.lstrip())
        line = start + body[:offset].count("\n")
        body = body.strip()
        if body.startswith("$CATEGORY:"):
            category = _restore(body[len("$CATEGORY:") :]).strip()
            continue
        try:
            question = _question(body, line)
        except GiftError as exc:
            result.problem(line, str(exc))
            continue
        question.category = category
        result.add(question)
    return result


def _question(body: str, line: int) -> ParsedQuestion:
    title = ""
    if body.startswith("::"):
        end = body.find("::", 2)
        if end < 0:
            raise GiftError("The title starts with '::' but is never closed with '::'.")
        title, body = _restore(body[2:end]).strip(), body[end + 2 :]
    text_format = "moodle"
    match = _FORMAT.match(body)
    if match:
        text_format, body = match.group(1).lower(), body[match.end() :]
    opening = body.find("{")
    if opening < 0:
        if "}" in body:
            raise GiftError("A '}' has no matching '{' (write \\} for a literal brace).")
        raise GiftError(
            "Not imported: a description item (text without an answer block) is not a question."
        )
    closing = body.find("}", opening)
    nested = body.find("{", opening + 1)
    brace_line = line + body[:opening].count("\n")
    if closing < 0 or (0 <= nested < closing):
        raise GiftError(
            f"The '{{' on line {brace_line} is never closed with '}}' "
            "(write \\{ for a literal brace)."
        )
    before, answers, after = body[:opening], body[opening + 1 : closing], body[closing + 1 :]
    if "{" in after or "}" in after:
        raise GiftError(
            "Not imported: several answer blocks in one question (a cloze question); "
            "quizapp has no cloze type."
        )
    prompt = before.strip() + (f" {BLANK} {after.strip()}" if after.strip() else "")
    question = _answer_block(answers.strip())
    question.title = title
    question.line = line
    question.prompt = _text(prompt.strip(), text_format, question)
    return question


def _text(text: str, text_format: str, question: ParsedQuestion) -> str:
    """The question text as plain text, as the app shows it."""
    text = _restore(text)
    if text_format == "markdown":
        text = html_to_text(markdown.markdown(text))
    elif text_format == "html":
        if has_markup(text):
            question.notes.append("HTML formatting was removed: the text is shown plain.")
        text = html_to_text(text)
    return text.strip()


def _answer_block(block: str) -> ParsedQuestion:
    general = ""
    if "####" in block:
        block, general = block.split("####", 1)
        block = block.strip()
    if not block:
        raise GiftError("Not imported: an essay question ({}) has no answer to grade.")
    if block.startswith("#"):
        question = _numeric(block[1:].strip())
    elif "=" not in block and "~" not in block:
        question = _true_false(block)
    elif "=" in block and "->" in block:
        question = _matching(block)
    elif "~" in block:
        question = _choice(block)
    else:
        question = _short(block)
    question.explanation = _restore(general).strip()
    return question


def _answers(block: str) -> list[tuple[str, float | None, str, str]]:
    """Split ``=a#f ~%50%b`` into (marker, weight or None, text, feedback) entries."""
    pieces = re.split(r"(?=[=~])", block)
    if pieces[0].strip():
        raise GiftError(f"Unexpected text {_restore(pieces[0].strip())!r} before the first answer.")
    entries = []
    for piece in pieces[1:]:
        marker, rest = piece[0], piece[1:]
        weight = None
        match = _WEIGHT.match(rest)
        if match:
            weight = fraction_from_percent(match.group(1))
            if not -1 <= weight <= 1:
                raise GiftError(f"The weight {match.group(1)}% is outside -100% to 100%.")
            rest = rest[match.end() :]
        answer, _, feedback = rest.partition("#")
        entries.append((marker, weight, _restore(answer).strip(), _restore(feedback).strip()))
    return entries


def _choice(block: str) -> ParsedQuestion:
    entries = _answers(block)
    options = [text for _, _, text, _ in entries]
    feedback = [fb for _, _, _, fb in entries]
    single = any(marker == "=" for marker, _, _, _ in entries)
    fractions = [
        (1.0 if marker == "=" else 0.0) if weight is None else weight
        for marker, weight, _, _ in entries
    ]
    if single:
        answer = next((o for o, f in zip(options, fractions, strict=True) if f == 1), options[0])
        data = {"options": options, "answer": answer, "feedback": feedback}
        if any(f not in (0, 1) for f in fractions) or fractions.count(1) > 1:
            data["fractions"] = fractions
        question = ParsedQuestion("mcq", "", compact(data))
        if any(f < 0 for f in fractions):
            question.notes.append("A negative weight on one answer counts as 0 marks.")
        return question
    answers = [o for o, f in zip(options, fractions, strict=True) if f > 0]
    data = {"options": options, "answers": answers, "fractions": fractions, "feedback": feedback}
    return ParsedQuestion("multi", "", compact(data))


def _short(block: str) -> ParsedQuestion:
    entries = _answers(block)
    answers = [text for _, _, text, _ in entries]
    fractions = [1.0 if weight is None else weight for _, weight, _, _ in entries]
    data = {"answers": answers, "feedback": [fb for _, _, _, fb in entries]}
    if any(f != 1 for f in fractions):
        data["fractions"] = fractions
    return ParsedQuestion("short", "", compact(data))


def _true_false(block: str) -> ParsedQuestion:
    head, _, comment = block.partition("#")
    value = _TRUE_FALSE.get(head.strip().upper())
    if value is None:
        raise GiftError(
            f"The answer block {{{_restore(block)}}} is not understood: expected T, F, TRUE, "
            "FALSE, '=' or '~' answers, '->' pairs or a '#' number."
        )
    wrong, _, right = (_restore(part).strip() for part in comment.partition("#"))
    for_true, for_false = (right, wrong) if value else (wrong, right)
    data = compact({"answer": value, "feedback": [for_true, for_false]})
    return ParsedQuestion("truefalse", "", data)


def _matching(block: str) -> ParsedQuestion:
    pairs = []
    question = ParsedQuestion("matching", "", {})
    for marker, _, text, _ in _answers(block):
        if marker != "=" or "->" not in text:
            raise GiftError(f"Every matching answer must be '=item -> match', not {text!r}.")
        left, right = (side.strip() for side in text.split("->", 1))
        if not left:
            question.notes.append(f"The extra answer {right!r} (no item of its own) was left out.")
            continue
        pairs.append([left, right])
    question.data = {"pairs": pairs}
    return question


def _number(text: str) -> tuple[float, float]:
    """``5:0.5`` -> (5, 0.5); ``1..5`` -> (3, 2); ``7`` -> (7, 0)."""
    text = _restore(text).strip()
    match = _RANGE.match(text)
    if match:
        low, high = float(match.group(1)), float(match.group(2))
        if low > high:
            raise GiftError(f"The range {text} runs backwards.")
        return round((low + high) / 2, 12), round((high - low) / 2, 12)
    match = _TOLERANCE.match(text)
    if not match:
        raise GiftError(f"{text!r} is not a number (expected 5, 5:0.5 or 1..5).")
    tolerance = abs(float(match.group(2) or 0))
    return float(match.group(1)), tolerance


def _numeric(block: str) -> ParsedQuestion:
    if not block.startswith(("=", "~")):
        value, _, feedback = block.partition("#")
        answer, tolerance = _number(value)
        data = {"answer": answer, "tolerance": tolerance, "unit": ""}
        data["feedback"] = _restore(feedback).strip()
        return ParsedQuestion("numeric", "", compact(data))
    question = ParsedQuestion("numeric", "", {})
    accepted = []
    for marker, weight, text, feedback in _answers(block):
        if marker == "~" or not text:
            if text:
                question.notes.append(f"The wrong answer {text} was left out.")
            continue
        answer, tolerance = _number(text)
        fraction = 1.0 if weight is None else weight
        if fraction < 0:
            question.notes.append(f"The negative weight on {text} was read as 0.")
            fraction = 0.0
        accepted.append({"answer": answer, "tolerance": tolerance, "fraction": fraction,
                         "feedback": feedback})  # fmt: skip
    best = max(accepted, key=lambda entry: entry["fraction"], default=None)
    if best is None or best["fraction"] != 1:
        raise GiftError("A numeric question needs one answer worth 100%.")
    accepted.remove(best)
    question.data = compact(
        {
            "answer": best["answer"],
            "tolerance": best["tolerance"],
            "unit": "",
            "feedback": best["feedback"],
            "alternatives": accepted,
        }
    )
    return question


# Writing -----------------------------------------------------------------------------------


def escape(text: str) -> str:
    """Text safe inside GIFT: reserved characters escaped, newlines as ``\\n``."""
    for char in "~=#{}:":
        text = text.replace(char, "\\" + char)
    return text.replace("\r\n", "\n").replace("\n", "\\n")


def _weighted(marker: str, text: str, weight: float | None, feedback: str) -> str:
    prefix = f"{marker}%{percent(weight)}%" if weight is not None else marker
    return f"{prefix}{escape(text)}" + (f"#{escape(feedback)}" if feedback else "")


def _block(question: ParsedQuestion) -> str:
    data = question.data
    kind = question.type
    feedback = data.get("feedback")
    if kind == "mcq":
        fractions = data.get("fractions")
        lines = []
        for i, option in enumerate(data["options"]):
            weight = fractions[i] if fractions else (1.0 if option == data["answer"] else 0.0)
            marker = "=" if weight == 1 else "~"
            shown = None if weight in (0, 1) else weight
            lines.append(_weighted(marker, option, shown, feedback[i] if feedback else ""))
        return "\n".join(lines)
    if kind == "multi":
        fractions = data.get("fractions") or _even_weights(data)
        return "\n".join(
            _weighted("~", option, fractions[i], feedback[i] if feedback else "")
            for i, option in enumerate(data["options"])
        )
    if kind == "short":
        fractions = data.get("fractions")
        return "\n".join(
            _weighted(
                "=",
                answer,
                fractions[i] if fractions and fractions[i] != 1 else None,
                feedback[i] if feedback else "",
            )  # fmt: skip
            for i, answer in enumerate(data["answers"])
        )
    if kind == "truefalse":
        for_true, for_false = feedback or ("", "")
        wrong, right = (for_false, for_true) if data["answer"] else (for_true, for_false)
        tail = f"#{escape(wrong)}#{escape(right)}" if wrong or right else ""
        return ("TRUE" if data["answer"] else "FALSE") + tail
    if kind == "numeric":
        return "#" + _numeric_answers(data)
    if kind == "matching":
        return "\n".join(f"={escape(left)} -> {escape(right)}" for left, right in data["pairs"])
    raise ValueError(kind)


def _even_weights(data: dict) -> list[float]:
    """Moodle-style weights for a multi question without its own: correct share 100%."""
    share = round(1 / len(data["answers"]), 7)
    wrong = -share
    return [share if option in data["answers"] else wrong for option in data["options"]]


def _numeric_answers(data: dict) -> str:
    def one(answer: float, tolerance: float, feedback: str) -> str:
        tail = f"#{escape(feedback)}" if feedback else ""
        return f"{format_number(answer)}:{format_number(tolerance)}{tail}"

    main = one(data["answer"], data["tolerance"], data.get("feedback", ""))
    if not data.get("alternatives"):
        return main
    parts = [f"={main}"]
    for other in data["alternatives"]:
        text = one(other["answer"], other["tolerance"], other.get("feedback", ""))
        parts.append(f"=%{percent(other['fraction'])}%{text}")
    return "\n".join(parts)


SUPPORTED = ("mcq", "multi", "truefalse", "short", "numeric", "matching")


def write(questions: list[ParsedQuestion]) -> tuple[str, list[str]]:
    """GIFT text for ``questions`` and the list of what GIFT could not carry."""
    out: list[str] = []
    lost: list[str] = []
    category = ""
    for question in questions:
        label = question.title or question.prompt[:60]
        if question.type not in SUPPORTED:
            lost.append(f"{label!r}: GIFT has no {question.type} questions; not exported.")
            continue
        if question.sources:
            lost.append(f"{label!r}: its cited source sentences are not carried by GIFT.")
        if question.category and question.category != category:
            category = question.category
            out.append(f"$CATEGORY: {category}\n")
        title = f"::{escape(question.title)}::" if question.title else ""
        prompt = escape(question.prompt)
        if prompt.startswith("["):
            prompt = "[plain]" + prompt
        general = f"\n####{escape(question.explanation)}" if question.explanation else ""
        out.append(f"{title}{prompt} {{\n{_block(question)}{general}\n}}\n")
    return "\n".join(out), lost
