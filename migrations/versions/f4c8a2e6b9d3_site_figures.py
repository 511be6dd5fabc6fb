"""stored site figures for the admin dashboard

People, attempts per day and score distributions, recalculated with the item
statistics, so the dashboard reads one row instead of every attempt.

Revision ID: f4c8a2e6b9d3
Revises: e5b2c8a4d1f7
Create Date: 2026-11-23 19:20:00.000000

"""

from alembic import op
import sqlalchemy as sa

import quizapp.models.base


# revision identifiers, used by Alembic.
revision = "f4c8a2e6b9d3"
down_revision = "e5b2c8a4d1f7"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "site_figure",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("computed_at", quizapp.models.base.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_site_figure")),
    )


def downgrade():
    op.drop_table("site_figure")
