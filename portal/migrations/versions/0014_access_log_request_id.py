"""the access log names the request that caused each row (its X-Request-ID)

Revision ID: 0014_access_log_request_id
Revises: 0010_access_log_api_token
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0014_access_log_request_id'
down_revision: str | Sequence[str] | None = '0010_access_log_api_token'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A plain ADD COLUMN on both backends: no row is rewritten, so the append-only triggers stay as they are,
    # and rows written before it (request_id NULL) hash as they did.
    op.add_column('access_log', sa.Column('request_id', sa.String(length=64), nullable=True))


def downgrade() -> None:
    # Not a batch (which would copy the table and lose SQLite's append-only triggers): SQLite 3.35+ drops a column in place.
    op.execute("ALTER TABLE access_log DROP COLUMN request_id")
