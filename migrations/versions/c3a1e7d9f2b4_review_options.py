"""review options replace feedback timing

Each quiz gets, for each part of a review (score, the student's answers, the
correct answers, feedback and sources), the moments it is shown at, as a bit
set: 1 immediately after the attempt, 2 later while the quiz is open, 4 after
the quiz has closed. The old feedback_timing maps onto them:

- after_submit: everything at every moment;
- after_close: the score always, the rest after the quiz has closed;
- never: the score only.

Revision ID: c3a1e7d9f2b4
Revises: b1f0a2c3d4e5
Create Date: 2026-11-23 18:10:00.000000

"""

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "c3a1e7d9f2b4"
down_revision = "b1f0a2c3d4e5"
branch_labels = None
depends_on = None

PARTS = ("score", "answers", "correct", "feedback")
ALWAYS, AFTER_CLOSE, NONE = 7, 4, 0

# feedback_timing -> moments of (score, answers, correct, feedback)
FROM_TIMING = {
    "after_submit": (ALWAYS, ALWAYS, ALWAYS, ALWAYS),
    "after_close": (ALWAYS, AFTER_CLOSE, AFTER_CLOSE, AFTER_CLOSE),
    "never": (ALWAYS, NONE, NONE, NONE),
}

_quiz = sa.table(
    "quiz",
    sa.column("feedback_timing", sa.String(16)),
    *(sa.column(f"review_{part}", sa.SmallInteger()) for part in PARTS),
)


def upgrade():
    with op.batch_alter_table("quiz", schema=None) as batch_op:
        for part in PARTS:
            batch_op.add_column(
                sa.Column(f"review_{part}", sa.SmallInteger(), nullable=False, server_default="7")
            )
    for timing, moments in FROM_TIMING.items():
        op.execute(
            _quiz.update()
            .where(_quiz.c.feedback_timing == timing)
            .values({f"review_{part}": value for part, value in zip(PARTS, moments)})
        )
    with op.batch_alter_table("quiz", schema=None) as batch_op:
        for part in PARTS:
            batch_op.alter_column(f"review_{part}", server_default=None)
            batch_op.create_check_constraint(
                op.f(f"ck_quiz_review_{part}_moments"), f"review_{part} >= 0 AND review_{part} <= 7"
            )
        batch_op.drop_constraint(op.f("ck_quiz_feedback_timing"), type_="check")
        batch_op.drop_column("feedback_timing")


def _timing(score, answers, correct, feedback):
    """The closest old setting to a set of review options."""
    if correct & 1:
        return "after_submit"
    if correct & AFTER_CLOSE:
        return "after_close"
    return "never"


def downgrade():
    with op.batch_alter_table("quiz", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "feedback_timing",
                sa.Enum(
                    "after_submit",
                    "after_close",
                    "never",
                    name="feedback_timing",
                    native_enum=False,
                    create_constraint=True,
                    length=16,
                ),
                nullable=False,
                server_default="after_submit",
            )
        )
    for correct in range(8):
        op.execute(
            _quiz.update()
            .where(_quiz.c.review_correct == correct)
            .values(feedback_timing=_timing(0, 0, correct, 0))
        )
    with op.batch_alter_table("quiz", schema=None) as batch_op:
        batch_op.alter_column("feedback_timing", server_default=None)
        for part in PARTS:
            batch_op.drop_constraint(op.f(f"ck_quiz_review_{part}_moments"), type_="check")
            batch_op.drop_column(f"review_{part}")
