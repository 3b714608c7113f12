"""the author's decisions on an upload's placements to check

Revision ID: 0011_placement_decision
Revises: 0010_upload_review
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import portal.db

revision: str = '0011_placement_decision'
down_revision: str | Sequence[str] | None = '0010_upload_review'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('placement_decision',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('upload_id', sa.Integer(), nullable=False),
    sa.Column('item', sa.Integer(), nullable=False),
    sa.Column('from_section_id', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('to_section_id', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('contribution_version_id', sa.Integer(), nullable=False),
    sa.Column('decided_by_id', sa.Integer(), nullable=False),
    sa.Column('decided_at', portal.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['upload_id'], ['uploaded_report.id'], ),
    sa.ForeignKeyConstraint(['contribution_version_id'], ['contribution_version.id'], ),
    sa.ForeignKeyConstraint(['decided_by_id'], ['person.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('upload_id', 'item')
    )
    with op.batch_alter_table('placement_decision', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_placement_decision_upload_id'), ['upload_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('placement_decision', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_placement_decision_upload_id'))
    op.drop_table('placement_decision')
