"""due times overridden with a reason, and phone chases

Revision ID: 0015_business_support
Revises: 0014_care_plan_seen
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import portal.db

revision: str = '0015_business_support'
down_revision: str | Sequence[str] | None = '0014_care_plan_seen'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('invitation', schema=None) as batch_op:
        batch_op.add_column(sa.Column('due_override_reason', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=True))
        batch_op.add_column(sa.Column('due_overridden_at', portal.db.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('due_overridden_by_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key('fk_invitation_due_overridden_by_id_person', 'person', ['due_overridden_by_id'], ['id'])
    op.create_table('phone_chase',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('invitation_id', sa.Integer(), nullable=False),
    sa.Column('spoke_to', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('chased_at', portal.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=False),
    sa.Column('recorded_at', portal.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['invitation_id'], ['invitation.id'], ),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['person.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('phone_chase', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_phone_chase_invitation_id'), ['invitation_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('phone_chase', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_phone_chase_invitation_id'))
    op.drop_table('phone_chase')
    with op.batch_alter_table('invitation', schema=None) as batch_op:
        batch_op.drop_constraint('fk_invitation_due_overridden_by_id_person', type_='foreignkey')
        batch_op.drop_column('due_overridden_by_id')
        batch_op.drop_column('due_overridden_at')
        batch_op.drop_column('due_override_reason')
