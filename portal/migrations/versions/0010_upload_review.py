"""uploaded reports keep the placements the author should check

Revision ID: 0010_upload_review
Revises: 0002_ingest
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0010_upload_review'
down_revision: str | Sequence[str] | None = '0002_ingest'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('uploaded_report') as batch:
        batch.add_column(sa.Column('to_review', sa.JSON(), nullable=False, server_default='[]'))


def downgrade() -> None:
    with op.batch_alter_table('uploaded_report') as batch:
        batch.drop_column('to_review')
