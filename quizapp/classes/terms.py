"""The rules a class assignment adds to a student's attempt at its quiz."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from quizapp.models import LatePolicy


@dataclass(frozen=True)
class AssignmentTerms:
    """The rules a class assignment adds to an attempt, with the student's adjustment."""

    assignment_id: int
    opens_at: datetime | None
    due_at: datetime | None
    late_policy: LatePolicy
    time_multiplier: float | None = None
    extra_minutes: int = 0
    extra_attempts: int = 0

    def refusal(self, now: datetime) -> str | None:
        """Why the assignment cannot be started now, or None when it can."""
        if self.opens_at is not None and now < self.opens_at:
            return f"This assignment opens on {self.opens_at:%d %B %Y at %H:%M} UTC."
        if self.is_past_due(now) and self.late_policy == LatePolicy.REFUSE:
            return "This assignment was due; late work is not accepted."
        return None

    def is_past_due(self, now: datetime) -> bool:
        return self.due_at is not None and now >= self.due_at

    def time_limit(self, seconds: int | None) -> timedelta | None:
        """The student's time limit: the quiz's, times the multiplier, plus extra minutes."""
        if not seconds:
            return None
        return timedelta(seconds=seconds * (self.time_multiplier or 1)) + timedelta(
            minutes=self.extra_minutes
        )
