"""form posts held over a sign-in that had ended

Revision ID: 0012_held_form
Revises: 0011_placement_decision
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import portal.db

revision: str = '0012_held_form'
down_revision: str | Sequence[str] | None = '0011_placement_decision'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('held_form',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('path', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('fields', sa.JSON(), nullable=False),
    sa.Column('held_at', portal.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('expires_at', portal.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('token_hash')
    )
    with op.batch_alter_table('held_form', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_held_form_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_held_form_expires_at'), ['expires_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('held_form', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_held_form_expires_at'))
        batch_op.drop_index(batch_op.f('ix_held_form_person_id'))
    op.drop_table('held_form')
