"""What a finished attempt shows: each answer, the key, and where the question came from."""

from dataclasses import dataclass
from datetime import datetime

from quizapp.models import FeedbackTiming, QuestionVersion, Quiz, Response
from quizapp.questiontypes import QuestionType, get_type
from quizapp.quiz.sources import SourceContext, source_context


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
    source: SourceContext | None

    @property
    def verdict(self) -> str:
        if self.score >= 1:
            return "Correct"
        return "Partly correct" if self.score > 0 else "Incorrect"


def question_source(version: QuestionVersion) -> SourceContext | None:
    """The version's source sentence in its paragraph, when it cites an article."""
    if version.article is None or version.source_start is None:
        return None
    try:
        return source_context(version.article.raw_text, version.source_start, version.source_end)
    except ValueError:
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
