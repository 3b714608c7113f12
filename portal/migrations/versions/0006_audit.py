"""audit rounds, sample, scores, auditors' levels, moderators' decisions

Revision ID: 0006_audit
Revises: 0001
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import portal.db

revision: str = '0006_audit'
down_revision: str | Sequence[str] | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('audit_round',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('region_id', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('rubric_id', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('rubric_version', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('period_start', sa.Date(), nullable=False),
    sa.Column('period_end', sa.Date(), nullable=False),
    sa.Column('seed', sa.BigInteger(), nullable=False),
    sa.Column('per_council', sa.Integer(), nullable=True),
    sa.Column('fraction', sa.Float(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=False),
    sa.Column('created_at', portal.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['person.id'], ),
    sa.ForeignKeyConstraint(['region_id'], ['region.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('audit_round', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_round_region_id'), ['region_id'], unique=False)

    op.create_table('audit_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('contribution_id', sa.Integer(), nullable=False),
    sa.Column('contribution_version', sa.Integer(), nullable=False),
    sa.Column('la_id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('scheduled_at', portal.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('score', sa.Float(), nullable=True),
    sa.Column('late', sa.Boolean(), nullable=True),
    sa.Column('never_shared', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['contribution_id'], ['contribution.id'], ),
    sa.ForeignKeyConstraint(['la_id'], ['local_authority.id'], ),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], ),
    sa.ForeignKeyConstraint(['round_id'], ['audit_round.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('round_id', 'contribution_id')
    )
    with op.batch_alter_table('audit_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_item_contribution_id'), ['contribution_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_item_la_id'), ['la_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_item_round_id'), ['round_id'], unique=False)

    op.create_table('audit_score',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('criterion_id', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('level', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('reason', sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
    sa.Column('evidence', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['audit_item.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('item_id', 'criterion_id')
    )
    op.create_table('auditor_level',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('criterion_id', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('auditor_id', sa.Integer(), nullable=False),
    sa.Column('level', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
    sa.Column('recorded_at', portal.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['auditor_id'], ['person.id'], ),
    sa.ForeignKeyConstraint(['item_id'], ['audit_item.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('item_id', 'criterion_id', 'auditor_id')
    )
    op.create_table('moderator_decision',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('criterion_id', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('moderator_id', sa.Integer(), nullable=False),
    sa.Column('level', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
    sa.Column('decided_at', portal.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['audit_item.id'], ),
    sa.ForeignKeyConstraint(['moderator_id'], ['person.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('item_id', 'criterion_id')
    )


def downgrade() -> None:
    op.drop_table('moderator_decision')
    op.drop_table('auditor_level')
    op.drop_table('audit_score')
    with op.batch_alter_table('audit_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_item_round_id'))
        batch_op.drop_index(batch_op.f('ix_audit_item_la_id'))
        batch_op.drop_index(batch_op.f('ix_audit_item_contribution_id'))

    op.drop_table('audit_item')
    with op.batch_alter_table('audit_round', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_round_region_id'))

    op.drop_table('audit_round')
