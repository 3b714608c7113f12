"""a held conference's outcome, each child's decision, and when the outcome letter and minutes were sent

Revision ID: 0019_conference_outcomes
Revises: 0016_held_upload
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import portal.db

revision: str = '0019_conference_outcomes'
down_revision: str | Sequence[str] | None = '0016_held_upload'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('conference_outcome',
    sa.Column('conference_id', sa.Integer(), nullable=False),
    sa.Column('recorded_at', portal.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=False),
    sa.Column('core_group_on', sa.Date(), nullable=True),
    sa.Column('next_review_on', sa.Date(), nullable=True),
    sa.Column('care_plan_endorsed', sa.Boolean(), nullable=True),
    sa.Column('decisions', sqlmodel.sql.sqltypes.AutoString(length=4000), nullable=False),
    sa.Column('notes', sqlmodel.sql.sqltypes.AutoString(length=4000), nullable=False),
    sa.Column('outcome_sent_on', sa.Date(), nullable=True),
    sa.Column('outcome_sent_recorded_by_id', sa.Integer(), nullable=True),
    sa.Column('minutes_sent_on', sa.Date(), nullable=True),
    sa.Column('minutes_sent_recorded_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['conference_id'], ['conference.id'], ),
    sa.ForeignKeyConstraint(['minutes_sent_recorded_by_id'], ['person.id'], ),
    sa.ForeignKeyConstraint(['outcome_sent_recorded_by_id'], ['person.id'], ),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['person.id'], ),
    sa.PrimaryKeyConstraint('conference_id')
    )
    op.create_table('child_outcome',
    sa.Column('conference_id', sa.Integer(), nullable=False),
    sa.Column('child_id', sa.Integer(), nullable=False),
    sa.Column('decision', sqlmodel.sql.sqltypes.AutoString(length=24), nullable=True),
    sa.Column('initial_categories', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('latest_categories', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('plan_started_on', sa.Date(), nullable=True),
    sa.Column('participation', sqlmodel.sql.sqltypes.AutoString(length=3), nullable=False),
    sa.Column('recorded_in_history', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], ),
    sa.ForeignKeyConstraint(['conference_id'], ['conference_outcome.conference_id'], ),
    sa.PrimaryKeyConstraint('conference_id', 'child_id')
    )
    with op.batch_alter_table('child_outcome', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_child_outcome_child_id'), ['child_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('child_outcome', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_child_outcome_child_id'))
    op.drop_table('child_outcome')
    op.drop_table('conference_outcome')
