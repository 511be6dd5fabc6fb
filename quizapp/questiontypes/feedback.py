"""Per-answer feedback carried by imported questions (GIFT ``#``, Moodle XML <feedback>).

The optional ``feedback`` key of a type's data holds a text per option or
accepted answer (``truefalse``: for True, then for False; ``numeric``: for its
answer, and each of ``alternatives`` has its own). :func:`feedback_for`
returns the texts that belong to a saved answer, for the review page.
"""

from typing import Any

from quizapp.questiontypes.base import is_index, is_number
from quizapp.questiontypes.numeric import within
from quizapp.questiontypes.short import matching_variants


def _texts(data: dict[str, Any]) -> list[Any]:
    feedback = data.get("feedback")
    return feedback if isinstance(feedback, list) else []


def _picked(texts: list[Any], indices: list[int]) -> list[str]:
    return [texts[i] for i in indices if is_index(i, len(texts)) and isinstance(texts[i], str)]


def feedback_for(
    type_name: str, data: dict[str, Any], answer: Any, *, prompt: str = ""
) -> list[str]:
    """The feedback texts for ``answer`` (empty when the question carries none).

    ``prompt`` is the question as the student saw it: a typed answer that
    restates it gets the feedback of the variant it was graded by.
    """
    if answer is None or not isinstance(data, dict):
        return []
    if type_name == "mcq":
        found = _picked(_texts(data), [answer] if is_index(answer, 99) else [])
    elif type_name == "multi":
        found = _picked(_texts(data), sorted(answer) if isinstance(answer, list) else [])
    elif type_name == "truefalse":
        found = _picked(_texts(data), [0 if answer else 1] if isinstance(answer, bool) else [])
    elif type_name == "short":
        found = _picked(_texts(data), matching_variants(data, answer, prompt)[:1])
    elif type_name == "numeric":
        found = _numeric_feedback(data, answer)
    else:
        found = []
    return [text for text in found if text.strip()]


def _numeric_feedback(data: dict[str, Any], answer: Any) -> list[str]:
    if not is_number(answer):
        return []
    if within(answer, data.get("answer"), data.get("tolerance", 0)):
        text = data.get("feedback")
        return [text] if isinstance(text, str) else []
    matches = [
        other
        for other in data.get("alternatives") or ()
        if isinstance(other, dict) and within(answer, other.get("answer"), other.get("tolerance"))
    ]
    best = max(matches, key=lambda other: other.get("fraction", 0), default=None)
    text = best.get("feedback") if best else None
    return [text] if isinstance(text, str) else []
