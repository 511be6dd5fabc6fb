"""stored item statistics

The sums behind facility and discrimination, per question version, so the
admin pages read a few hundred rows instead of every answer.

Revision ID: e7b2c4d6f8a1
Revises: c3a1e7d9f2b4
Create Date: 2026-11-23 18:35:00.000000

"""

from alembic import op
import sqlalchemy as sa

import quizapp.models.base


# revision identifiers, used by Alembic.
revision = "e7b2c4d6f8a1"
down_revision = "c3a1e7d9f2b4"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "item_statistic",
        sa.Column("question_version_id", sa.Integer(), nullable=False),
        sa.Column("answers", sa.Integer(), nullable=False),
        sa.Column("sum_x", sa.Double(), nullable=False),
        sa.Column("sum_y", sa.Double(), nullable=False),
        sa.Column("sum_xy", sa.Double(), nullable=False),
        sa.Column("sum_xx", sa.Double(), nullable=False),
        sa.Column("sum_yy", sa.Double(), nullable=False),
        sa.Column("computed_at", quizapp.models.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["question_version_id"],
            ["question_version.id"],
            name=op.f("fk_item_statistic_question_version_id_question_version"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("question_version_id", name=op.f("pk_item_statistic")),
    )


def downgrade():
    op.drop_table("item_statistic")
