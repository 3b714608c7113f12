"""IRO challenges: the challenge, its reasons, each stage reached with its answer; reminders to answer one

Revision ID: 0017_iro_challenges
Revises: 0001 (depends on 0004_outbox)
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import portal.db

revision: str = '0017_iro_challenges'
down_revision: str | Sequence[str] | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = '0004_outbox'  # reminders to answer a challenge go through the outbox


def upgrade() -> None:
    op.create_table('challenge',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('la_id', sa.Integer(), nullable=False),
    sa.Column('child_id', sa.Integer(), nullable=False),
    sa.Column('conference_id', sa.Integer(), nullable=True),
    sa.Column('raised_by_id', sa.Integer(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('resolution_sought', sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
    sa.Column('other_reason', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
    sa.Column('raised_on', sa.Date(), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('stage', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('outcome', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('closed_by_id', sa.Integer(), nullable=True),
    sa.Column('closing_note', sqlmodel.sql.sqltypes.AutoString(length=4000), nullable=False),
    sa.Column('created_at', portal.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', portal.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], ),
    sa.ForeignKeyConstraint(['closed_by_id'], ['person.id'], ),
    sa.ForeignKeyConstraint(['conference_id'], ['conference.id'], ),
    sa.ForeignKeyConstraint(['la_id'], ['local_authority.id'], ),
    sa.ForeignKeyConstraint(['raised_by_id'], ['person.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('challenge', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_challenge_child_id'), ['child_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_challenge_conference_id'), ['conference_id'], unique=False)
        batch_op.create_index('ix_challenge_la_raised', ['la_id', 'raised_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_challenge_raised_by_id'), ['raised_by_id'], unique=False)

    op.create_table('challenge_reason',
    sa.Column('challenge_id', sa.Integer(), nullable=False),
    sa.Column('reason', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.ForeignKeyConstraint(['challenge_id'], ['challenge.id'], ),
    sa.PrimaryKeyConstraint('challenge_id', 'reason')
    )
    op.create_table('challenge_step',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('challenge_id', sa.Integer(), nullable=False),
    sa.Column('stage', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('stage_name', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('responder_id', sa.Integer(), nullable=True),
    sa.Column('started_on', sa.Date(), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('started_by_id', sa.Integer(), nullable=False),
    sa.Column('escalation_note', sqlmodel.sql.sqltypes.AutoString(length=4000), nullable=False),
    sa.Column('outcome', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True),
    sa.Column('response', sqlmodel.sql.sqltypes.AutoString(length=4000), nullable=False),
    sa.Column('responded_on', sa.Date(), nullable=True),
    sa.Column('responded_by_id', sa.Integer(), nullable=True),
    sa.Column('responded_at', portal.db.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['challenge_id'], ['challenge.id'], ),
    sa.ForeignKeyConstraint(['responded_by_id'], ['person.id'], ),
    sa.ForeignKeyConstraint(['responder_id'], ['person.id'], ),
    sa.ForeignKeyConstraint(['started_by_id'], ['person.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('challenge_step', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_challenge_step_challenge_id'), ['challenge_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_challenge_step_responder_id'), ['responder_id'], unique=False)

    with op.batch_alter_table('reminder_outbox', schema=None) as batch_op:
        batch_op.add_column(sa.Column('challenge_id', sa.Integer(), nullable=True))
        batch_op.alter_column('conference_id',
               existing_type=sa.INTEGER(),
               nullable=True)
        batch_op.create_index(batch_op.f('ix_reminder_outbox_challenge_id'), ['challenge_id'], unique=False)
        batch_op.create_foreign_key('fk_reminder_outbox_challenge_id_challenge', 'challenge', ['challenge_id'], ['id'])



def downgrade() -> None:
    with op.batch_alter_table('reminder_outbox', schema=None) as batch_op:
        batch_op.drop_constraint('fk_reminder_outbox_challenge_id_challenge', type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_reminder_outbox_challenge_id'))
        batch_op.alter_column('conference_id',
               existing_type=sa.INTEGER(),
               nullable=False)
        batch_op.drop_column('challenge_id')

    with op.batch_alter_table('challenge_step', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_challenge_step_responder_id'))
        batch_op.drop_index(batch_op.f('ix_challenge_step_challenge_id'))

    op.drop_table('challenge_step')
    op.drop_table('challenge_reason')
    with op.batch_alter_table('challenge', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_challenge_raised_by_id'))
        batch_op.drop_index('ix_challenge_la_raised')
        batch_op.drop_index(batch_op.f('ix_challenge_conference_id'))
        batch_op.drop_index(batch_op.f('ix_challenge_child_id'))

    op.drop_table('challenge')
