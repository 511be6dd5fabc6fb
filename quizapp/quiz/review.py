"""What a finished attempt shows: each answer, the key, and where the question came from."""

from dataclasses import dataclass
from datetime import datetime

from quizapp.models import FeedbackTiming, QuestionVersion, Quiz, Response
from quizapp.questiontypes import QuestionType, get_type
from quizapp.quiz.sources import Passage, source_passages


def feedback_visible(quiz: Quiz, now: datetime) -> bool:
    """Whether answers and sources may be shown for a finished attempt at the quiz."""
    if quiz.feedback_timing == FeedbackTiming.AFTER_SUBMIT:
        return True
    if quiz.feedback_timing == FeedbackTiming.AFTER_CLOSE:
        return quiz.closes_at is not None and now >= quiz.closes_at
    return False


@dataclass(frozen=True)
class ReviewItem:
    """One question of a finished attempt, ready for the results page."""

    position: int
    question: QuestionVersion
    qtype: QuestionType
    score: float
    your_answer: str
    correct_answer: str
    source: list[Passage] | None

    @property
    def verdict(self) -> str:
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


def review_items(responses: list[Response]) -> list[ReviewItem]:
    """Review rows for a finished attempt's responses (versions and articles loaded)."""
    items = []
    for response in responses:
        version = response.version
        qtype = get_type(version.type)
        items.append(
            ReviewItem(
                position=response.position,
                question=version,
                qtype=qtype,
                score=response.score or 0.0,
                your_answer=qtype.describe_answer(version.data, response.answer),
                correct_answer=qtype.describe_correct(version.data),
                source=question_source(version),
            )
        )
    return items
