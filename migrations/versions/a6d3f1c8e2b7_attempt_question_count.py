"""attempt question count

How many questions each attempt showed, stored on the attempt when it starts,
so the question analysis reads an attempt's size instead of counting its
responses with a window over every answer. Existing attempts are counted from
their responses.

Revision ID: a6d3f1c8e2b7
Revises: f4c8a2e6b9d3
Create Date: 2026-11-23 21:35:00.000000

"""

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "a6d3f1c8e2b7"
down_revision = "f4c8a2e6b9d3"
branch_labels = None
depends_on = None

_attempt = sa.table("attempt", sa.column("id", sa.Integer()), sa.column("question_count"))
_response = sa.table("response", sa.column("attempt_id", sa.Integer()))


def upgrade():
    with op.batch_alter_table("attempt", schema=None) as batch_op:
        batch_op.add_column(sa.Column("question_count", sa.Integer(), nullable=True))
    shown = (
        sa.select(sa.func.count())
        .where(_response.c.attempt_id == _attempt.c.id)
        .scalar_subquery()
    )
    op.execute(_attempt.update().values(question_count=shown))
    with op.batch_alter_table("attempt", schema=None) as batch_op:
        batch_op.alter_column("question_count", existing_type=sa.Integer(), nullable=False)


def downgrade():
    with op.batch_alter_table("attempt", schema=None) as batch_op:
        batch_op.drop_column("question_count")
