"""The database models, split by subject."""

from quizapp.models.attempt import Attempt, AttemptState, Response
from quizapp.models.audit import AuditEvent
from quizapp.models.challenge import (
    Challenge,
    ChallengeReason,
    ChallengeStatus,
    Regrade,
    RegradeChange,
)
from quizapp.models.classes import (
    Assignment,
    AssignmentAdjustment,
    Classroom,
    Enrollment,
    LatePolicy,
)
from quizapp.models.content import (
    Article,
    Difficulty,
    PromptFormat,
    Question,
    QuestionBank,
    QuestionStatus,
    QuestionVersion,
)
from quizapp.models.import_receipt import ImportReceipt
from quizapp.models.item_statistic import ItemStatistic
from quizapp.models.job import Job, JobStatus
from quizapp.models.quiz import (
    GradingMethod,
    Quiz,
    QuizDrawRule,
    QuizQuestion,
    ReviewMoment,
    ReviewPart,
    SelectionMode,
)
from quizapp.models.review import ReviewAction, ReviewDecision
from quizapp.models.site_figure import SiteFigure
from quizapp.models.user import Role, User

__all__ = [
    "Article",
    "Assignment",
    "AssignmentAdjustment",
    "Attempt",
    "AttemptState",
    "AuditEvent",
    "Challenge",
    "ChallengeReason",
    "ChallengeStatus",
    "Classroom",
    "Difficulty",
    "Enrollment",
    "GradingMethod",
    "ImportReceipt",
    "ItemStatistic",
    "Job",
    "JobStatus",
    "LatePolicy",
    "PromptFormat",
    "Question",
    "QuestionBank",
    "QuestionStatus",
    "QuestionVersion",
    "Quiz",
    "QuizDrawRule",
    "QuizQuestion",
    "Regrade",
    "RegradeChange",
    "ReviewAction",
    "ReviewDecision",
    "ReviewMoment",
    "ReviewPart",
    "Response",
    "Role",
    "SelectionMode",
    "SiteFigure",
    "User",
]
