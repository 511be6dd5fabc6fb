"""Moodle XML: read with a hardened parser, and write.

Read with defusedxml: a DTD, any entity declaration or external reference is
refused with a clear message before anything is read. Types read:
multichoice (single and multiple answers), truefalse, shortanswer, numerical
(with tolerance, units and several weighted answers), matching and ordering;
``category`` entries set the category of what follows. Other Moodle types
(essay, description, cloze, calculated...) are reported as not imported.
"""

import xml.etree.ElementTree as ET  # noqa: S405 - only for building output and the tree type
from typing import Any

import markdown
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

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

NAME = "moodlexml"
NOT_IMPORTED = {
    "essay": "an essay has no answer to grade",
    "description": "a description item is not a question",
    "cloze": "quizapp has no cloze (embedded answers) type",
    "multianswer": "quizapp has no cloze (embedded answers) type",
    "calculated": "quizapp has no calculated type",
    "calculatedsimple": "quizapp has no calculated type",
    "calculatedmulti": "quizapp has no calculated type",
    "randomsamatch": "random short-answer matching draws from other questions",
    "random": "a random question is a placeholder, not a question",
    "ddwtos": "quizapp has no drag-and-drop type",
    "ddimageortext": "quizapp has no drag-and-drop type",
    "ddmarker": "quizapp has no drag-and-drop type",
    "gapselect": "quizapp has no select-missing-words type",
}


class XmlQuestionError(ValueError):
    """One <question> cannot be read; the message says why."""


class _LineBuilder(ET.TreeBuilder):
    """Builds the tree and remembers the line each <question> starts on."""

    def __init__(self) -> None:
        super().__init__()
        self.expat: Any = None
        self.lines: dict[int, int] = {}

    def start(self, tag: str, attrs: dict[str, str]) -> ET.Element:
        element = super().start(tag, attrs)
        if tag == "question" and self.expat is not None:
            self.lines[id(element)] = self.expat.CurrentLineNumber
        return element


def _tree(text: str) -> tuple[ET.Element, dict[int, int]]:
    builder = _LineBuilder()
    parser = DefusedXMLParser(target=builder, forbid_dtd=True, forbid_entities=True,
                              forbid_external=True)  # fmt: skip
    builder.expat = parser.parser
    parser.feed(text)
    return parser.close(), builder.lines


def parse(text: str) -> ParseResult:
    """Read Moodle XML text into questions and problems."""
    result = ParseResult(NAME)
    text = text.lstrip("\ufeff")
    if text.startswith("<?xml"):
        # The text is already decoded: drop the declaration so its encoding is not re-applied.
        text = text[text.find("?>") + 2 :] if "?>" in text else text
    try:
        root, lines = _tree(text)
    except DefusedXmlException:
        result.problem(
            None,
            "The XML declares a DTD or entities; they are refused for safety "
            "(Moodle's own exports never use them).",
        )
        return result
    except ET.ParseError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else None
        result.problem(line, f"Not well-formed XML: {exc}.")
        return result
    if root.tag != "quiz":
        result.problem(1, f"The root element is <{root.tag}>, not <quiz>: not a Moodle XML file.")
        return result
    category = ""
    for element in root:
        if element.tag != "question":
            continue
        line = lines.get(id(element))
        kind = element.get("type", "")
        if kind == "category":
            category = _text(element, "category")
            continue
        try:
            question = _question(element, kind)
        except XmlQuestionError as exc:
            result.problem(line, str(exc))
            continue
        question.line = line
        question.category = category
        result.add(question)
    return result


def _text(element: ET.Element, path: str) -> str:
    """The plain text of ``path/text`` (HTML turned into text when the format is html)."""
    node = element.find(path)
    if node is None:
        return ""
    inner = node.find("text")
    raw = (inner.text if inner is not None else node.text) or ""
    text_format = node.get("format", "html")
    if text_format == "markdown":
        return html_to_text(markdown.markdown(raw))
    if text_format == "html":
        return html_to_text(raw)
    return raw.strip()


def _fraction(answer: ET.Element) -> float:
    raw = answer.get("fraction", "0")
    try:
        value = fraction_from_percent(raw)
    except ValueError:
        raise XmlQuestionError(f"The answer weight {raw!r} is not a number.") from None
    if not -1 <= value <= 1:
        raise XmlQuestionError(f"The answer weight {raw}% is outside -100% to 100%.")
    return value


def _answers(element: ET.Element) -> list[tuple[str, float, str]]:
    return [
        (_text(answer, "."), _fraction(answer), _text(answer, "feedback"))
        for answer in element.findall("answer")
    ]


