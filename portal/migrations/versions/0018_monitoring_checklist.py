"""the chair's monitoring checklist before each meeting

Revision ID: 0018_monitoring_checklist
Revises: 0016_held_upload
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import portal.db

revision: str = '0018_monitoring_checklist'
down_revision: str | Sequence[str] | None = '0016_held_upload'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('monitoring_check',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('la_id', sa.Integer(), nullable=False),
    sa.Column('conference_id', sa.Integer(), nullable=False),
    sa.Column('started_at', portal.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('completed_at', portal.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('completed_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['completed_by_id'], ['person.id'], ),
    sa.ForeignKeyConstraint(['conference_id'], ['conference.id'], ),
    sa.ForeignKeyConstraint(['la_id'], ['local_authority.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('conference_id')
    )
    with op.batch_alter_table('monitoring_check', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_monitoring_check_la_id'), ['la_id'], unique=False)
    op.create_table('monitoring_answer',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('check_id', sa.Integer(), nullable=False),
    sa.Column('item', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('answer', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
    sa.Column('answered_at', portal.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('answered_by_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['answered_by_id'], ['person.id'], ),
    sa.ForeignKeyConstraint(['check_id'], ['monitoring_check.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('check_id', 'item')
    )
    with op.batch_alter_table('monitoring_answer', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_monitoring_answer_check_id'), ['check_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('monitoring_answer', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_monitoring_answer_check_id'))
    op.drop_table('monitoring_answer')
    with op.batch_alter_table('monitoring_check', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_monitoring_check_la_id'))
    op.drop_table('monitoring_check')
