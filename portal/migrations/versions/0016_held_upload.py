"""an upload's file held with its form over a sign-in that had ended

Revision ID: 0016_held_upload
Revises: 0015_business_support
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = '0016_held_upload'
down_revision: str | Sequence[str] | None = '0015_business_support'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('held_form', schema=None) as batch_op:
        batch_op.add_column(sa.Column('file_name', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=True))
        batch_op.add_column(sa.Column('file_type', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True))
        batch_op.add_column(sa.Column('file_data', sa.LargeBinary(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('held_form', schema=None) as batch_op:
        batch_op.drop_column('file_data')
        batch_op.drop_column('file_type')
        batch_op.drop_column('file_name')
