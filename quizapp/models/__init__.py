"""The database models, split by subject."""

from quizapp.models.attempt import Attempt, AttemptState, Response
from quizapp.models.content import (
    Article,
    Difficulty,
    Question,
    QuestionBank,
    QuestionStatus,
    QuestionVersion,
)
from quizapp.models.quiz import FeedbackTiming, GradingMethod, Quiz, QuizQuestion, SelectionMode
from quizapp.models.user import Role, User

__all__ = [
    "Article",
    "Attempt",
    "AttemptState",
    "Difficulty",
    "FeedbackTiming",
    "GradingMethod",
    "Question",
    "QuestionBank",
    "QuestionStatus",
    "QuestionVersion",
    "Quiz",
    "QuizQuestion",
    "Response",
    "Role",
    "SelectionMode",
    "User",
]
