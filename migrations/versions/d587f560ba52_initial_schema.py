"""initial schema

Revision ID: d587f560ba52
Revises:
Create Date: 2026-11-21 22:57:43.938947

"""
from alembic import op
import sqlalchemy as sa
import quizapp.models.base


# revision identifiers, used by Alembic.
revision = 'd587f560ba52'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('article',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=80), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('publisher', sa.String(length=300), nullable=False),
    sa.Column('published', sa.Date(), nullable=True),
    sa.Column('source_file', sa.String(length=255), nullable=True),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('raw_text', sa.Text(), nullable=False),
    sa.Column('created_at', quizapp.models.base.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_article')),
    sa.UniqueConstraint('slug', name=op.f('uq_article_slug'))
    )
    op.create_table('user',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('display_name', sa.String(length=80), nullable=False),
    sa.Column('password_hash', sa.String(length=255), nullable=False),
    sa.Column('role', sa.Enum('student', 'teacher', 'admin', name='role', native_enum=False, create_constraint=True, length=16), nullable=False),
    sa.Column('session_token', sa.String(length=64), nullable=False),
    sa.Column('created_at', quizapp.models.base.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_user')),
    sa.UniqueConstraint('email', name=op.f('uq_user_email')),
    sa.UniqueConstraint('session_token', name=op.f('uq_user_session_token'))
    )
    op.create_table('question_bank',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=80), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('article_id', sa.Integer(), nullable=True),
    sa.Column('created_at', quizapp.models.base.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['article.id'], name=op.f('fk_question_bank_article_id_article')),
    sa.ForeignKeyConstraint(['owner_id'], ['user.id'], name=op.f('fk_question_bank_owner_id_user'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_question_bank')),
    sa.UniqueConstraint('slug', name=op.f('uq_question_bank_slug'))
    )
    op.create_table('quiz',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=80), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('topic', sa.String(length=40), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('selection', sa.Enum('fixed', 'pool', name='selection_mode', native_enum=False, create_constraint=True, length=16), nullable=False),
    sa.Column('draw_count', sa.Integer(), nullable=True),
    sa.Column('time_limit_seconds', sa.Integer(), nullable=True),
    sa.Column('attempts_allowed', sa.Integer(), nullable=True),
    sa.Column('grading_method', sa.Enum('highest', 'last', 'first', 'average', name='grading_method', native_enum=False, create_constraint=True, length=16), nullable=False),
    sa.Column('shuffle_questions', sa.Boolean(), nullable=False),
    sa.Column('shuffle_options', sa.Boolean(), nullable=False),
    sa.Column('feedback_timing', sa.Enum('after_submit', 'after_close', 'never', name='feedback_timing', native_enum=False, create_constraint=True, length=16), nullable=False),
    sa.Column('opens_at', quizapp.models.base.UTCDateTime(), nullable=True),
    sa.Column('closes_at', quizapp.models.base.UTCDateTime(), nullable=True),
    sa.Column('is_published', sa.Boolean(), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('created_at', quizapp.models.base.UTCDateTime(), nullable=False),
    sa.CheckConstraint("selection <> 'pool' OR (draw_count IS NOT NULL AND draw_count >= 1)", name=op.f('ck_quiz_pool_draws')),
    sa.CheckConstraint('attempts_allowed IS NULL OR attempts_allowed >= 1', name=op.f('ck_quiz_attempts_positive')),
    sa.CheckConstraint('opens_at IS NULL OR closes_at IS NULL OR closes_at > opens_at', name=op.f('ck_quiz_window')),
    sa.CheckConstraint('time_limit_seconds IS NULL OR time_limit_seconds > 0', name=op.f('ck_quiz_time_limit_positive')),
    sa.ForeignKeyConstraint(['owner_id'], ['user.id'], name=op.f('fk_quiz_owner_id_user'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quiz')),
    sa.UniqueConstraint('slug', name=op.f('uq_quiz_slug'))
    )
    with op.batch_alter_table('quiz', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_quiz_topic'), ['topic'], unique=False)

    op.create_table('attempt',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('quiz_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('state', sa.Enum('open', 'submitted', 'timed_out', name='attempt_state', native_enum=False, create_constraint=True, length=16), nullable=False),
    sa.Column('started_at', quizapp.models.base.UTCDateTime(), nullable=False),
    sa.Column('deadline', quizapp.models.base.UTCDateTime(), nullable=True),
    sa.Column('submitted_at', quizapp.models.base.UTCDateTime(), nullable=True),
    sa.Column('score', sa.Double(), nullable=True),
    sa.CheckConstraint("(state = 'open' AND submitted_at IS NULL AND score IS NULL) OR (state <> 'open' AND submitted_at IS NOT NULL AND score IS NOT NULL)", name=op.f('ck_attempt_finished_consistently')),
    sa.CheckConstraint('number >= 1', name=op.f('ck_attempt_number_positive')),
    sa.CheckConstraint('score IS NULL OR (score >= 0 AND score <= 1)', name=op.f('ck_attempt_score_range')),
    sa.ForeignKeyConstraint(['quiz_id'], ['quiz.id'], name=op.f('fk_attempt_quiz_id_quiz')),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_attempt_user_id_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attempt')),
    sa.UniqueConstraint('user_id', 'quiz_id', 'number', name=op.f('uq_attempt_user_id_quiz_id_number'))
    )
    with op.batch_alter_table('attempt', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attempt_quiz_id'), ['quiz_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_attempt_user_id'), ['user_id'], unique=False)
        batch_op.create_index('uq_attempt_one_open', ['user_id', 'quiz_id'], unique=True, sqlite_where=sa.text("state = 'open'"), postgresql_where=sa.text("state = 'open'"))

    op.create_table('question',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('bank_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('topic', sa.String(length=40), nullable=False),
    sa.Column('status', sa.Enum('draft', 'published', 'retired', name='question_status', native_enum=False, create_constraint=True, length=16), nullable=False),
    sa.Column('current_version', sa.Integer(), nullable=False),
    sa.Column('created_at', quizapp.models.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', quizapp.models.base.UTCDateTime(), nullable=False),
    sa.CheckConstraint('current_version >= 1', name=op.f('ck_question_version_positive')),
    sa.ForeignKeyConstraint(['bank_id'], ['question_bank.id'], name=op.f('fk_question_bank_id_question_bank')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_question')),
    sa.UniqueConstraint('bank_id', 'key', name=op.f('uq_question_bank_id_key'))
    )
    with op.batch_alter_table('question', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_question_bank_id'), ['bank_id'], unique=False)
        batch_op.create_index('ix_question_topic_status', ['topic', 'status'], unique=False)

    op.create_table('quiz_bank',
    sa.Column('quiz_id', sa.Integer(), nullable=False),
    sa.Column('bank_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['bank_id'], ['question_bank.id'], name=op.f('fk_quiz_bank_bank_id_question_bank')),
    sa.ForeignKeyConstraint(['quiz_id'], ['quiz.id'], name=op.f('fk_quiz_bank_quiz_id_quiz'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('quiz_id', 'bank_id', name=op.f('pk_quiz_bank'))
    )
    op.create_table('question_version',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('type', sa.String(length=16), nullable=False),
    sa.Column('prompt', sa.Text(), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.Column('explanation', sa.Text(), nullable=False),
    sa.Column('difficulty', sa.Enum('easy', 'medium', 'hard', name='difficulty', native_enum=False, create_constraint=True, length=16), nullable=False),
    sa.Column('rule', sa.String(length=80), nullable=True),
    sa.Column('article_id', sa.Integer(), nullable=True),
    sa.Column('source_start', sa.Integer(), nullable=True),
    sa.Column('source_end', sa.Integer(), nullable=True),
    sa.Column('source_text', sa.Text(), nullable=True),
    sa.Column('created_at', quizapp.models.base.UTCDateTime(), nullable=False),
    sa.CheckConstraint('(source_start IS NULL AND source_end IS NULL) OR (source_start >= 0 AND source_end > source_start)', name=op.f('ck_question_version_source_span')),
    sa.ForeignKeyConstraint(['article_id'], ['article.id'], name=op.f('fk_question_version_article_id_article')),
    sa.ForeignKeyConstraint(['question_id'], ['question.id'], name=op.f('fk_question_version_question_id_question')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_question_version')),
    sa.UniqueConstraint('question_id', 'number', name=op.f('uq_question_version_question_id_number'))
    )
    with op.batch_alter_table('question_version', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_question_version_question_id'), ['question_id'], unique=False)

    op.create_table('quiz_question',
    sa.Column('quiz_id', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['question_id'], ['question.id'], name=op.f('fk_quiz_question_question_id_question')),
    sa.ForeignKeyConstraint(['quiz_id'], ['quiz.id'], name=op.f('fk_quiz_question_quiz_id_quiz'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('quiz_id', 'question_id', name=op.f('pk_quiz_question')),
    sa.UniqueConstraint('quiz_id', 'position', name=op.f('uq_quiz_question_quiz_id_position'))
    )
    op.create_table('response',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('attempt_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('question_version_id', sa.Integer(), nullable=False),
    sa.Column('option_order', sa.JSON(), nullable=False),
    sa.Column('answer', sa.JSON(), nullable=True),
    sa.Column('saved_at', quizapp.models.base.UTCDateTime(), nullable=True),
    sa.Column('score', sa.Double(), nullable=True),
    sa.CheckConstraint('score IS NULL OR (score >= 0 AND score <= 1)', name=op.f('ck_response_score_range')),
    sa.ForeignKeyConstraint(['attempt_id'], ['attempt.id'], name=op.f('fk_response_attempt_id_attempt'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['question_version_id'], ['question_version.id'], name=op.f('fk_response_question_version_id_question_version')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_response')),
    sa.UniqueConstraint('attempt_id', 'position', name=op.f('uq_response_attempt_id_position')),
    sa.UniqueConstraint('attempt_id', 'question_version_id', name=op.f('uq_response_attempt_id_question_version_id'))
    )
    with op.batch_alter_table('response', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_response_question_version_id'), ['question_version_id'], unique=False)



def downgrade():
    with op.batch_alter_table('response', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_response_question_version_id'))

    op.drop_table('response')
    op.drop_table('quiz_question')
    with op.batch_alter_table('question_version', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_question_version_question_id'))

    op.drop_table('question_version')
    op.drop_table('quiz_bank')
    with op.batch_alter_table('question', schema=None) as batch_op:
        batch_op.drop_index('ix_question_topic_status')
        batch_op.drop_index(batch_op.f('ix_question_bank_id'))

    op.drop_table('question')
    with op.batch_alter_table('attempt', schema=None) as batch_op:
        batch_op.drop_index('uq_attempt_one_open', sqlite_where=sa.text("state = 'open'"), postgresql_where=sa.text("state = 'open'"))
        batch_op.drop_index(batch_op.f('ix_attempt_user_id'))
        batch_op.drop_index(batch_op.f('ix_attempt_quiz_id'))

    op.drop_table('attempt')
    with op.batch_alter_table('quiz', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_quiz_topic'))

    op.drop_table('quiz')
    op.drop_table('question_bank')
    op.drop_table('user')
    op.drop_table('article')
