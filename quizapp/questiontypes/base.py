"""The interface every question type implements, and helpers the types share."""

import abc
import functools
import math
import random
import re
import unicodedata
from typing import Any

from wtforms import Form, SelectChoice
from wtforms.fields.core import UnboundField

MIN_OPTIONS = 2
MAX_OPTIONS = 8


class UnknownQuestionType(ValueError):
    """Raised when a question names a type that is not in the registry."""


class QuestionType(abc.ABC):
    """One kind of question: how its answer data looks, how it is asked and how it is graded.

    Subclasses are stateless; the registry holds one instance of each. ``data``
    is the type's answer data (``QuestionVersion.data``); ``order`` is the
    permutation shown (``Response.option_order``); an ``answer`` is the saved
    answer JSON, always in terms of original indices, ``None`` when unanswered.
    """

    name: str = ""
    label: str = ""
    instructions: str = ""

    @property
    def template(self) -> str:
        """The partial that renders this type's fields on the question page."""
        return f"quiz/types/{self.name}.html"

    @abc.abstractmethod
    def validate_data(self, data: dict[str, Any]) -> list[str]:
        """Return human-readable problems with ``data``; an empty list when it is usable."""

    def shown_order(self, data: dict[str, Any], rng: random.Random, shuffle: bool) -> list[int]:
        """Return the permutation of options to show; ``[]`` for types without options."""
        return []

    @abc.abstractmethod
    def form_fields(self, data: dict[str, Any], order: list[int]) -> dict[str, UnboundField]:
        """Return the WTForms fields asking this question, choices in the shown order."""

    @abc.abstractmethod
    def field_data(self, data: dict[str, Any], order: list[int], answer: Any) -> dict[str, Any]:
        """Return the values that prefill this type's fields from a saved answer."""

    @abc.abstractmethod
    def answer_from_form(self, form: Form, data: dict[str, Any], order: list[int]) -> Any | None:
        """Return the answer JSON from a validated form, ``None`` when nothing was answered."""

    @abc.abstractmethod
    def grade(self, data: dict[str, Any], answer: Any, *, prompt: str = "") -> float:
        """Return the fraction of the mark earned, 0.0 to 1.0; never raises on odd answers.

        ``prompt`` is the question's text as the student saw it. Only types whose
        answers are typed words read it (a typed answer may restate the question);
        every caller passes it, so a saved answer earns the same mark everywhere.
        """

    @abc.abstractmethod
    def describe_correct(self, data: dict[str, Any]) -> str:
        """Return the correct answer as plain text for the review page."""

    @abc.abstractmethod
    def describe_answer(self, data: dict[str, Any], answer: Any) -> str:
        """Return a saved answer as plain text, "No answer" when there is none."""

    def answer_terms(self, data: dict[str, Any]) -> list[str]:
        """Return the words that answer the question, for spotting stems that give them away.

        Types whose answers are not words (numbers, true or false, orders) return ``[]``.
        """
        return []

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name!r}>"


NO_ANSWER = "No answer"
UNREADABLE_ANSWER = "Unreadable answer"


def is_int(value: Any) -> bool:
    """Tell whether ``value`` is a JSON integer (``bool`` is not one)."""
    return isinstance(value, int) and not isinstance(value, bool)


def is_number(value: Any) -> bool:
    """Tell whether ``value`` is a finite JSON number (``bool`` is not one)."""
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def is_index(value: Any, size: int) -> bool:
    """Tell whether ``value`` is an integer index into a list of ``size`` items."""
    return is_int(value) and 0 <= value < size


def is_permutation(order: Any, size: int) -> bool:
    """Tell whether ``order`` is a list holding each of ``0..size-1`` once."""
    return (
        isinstance(order, list)
        and len(order) == size
        and all(is_int(i) for i in order)
        and sorted(order) == list(range(size))
    )


def format_number(value: float) -> str:
    """Format a number without a needless ``.0`` or float noise (25.0 -> "25")."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return format(value, ".12g")


def fold_text(text: str) -> str:
    """Fold text for spotting duplicates: NFKC, casefold, collapsed whitespace."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


_THE_A_AN = re.compile(r"^(?:the|an|a)\s+")


