"""reminder outbox

Revision ID: 0004_outbox
Revises: 0001
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import portal.db

revision: str = '0004_outbox'
down_revision: str | Sequence[str] | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('reminder_outbox',
    sa.Column('key', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('recipient', sqlmodel.sql.sqltypes.AutoString(length=320), nullable=False),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.Column('conference_id', sa.Integer(), nullable=False),
    sa.Column('invitation_id', sa.Integer(), nullable=True),
    sa.Column('send_at', portal.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('claimed_by', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
    sa.Column('claimed_until', portal.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('sent_at', portal.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('last_error', sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=True),
    sa.Column('created_at', portal.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['conference_id'], ['conference.id'], ),
    sa.ForeignKeyConstraint(['invitation_id'], ['invitation.id'], ),
    sa.PrimaryKeyConstraint('key')
    )
    with op.batch_alter_table('reminder_outbox', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reminder_outbox_conference_id'), ['conference_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_reminder_outbox_invitation_id'), ['invitation_id'], unique=False)
        batch_op.create_index('ix_reminder_outbox_status_send_at', ['status', 'send_at'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('reminder_outbox', schema=None) as batch_op:
        batch_op.drop_index('ix_reminder_outbox_status_send_at')
        batch_op.drop_index(batch_op.f('ix_reminder_outbox_invitation_id'))
        batch_op.drop_index(batch_op.f('ix_reminder_outbox_conference_id'))

    op.drop_table('reminder_outbox')
