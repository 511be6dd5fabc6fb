"""What every format reads into and writes from: plain questions and problems.

A parser turns a file's text into a :class:`ParseResult`: the questions it
understood, in the app's question-type data shapes, and the problems (with
the line, or CSV row, and a plain-language reason) for everything it could
not import. Nothing here touches the database.
"""

import html
import re
from dataclasses import asdict, dataclass, field
from typing import Any

import nh3

from quizapp.models import Difficulty
from quizapp.questiontypes import get_type

DEFAULT_TOPIC = "general"
TOPIC_MAX = 40
KEY_MAX = 80
TITLE_MAX = 255
CATEGORY_MAX = 255
DIFFICULTIES = frozenset(d.value for d in Difficulty)
# More questions than this in one file is refused: parsing stays bounded.
MAX_QUESTIONS = 20_000


@dataclass
class Problem:
    """Something in the file that was not imported, and why."""

    line: int | None
    message: str
    row: int | None = None

    def where(self) -> str:
        """ "Row 4", "Line 12" or "" for the whole file."""
        if self.row is not None:
            return f"Row {self.row}"
        return f"Line {self.line}" if self.line is not None else ""

    def as_dict(self) -> dict[str, Any]:
        result: dict[str, Any] = {"line": self.line, "message": self.message}
        if self.row is not None:
            result["row"] = self.row
        return result


@dataclass
class ParsedQuestion:
    """One question as a format carries it, ready to store or to write."""

    type: str
    prompt: str
    data: dict[str, Any]
    title: str = ""
    explanation: str = ""
    category: str = ""
    topic: str = DEFAULT_TOPIC
    difficulty: str = Difficulty.MEDIUM.value
    key: str = ""
    rule: str | None = None
    sources: list[dict[str, Any]] = field(default_factory=list)
    article: str | None = None
    line: int | None = None
    # Things the teacher should know (a weight our grading reads differently...).
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class ParseResult:
    """What one file held: its format, the questions understood and the problems."""

    format: str
    questions: list[ParsedQuestion] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def problem(self, line: int | None, message: str, row: int | None = None) -> None:
        self.problems.append(Problem(line, message, row))

    def add(self, question: ParsedQuestion, row: int | None = None) -> bool:
        """Keep ``question`` if the app can use it; otherwise record why not."""
        reasons = question_problems(question)
        if reasons:
            self.problem(question.line, " ".join(reasons), row)
            return False
        if len(self.questions) >= MAX_QUESTIONS:
            self.problem(question.line, f"More than {MAX_QUESTIONS} questions in one file.", row)
            return False
        self.questions.append(question)
        return True

    def as_dict(self) -> dict[str, Any]:
        return {
            "format": self.format,
            "questions": [question.as_dict() for question in self.questions],
            "problems": [problem.as_dict() for problem in self.problems],
        }


def question_problems(question: ParsedQuestion) -> list[str]:
    """Why the app could not store ``question`` (empty prompt, bad answer data...)."""
    try:
        qtype = get_type(question.type)
    except ValueError as exc:
        return [str(exc)]
    problems = []
    if not question.prompt.strip():
        problems.append("The question has no text.")
    problems += qtype.validate_data(question.data)
    if question.difficulty not in DIFFICULTIES:
        problems.append(f"Unknown difficulty {question.difficulty!r} (easy, medium or hard).")
    if len(question.topic) > TOPIC_MAX:
        problems.append(f"The topic is longer than {TOPIC_MAX} characters.")
    if len(question.title) > TITLE_MAX:
        problems.append(f"The title is longer than {TITLE_MAX} characters.")
    if len(question.category) > CATEGORY_MAX:
        problems.append(f"The category is longer than {CATEGORY_MAX} characters.")
    return problems


def compact(data: dict[str, Any]) -> dict[str, Any]:
    """Drop optional keys that carry nothing (all-empty feedback, all-full fractions)."""
    result = dict(data)
    feedback = result.get("feedback")
    if isinstance(feedback, list) and not any(feedback):
        del result["feedback"]
    if "feedback" in result and not result["feedback"]:
        del result["feedback"]
    if "alternatives" in result and not result["alternatives"]:
        del result["alternatives"]
    return result


def percent(fraction: float) -> str:
    """A fraction as a percentage without float noise (0.5 -> "50", 1/3 -> "33.33333")."""
    value = round(fraction * 100, 5)
    return str(int(value)) if value == int(value) else f"{value:g}"


def fraction_from_percent(text: str) -> float:
    """Parse a percentage ("50", "-33.33333") into a fraction rounded to 7 places."""
    return round(float(text) / 100, 7)


_BLOCK_END = re.compile(r"</(?:p|div|li|h[1-6]|tr)>|<br\s*/?>", re.IGNORECASE)


def html_to_text(markup: str) -> str:
    """Plain text from HTML: every tag removed by the sanitiser, entities decoded.

    Paragraph and line breaks become newlines so that text stays readable.
    """
    marked = _BLOCK_END.sub("\n", markup)
    stripped = nh3.clean(marked, tags=set(), strip_comments=True)
    text = html.unescape(stripped)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "\n".join(line for line in lines if line).strip()


def has_markup(text: str) -> bool:
    """Whether ``text`` holds HTML beyond paragraphs and line breaks."""
    tags = {tag.lower() for tag in re.findall(r"<\s*([a-zA-Z][a-zA-Z0-9]*)", text)}
    return bool(tags - {"p", "br", "div", "span"})
