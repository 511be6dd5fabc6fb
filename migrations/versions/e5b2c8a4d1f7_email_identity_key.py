"""email identity key: one account per look-alike address

Adds user.email_key, the confusable skeleton (Unicode TR39) of the normalised
email address, filled in for every existing account, and makes it unique.
Accounts that already share a key (made before this check existed) are all
kept: the oldest gets the plain key, each later one the key with ``#<id>``
appended, so no existing login breaks; new look-alikes of any of them are
refused.

Revision ID: e5b2c8a4d1f7
Revises: 9fe46b924f26
Create Date: 2026-11-23 18:40:00.000000

"""

import logging

from alembic import op
import sqlalchemy as sa

from quizapp.identity import identity_key


# revision identifiers, used by Alembic.
revision = "e5b2c8a4d1f7"
down_revision = "9fe46b924f26"
branch_labels = None
depends_on = None

log = logging.getLogger("alembic.runtime.migration")

_user = sa.table(
    "user",
    sa.column("id", sa.Integer()),
    sa.column("email", sa.String(254)),
    sa.column("email_key", sa.String(1024)),
)


def _fill_keys() -> None:
    connection = op.get_bind()
    seen = set()
    rows = connection.execute(sa.select(_user.c.id, _user.c.email).order_by(_user.c.id))
    for user_id, email in rows.all():
        key = identity_key(email)
        if key in seen:
            log.warning("user %s: address %s looks like an earlier account's", user_id, email)
            key = f"{key}#{user_id}"
        seen.add(key)
        connection.execute(_user.update().where(_user.c.id == user_id).values(email_key=key))


def upgrade():
    with op.batch_alter_table("user", schema=None) as batch_op:
        batch_op.add_column(sa.Column("email_key", sa.String(length=1024), nullable=True))
    _fill_keys()
    with op.batch_alter_table("user", schema=None) as batch_op:
        batch_op.alter_column("email_key", existing_type=sa.String(length=1024), nullable=False)
        batch_op.create_unique_constraint(op.f("uq_user_email_key"), ["email_key"])


def downgrade():
    with op.batch_alter_table("user", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("uq_user_email_key"), type_="unique")
        batch_op.drop_column("email_key")
