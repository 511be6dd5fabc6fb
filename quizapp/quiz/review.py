"""What a finished attempt shows: each answer, the key, and where the question came from."""

from dataclasses import dataclass
from typing import Any

from quizapp.models import QuestionVersion, Response, ReviewPart
from quizapp.questiontypes import QuestionType, get_type
from quizapp.questiontypes.base import is_permutation
from quizapp.questiontypes.feedback import feedback_for
from quizapp.quiz.sources import Passage, source_passages
from quizapp.quiz.visibility import ReviewVisibility


@dataclass(frozen=True)
class ReviewItem:
    """One question of a finished attempt, ready for the results page.

    A field is None when the review may not show it now (see quiz.visibility).
    """

    position: int
    question: QuestionVersion
    qtype: QuestionType
    score: float | None  # the marks and the verdict
    your_answer: str | None
    correct_answer: str | None
    explanation: str | None
    source: list[Passage] | None
    withheld_by: str | None  # the graded quiz that can still ask this question
    # Per-answer feedback an imported question carries for the answer given.
    answer_feedback: tuple[str, ...] = ()
    your_order: list[str] | None = None  # ordering questions: the items as the student put them
    correct_order: list[str] | None = None  # ordering questions: the items in the key's order

    @property
    def verdict(self) -> str | None:
        if self.score is None:
            return None
        if self.score >= 1:
            return "Correct"
        return "Partly correct" if self.score > 0 else "Incorrect"


def question_source(version: QuestionVersion) -> list[Passage] | None:
    """The version's cited sentences in their paragraphs, when it cites an article."""
    if version.article is None or not version.sources:
        return None
    spans = [(source["start"], source["end"]) for source in version.sources]
    try:
        return source_passages(version.article.raw_text, spans)
    except (ValueError, KeyError, TypeError):
        return None


def ordered_items(version: QuestionVersion, order: Any) -> list[str] | None:
    """An ordering question's items in the given order of indices; None for other types."""
    items = version.data.get("items") if version.type == "ordering" else None
    if not isinstance(items, list) or not is_permutation(order, len(items)):
        return None
    return [str(items[index]) for index in order]


def _review_item(response: Response, visibility: ReviewVisibility) -> ReviewItem:
    version = response.version
    qtype = get_type(version.type)

    def shown(part: ReviewPart) -> bool:
        return visibility.shows_for(part, version.question_id)

    return ReviewItem(
        position=response.position,
        question=version,
        qtype=qtype,
        score=(response.score or 0.0) if shown(ReviewPart.SCORE) else None,
        your_answer=(
            qtype.describe_answer(version.data, response.answer)
            if shown(ReviewPart.ANSWERS)
            else None
        ),
        correct_answer=qtype.describe_correct(version.data) if shown(ReviewPart.CORRECT) else None,
        explanation=(version.explanation or None) if shown(ReviewPart.FEEDBACK) else None,
        source=question_source(version) if shown(ReviewPart.FEEDBACK) else None,
        withheld_by=visibility.withheld.get(version.question_id),
        answer_feedback=(
            tuple(feedback_for(version.type, version.data, response.answer, prompt=version.prompt))
            if shown(ReviewPart.FEEDBACK) and shown(ReviewPart.ANSWERS)
            else ()
        ),
        your_order=ordered_items(version, response.answer) if shown(ReviewPart.ANSWERS) else None,
        correct_order=(
            ordered_items(version, list(range(len(version.data.get("items") or []))))
            if shown(ReviewPart.CORRECT)
            else None
        ),
    )


def review_items(responses: list[Response], visibility: ReviewVisibility) -> list[ReviewItem]:
    """Review rows for a finished attempt's responses (versions and articles loaded).

    Only what ``visibility`` allows is filled in; empty when it shows no question.
    """
    if not visibility.shows_questions:
        return []
    return [_review_item(response, visibility) for response in responses]