def _question(element: ET.Element, kind: str) -> ParsedQuestion:
    if kind in NOT_IMPORTED:
        raise XmlQuestionError(f"Not imported: {kind} question ({NOT_IMPORTED[kind]}).")
    builders = {
        "multichoice": _multichoice,
        "truefalse": _truefalse,
        "shortanswer": _shortanswer,
        "numerical": _numerical,
        "matching": _matching,
        "ordering": _ordering,
    }
    if kind not in builders:
        raise XmlQuestionError(f"Not imported: quizapp has no {kind or 'untyped'} question type.")
    question = ParsedQuestion(kind, _text(element, "questiontext"), {})
    question = builders[kind](element, question)
    question.title = _text(element, "name")
    question.prompt = _text(element, "questiontext")
    question.explanation = _text(element, "generalfeedback")
    node = element.find("questiontext/text")
    if node is not None and has_markup(node.text or ""):
        question.notes.append("HTML formatting was removed: the text is shown plain.")
    return question


def _multichoice(element: ET.Element, question: ParsedQuestion) -> ParsedQuestion:
    entries = _answers(element)
    options = [text for text, _, _ in entries]
    fractions = [fraction for _, fraction, _ in entries]
    feedback = [fb for _, _, fb in entries]
    single = (element.findtext("single") or "true").strip().lower() in ("true", "1")
    if single:
        full = [o for o, f in zip(options, fractions, strict=True) if f == 1]
        if not full:
            raise XmlQuestionError("No answer is worth 100% in this one-answer question.")
        data = {"options": options, "answer": full[0], "feedback": feedback}
        if any(f not in (0, 1) for f in fractions) or len(full) > 1:
            data["fractions"] = fractions
        question.type, question.data = "mcq", compact(data)
        return question
    answers = [o for o, f in zip(options, fractions, strict=True) if f > 0]
    data = {"options": options, "answers": answers, "fractions": fractions, "feedback": feedback}
    question.type, question.data = "multi", compact(data)
    return question


def _truefalse(element: ET.Element, question: ParsedQuestion) -> ParsedQuestion:
    by_value: dict[bool, tuple[float, str]] = {}
    for text, fraction, feedback in _answers(element):
        value = {"true": True, "false": False}.get(text.strip().lower())
        if value is None:
            raise XmlQuestionError(f"A true/false answer must be true or false, not {text!r}.")
        by_value[value] = (fraction, feedback)
    if len(by_value) != 2:
        raise XmlQuestionError("A true/false question needs a 'true' and a 'false' answer.")
    data = {
        "answer": by_value[True][0] >= by_value[False][0],
        "feedback": [by_value[True][1], by_value[False][1]],
    }
    question.type, question.data = "truefalse", compact(data)
    return question


def _shortanswer(element: ET.Element, question: ParsedQuestion) -> ParsedQuestion:
    entries = [entry for entry in _answers(element) if entry[1] > 0]
    if (element.findtext("usecase") or "0").strip() == "1":
        question.notes.append("Moodle matched this case-sensitively; quizapp ignores case.")
    data = {
        "answers": [text for text, _, _ in entries],
        "feedback": [fb for _, _, fb in entries],
    }
    if any(f != 1 for _, f, _ in entries):
        data["fractions"] = [f for _, f, _ in entries]
    question.type, question.data = "short", compact(data)
    return question


def _number(text: str, what: str) -> float:
    try:
        return float(text.strip())
    except ValueError:
        raise XmlQuestionError(f"The {what} {text.strip()!r} is not a number.") from None


def _numerical(element: ET.Element, question: ParsedQuestion) -> ParsedQuestion:
    accepted = []
    for answer in element.findall("answer"):
        text, fraction = _text(answer, "."), _fraction(answer)
        if text.strip() in ("*", "") or fraction <= 0:
            continue
        tolerance = abs(_number(answer.findtext("tolerance") or "0", "tolerance"))
        accepted.append({"answer": _number(text, "answer"), "tolerance": tolerance,
                         "fraction": fraction, "feedback": _text(answer, "feedback")})  # fmt: skip
    best = max(accepted, key=lambda entry: entry["fraction"], default=None)
    if best is None or best["fraction"] != 1:
        raise XmlQuestionError("A numerical question needs one answer worth 100%.")
    accepted.remove(best)
    unit = ""
    for node in element.findall("units/unit"):
        if _number(node.findtext("multiplier") or "1", "unit multiplier") == 1:
            unit = (node.findtext("unit_name") or "").strip()
            break
    data = {"answer": best["answer"], "tolerance": best["tolerance"], "unit": unit,
            "feedback": best["feedback"], "alternatives": accepted}  # fmt: skip
    question.type, question.data = "numeric", compact(data)
    return question


def _matching(element: ET.Element, question: ParsedQuestion) -> ParsedQuestion:
    pairs = []
    for sub in element.findall("subquestion"):
        left, right = _text(sub, "."), _text(sub, "answer")
        if not left:
            question.notes.append(f"The extra answer {right!r} (no item of its own) was left out.")
            continue
        pairs.append([left, right])
    question.type, question.data = "matching", {"pairs": pairs}
    return question


