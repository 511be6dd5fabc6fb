"""import receipts

One row per confirmed import preview, keyed by the preview's token, so a
preview confirmed twice (a double click, a resent form) imports its questions
once.

Revision ID: b8e4d2a7c913
Revises: a6d3f1c8e2b7
Create Date: 2026-11-23 22:05:00.000000

"""

from alembic import op
import sqlalchemy as sa

import quizapp.models.base


# revision identifiers, used by Alembic.
revision = "b8e4d2a7c913"
down_revision = "a6d3f1c8e2b7"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "import_receipt",
        sa.Column("token", sa.String(length=32), nullable=False),
        sa.Column("bank_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("created_at", quizapp.models.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["bank_id"],
            ["question_bank.id"],
            name=op.f("fk_import_receipt_bank_id_question_bank"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["user.id"],
            name=op.f("fk_import_receipt_user_id_user"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("token", name=op.f("pk_import_receipt")),
    )


def downgrade():
    op.drop_table("import_receipt")
