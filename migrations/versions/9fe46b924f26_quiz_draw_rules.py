"""quiz draw rules

Revision ID: 9fe46b924f26
Revises: e7b2c4d6f8a1
Create Date: 2026-11-23 18:01:30.281476

"""
from alembic import op
import sqlalchemy as sa
import quizapp.models.base


# revision identifiers, used by Alembic.
revision = '9fe46b924f26'
down_revision = 'e7b2c4d6f8a1'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('quiz_draw_rule',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('quiz_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('bank_id', sa.Integer(), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.Column('difficulty', sa.Enum('easy', 'medium', 'hard', name='difficulty', native_enum=False, create_constraint=True, length=16), nullable=True),
    sa.Column('category', sa.String(length=255), nullable=False),
    sa.CheckConstraint('count >= 1', name=op.f('ck_quiz_draw_rule_count_positive')),
    sa.ForeignKeyConstraint(['bank_id'], ['question_bank.id'], name=op.f('fk_quiz_draw_rule_bank_id_question_bank')),
    sa.ForeignKeyConstraint(['quiz_id'], ['quiz.id'], name=op.f('fk_quiz_draw_rule_quiz_id_quiz'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quiz_draw_rule')),
    sa.UniqueConstraint('quiz_id', 'position', name=op.f('uq_quiz_draw_rule_quiz_id_position'))
    )
    with op.batch_alter_table('quiz_draw_rule', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_quiz_draw_rule_bank_id'), ['bank_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_quiz_draw_rule_quiz_id'), ['quiz_id'], unique=False)



def downgrade():
    with op.batch_alter_table('quiz_draw_rule', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_quiz_draw_rule_quiz_id'))
        batch_op.drop_index(batch_op.f('ix_quiz_draw_rule_bank_id'))

    op.drop_table('quiz_draw_rule')
