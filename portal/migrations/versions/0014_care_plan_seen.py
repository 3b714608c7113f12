"""which version of each child's care-plan view the guardian last looked at

Revision ID: 0014_care_plan_seen
Revises: 0013_dfe_history
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import portal.db

revision: str = '0014_care_plan_seen'
down_revision: str | Sequence[str] | None = '0013_dfe_history'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('care_plan_seen',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('proceedings_id', sa.Integer(), nullable=False),
    sa.Column('child_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('seen_at', portal.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], ),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ),
    sa.ForeignKeyConstraint(['proceedings_id'], ['care_proceedings.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('person_id', 'proceedings_id', 'child_id')
    )
    with op.batch_alter_table('care_plan_seen', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_care_plan_seen_person_id'), ['person_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('care_plan_seen', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_care_plan_seen_person_id'))
    op.drop_table('care_plan_seen')
