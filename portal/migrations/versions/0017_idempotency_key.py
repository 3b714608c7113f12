"""idempotency keys: a client's key for a change kept with its result, so that a retry is answered, not repeated

Revision ID: 0017_idempotency_key
Revises: 0016_held_upload
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import portal.db

revision: str = '0017_idempotency_key'
down_revision: str | Sequence[str] | None = '0016_held_upload'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'idempotency_key',
        sa.Column('actor', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column('key', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column('operation', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column('result_id', sa.Integer(), nullable=False),
        sa.Column('created_at', portal.db.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('actor', 'key'),
    )


def downgrade() -> None:
    op.drop_table('idempotency_key')
