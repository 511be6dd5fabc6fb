"""The registry of question types: one class per type, one file per class.

To add a type, write a module with a :class:`QuestionType` subclass and list
an instance of it in ``REGISTRY`` below.
"""

from quizapp.questiontypes.base import QuestionType, UnknownQuestionType
from quizapp.questiontypes.matching import Matching
from quizapp.questiontypes.mcq import MultipleChoice
from quizapp.questiontypes.multi import MultipleResponse
from quizapp.questiontypes.numeric import Numeric
from quizapp.questiontypes.ordering import Ordering
from quizapp.questiontypes.short import ShortAnswer
from quizapp.questiontypes.truefalse import TrueFalse

REGISTRY: dict[str, QuestionType] = {
    qtype.name: qtype
    for qtype in (
        MultipleChoice(),
        MultipleResponse(),
        TrueFalse(),
        Numeric(),
        ShortAnswer(),
        Matching(),
        Ordering(),
    )
}

TYPE_NAMES: tuple[str, ...] = tuple(REGISTRY)


def get_type(name: str) -> QuestionType:
    """Return the registered type called ``name``; raise :class:`UnknownQuestionType` if none."""
    try:
        return REGISTRY[name]
    except (KeyError, TypeError):
        known = ", ".join(TYPE_NAMES)
        raise UnknownQuestionType(
            f"Unknown question type {name!r}; expected one of: {known}."
        ) from None


__all__ = ["REGISTRY", "TYPE_NAMES", "QuestionType", "UnknownQuestionType", "get_type"]