def _ordering(element: ET.Element, question: ParsedQuestion) -> ParsedQuestion:
    items = [text for text, _, _ in _answers_in_order(element)]
    question.type, question.data = "ordering", {"items": items}
    return question


def _answers_in_order(element: ET.Element) -> list[tuple[str, float, str]]:
    # qtype_ordering stores each item's place in its "fraction".
    answers = element.findall("answer")
    keyed = sorted(enumerate(answers), key=lambda pair: (float(pair[1].get("fraction", 0) or 0),
                                                         pair[0]))  # fmt: skip
    return [(_text(answer, "."), 0.0, "") for _, answer in keyed]


# Writing -----------------------------------------------------------------------------------


def _add_text(parent: ET.Element, tag: str, text: str, fmt: str | None = "plain_text") -> None:
    node = ET.SubElement(parent, tag, {"format": fmt} if fmt else {})
    ET.SubElement(node, "text").text = text


def _add_answer(parent: ET.Element, text: str, fraction: float, feedback: str = "") -> ET.Element:
    answer = ET.SubElement(
        parent, "answer", {"fraction": percent(fraction), "format": "plain_text"}
    )
    ET.SubElement(answer, "text").text = text
    if feedback:
        _add_text(answer, "feedback", feedback)
    return answer


def _write_answers(node: ET.Element, question: ParsedQuestion) -> None:
    data = question.data
    feedback = data.get("feedback")
    kind = question.type
    if kind in ("mcq", "multi"):
        ET.SubElement(node, "single").text = "true" if kind == "mcq" else "false"
        ET.SubElement(node, "shuffleanswers").text = "true"
        fractions = data.get("fractions")
        for i, option in enumerate(data["options"]):
            if fractions:
                fraction = fractions[i]
            elif kind == "mcq":
                fraction = 1.0 if option == data["answer"] else 0.0
            else:
                share = 1 / len(data["answers"])
                fraction = share if option in data["answers"] else -share
            _add_answer(node, option, fraction, feedback[i] if feedback else "")
    elif kind == "truefalse":
        for_true, for_false = feedback or ("", "")
        _add_answer(node, "true", 1.0 if data["answer"] else 0.0, for_true)
        _add_answer(node, "false", 0.0 if data["answer"] else 1.0, for_false)
    elif kind == "short":
        ET.SubElement(node, "usecase").text = "0"
        fractions = data.get("fractions")
        for i, answer in enumerate(data["answers"]):
            _add_answer(node, answer, fractions[i] if fractions else 1.0,
                        feedback[i] if feedback else "")  # fmt: skip
    elif kind == "numeric":
        entries = [{**data, "fraction": 1.0}, *data.get("alternatives", [])]
        for entry in entries:
            answer = _add_answer(node, format_number(entry["answer"]), entry["fraction"],
                                 entry.get("feedback", ""))  # fmt: skip
            ET.SubElement(answer, "tolerance").text = format_number(entry["tolerance"])
        if data.get("unit"):
            unit = ET.SubElement(ET.SubElement(node, "units"), "unit")
            ET.SubElement(unit, "multiplier").text = "1"
            ET.SubElement(unit, "unit_name").text = data["unit"]
    elif kind == "matching":
        for left, right in data["pairs"]:
            sub = ET.SubElement(node, "subquestion", {"format": "plain_text"})
            ET.SubElement(sub, "text").text = left
            ET.SubElement(ET.SubElement(sub, "answer"), "text").text = right
    elif kind == "ordering":
        for place, item in enumerate(data["items"], start=1):
            _add_answer(node, item, place / 100)


TYPE_NAMES = {"mcq": "multichoice", "multi": "multichoice", "truefalse": "truefalse",
              "short": "shortanswer", "numeric": "numerical", "matching": "matching",
              "ordering": "ordering"}  # fmt: skip


def write(questions: list[ParsedQuestion]) -> tuple[str, list[str]]:
    """Moodle XML for ``questions`` and the list of what it could not carry."""
    quiz = ET.Element("quiz")
    lost: list[str] = []
    category = None
    for question in questions:
        if question.sources:
            label = question.title or question.prompt[:60]
            lost.append(f"{label!r}: its cited source sentences are not carried by Moodle XML.")
        if question.category and question.category != category:
            category = question.category
            node = ET.SubElement(quiz, "question", {"type": "category"})
            _add_text(node, "category", category, None)
        node = ET.SubElement(quiz, "question", {"type": TYPE_NAMES[question.type]})
        _add_text(node, "name", question.title or question.prompt[:80], None)
        _add_text(node, "questiontext", question.prompt)
        _add_text(node, "generalfeedback", question.explanation)
        ET.SubElement(node, "defaultgrade").text = "1"
        _write_answers(node, question)
    ET.indent(quiz)
    body = ET.tostring(quiz, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n', lost
