"""the access log names the API token that acted, if one did

Revision ID: 0010_access_log_api_token
Revises: 0008_access_log_chain
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0010_access_log_api_token'
down_revision: str | Sequence[str] | None = '0008_access_log_chain'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = '0009_sign_in'


def upgrade() -> None:
    # A plain ADD COLUMN on both backends: no row is rewritten, so the append-only triggers stay as they are.
    op.add_column('access_log', sa.Column('api_token_id', sa.Integer(), nullable=True))


def downgrade() -> None:
    # Not a batch (which would copy the table and lose SQLite's append-only triggers): SQLite 3.35+ drops a column in place.
    op.execute("ALTER TABLE access_log DROP COLUMN api_token_id")