@functools.lru_cache(maxsize=8192)
def normalise_answer(text: str) -> str:
    """Normalise a typed answer: NFKC, casefold, no punctuation, one space, no leading article.

    Punctuation is every Unicode character of category P* or S* (so curly
    quotes, dashes and the like count); it is replaced by a space so that
    "Mastcam-Z" and "Mastcam Z" agree.
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    cleaned = "".join(" " if unicodedata.category(ch)[0] in "PS" else ch for ch in folded)
    collapsed = " ".join(cleaned.split())
    return _THE_A_AN.sub("", collapsed)


def string_list_problems(
    data: dict[str, Any],
    key: str,
    *,
    minimum: int = MIN_OPTIONS,
    maximum: int = MAX_OPTIONS,
    fold=fold_text,
) -> list[str]:
    """Check that ``data[key]`` is a list of ``minimum..maximum`` distinct non-empty strings."""
    value = data.get(key)
    if value is None:
        return [f"'{key}' is missing."]
    if not isinstance(value, list):
        return [f"'{key}' must be a list."]
    problems = []
    if not minimum <= len(value) <= maximum:
        if minimum == maximum:
            problems.append(f"'{key}' must have {minimum} entries, not {len(value)}.")
        else:
            problems.append(f"'{key}' must have {minimum} to {maximum} entries, not {len(value)}.")
    if not all(isinstance(item, str) for item in value):
        problems.append(f"Every entry of '{key}' must be text.")
        return problems
    if any(not item.strip() for item in value):
        problems.append(f"'{key}' has an empty entry.")
    seen: set[str] = set()
    for item in value:
        folded = fold(item)
        if folded and folded in seen:
            problems.append(f"'{key}' lists {item!r} more than once.")
        seen.add(folded)
    return problems


def data_problems(data: Any) -> list[str]:
    """Problems that make any answer data unusable (it must be a JSON object)."""
    if not isinstance(data, dict):
        return ["The answer data must be an object."]
    return []


def shuffled(size: int, rng: random.Random, shuffle: bool) -> list[int]:
    """Return ``0..size-1``, shuffled with ``rng`` when ``shuffle`` is true."""
    order = list(range(size))
    if shuffle:
        rng.shuffle(order)
    return order


def shuffled_away_from_key(size: int, rng: random.Random) -> list[int]:
    """Return a shuffled ``0..size-1`` that is never the identity when ``size >= 2``.

    Used where showing items in their stored order would give the answer away.
    """
    order = list(range(size))
    rng.shuffle(order)
    if size >= 2 and order == list(range(size)):
        order = order[1:] + order[:1]
    return order


def usable_order(order: Any, size: int) -> list[int]:
    """Return ``order`` when it is a permutation of ``size`` items, else the stored order.

    Form values and names are positions in this order, never original
    indices: for matching and ordering the original index *is* the key.
    """
    return list(order) if is_permutation(order, size) else list(range(size))


_DIGITS = re.compile(r"[0-9]{1,4}")


def parse_position(value: Any) -> int | None:
    """Parse a posted select value made of ASCII digits; ``None`` for anything else."""
    if isinstance(value, str) and _DIGITS.fullmatch(value):
        return int(value)
    return None


def original_index(value: Any, order: list[int]) -> int | None:
    """Map a posted shown-position string ("0", "1"...) to the original index, or ``None``."""
    position = parse_position(value)
    return order[position] if position is not None and position < len(order) else None


def shown_choices(labels: list[str], order: list[int]) -> list[SelectChoice]:
    """Choices in the shown order, valued by their position on the page, never by stored index."""
    return [SelectChoice(str(position), labels[i]) for position, i in enumerate(order)]


def shown_value(index: Any, order: list[int]) -> str | None:
    """Map an original index to the form value (its shown position), ``None`` if not shown."""
    if not is_int(index) or index not in order:
        return None
    return str(order.index(index))


def optional_list_problems(data: dict[str, Any], key: str, size: int, item: str) -> list[str]:
    """Check an optional per-answer list (``fractions`` or ``feedback``) parallel to answers.

    ``item`` is ``"fraction"`` (numbers from -1 to 1) or ``"text"``.
    """
    if key not in data:
        return []
    value = data[key]
    if not isinstance(value, list) or len(value) != size:
        return [f"'{key}' must list one entry per answer ({size})."]
    if item == "fraction" and not all(is_number(v) and -1 <= v <= 1 for v in value):
        return [f"Every entry of '{key}' must be a number from -1 to 1."]
    if item == "text" and not all(isinstance(v, str) for v in value):
        return [f"Every entry of '{key}' must be text (it may be empty)."]
    return []


def answer_fraction(data: dict[str, Any], index: int, default: float) -> float:
    """The weight of answer ``index`` from the optional ``fractions`` list, else ``default``."""
    fractions = data.get("fractions")
    if isinstance(fractions, list) and 0 <= index < len(fractions) and is_number(fractions[index]):
        return float(fractions[index])
    return default


def clamp_mark(value: float) -> float:
    """A mark within 0.0 to 1.0: negative weights never take a question below zero."""
    return max(0.0, min(1.0, value))
