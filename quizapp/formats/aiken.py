"""The Aiken format: one-answer multiple choice, read strictly and written.

Each question is one line of text, then two or more options ``A. text`` or
``A) text`` with consecutive capital letters, then ``ANSWER: X`` naming one of
them. Blank lines between questions are allowed. Anything else is an error
that names its line; one bad question never hides the others.
"""

import re
import string

from quizapp.formats.questions import ParsedQuestion, ParseResult

NAME = "aiken"
_OPTION = re.compile(r"^([A-Z])[.)]\s+(\S.*)$")
_ANSWER = re.compile(r"^ANSWER\s*:\s*(.*)$")


class _Pending:
    def __init__(self, line: int, prompt: str) -> None:
        self.line = line
        self.prompt = prompt
        self.options: list[str] = []
        self.broken = False


def parse(text: str) -> ParseResult:
    """Read Aiken text into questions and problems."""
    result = ParseResult(NAME)
    pending: _Pending | None = None
    for number, raw in enumerate(text.lstrip("\ufeff").splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        option = _OPTION.match(line)
        answer = _ANSWER.match(line)
        if answer:
            if pending is None:
                result.problem(number, "An ANSWER: line without a question before it.")
            else:
                _finish(result, pending, answer.group(1).strip(), number)
            pending = None
        elif option and pending is not None:
            _add_option(result, pending, option, number)
        elif pending is not None and not pending.options:
            result.problem(number, "The question text must be on one line (this is a second line).")
            pending.broken = True
        elif pending is not None:
            result.problem(
                pending.line,
                f"The question has no ANSWER: line (line {number} starts another question).",
            )
            pending = _Pending(number, line)
        else:
            pending = _Pending(number, line)
    if pending is not None:
        result.problem(pending.line, "The question has no ANSWER: line at the end of the file.")
    return result


def _add_option(result: ParseResult, pending: _Pending, option: re.Match, number: int) -> None:
    expected = string.ascii_uppercase[len(pending.options)]
    if option.group(1) != expected:
        result.problem(
            number, f"Option letter {option.group(1)} is out of order: expected {expected}."
        )
        pending.broken = True
    pending.options.append(option.group(2).strip())


def _finish(result: ParseResult, pending: _Pending, letter: str, number: int) -> None:
    if pending.broken:
        return
    letters = string.ascii_uppercase[: len(pending.options)]
    if len(pending.options) < 2:
        result.problem(pending.line, "The question needs at least two options (A. and B.).")
    elif len(letter) != 1 or letter not in letters:
        result.problem(
            number,
            f"ANSWER: {letter or '(nothing)'} is not one of the option letters "
            f"{', '.join(letters)}.",
        )
    else:
        data = {"options": pending.options, "answer": pending.options[letters.index(letter)]}
        result.add(ParsedQuestion("mcq", pending.prompt, data, line=pending.line))


def write(questions: list[ParsedQuestion]) -> tuple[str, list[str]]:
    """Aiken text for the one-answer questions and the list of what Aiken could not carry."""
    out: list[str] = []
    lost: list[str] = []
    for question in questions:
        label = question.title or question.prompt[:60]
        if question.type != "mcq":
            lost.append(f"{label!r}: Aiken holds only one-answer multiple choice; not exported.")
            continue
        dropped = [
            what
            for what, present in (
                ("title", question.title),
                ("explanation", question.explanation),
                ("per-answer feedback", question.data.get("feedback")),
                ("partial-credit weights", question.data.get("fractions")),
                ("cited sources", question.sources),
            )
            if present
        ]
        if dropped:
            lost.append(f"{label!r}: Aiken cannot carry its {', '.join(dropped)}.")
        letters = string.ascii_uppercase
        lines = [" ".join(question.prompt.split())]
        lines += [
            f"{letters[i]}. {' '.join(o.split())}" for i, o in enumerate(question.data["options"])
        ]
        lines.append(f"ANSWER: {letters[question.data['options'].index(question.data['answer'])]}")
        out.append("\n".join(lines) + "\n")
    return "\n".join(out), lost
