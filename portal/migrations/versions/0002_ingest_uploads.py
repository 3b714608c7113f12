"""uploaded report originals

Revision ID: 0002_ingest
Revises: 0001
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import portal.db

revision: str = '0002_ingest'
down_revision: str | Sequence[str] | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('uploaded_report',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('contribution_id', sa.Integer(), nullable=False),
    sa.Column('contribution_version_id', sa.Integer(), nullable=False),
    sa.Column('file_name', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
    sa.Column('content_type', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('sha256', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('pages', sa.Integer(), nullable=False),
    sa.Column('section_pages', sa.JSON(), nullable=False),
    sa.Column('content', sa.LargeBinary(), nullable=False),
    sa.Column('uploaded_by_id', sa.Integer(), nullable=False),
    sa.Column('uploaded_at', portal.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['contribution_id'], ['contribution.id'], ),
    sa.ForeignKeyConstraint(['contribution_version_id'], ['contribution_version.id'], ),
    sa.ForeignKeyConstraint(['uploaded_by_id'], ['person.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('contribution_version_id')
    )
    with op.batch_alter_table('uploaded_report', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_uploaded_report_contribution_id'), ['contribution_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_uploaded_report_sha256'), ['sha256'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('uploaded_report', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_uploaded_report_sha256'))
        batch_op.drop_index(batch_op.f('ix_uploaded_report_contribution_id'))

    op.drop_table('uploaded_report')
