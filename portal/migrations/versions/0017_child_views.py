"""child views: links sent to a child or their advocate, the views they gave, and feedback after the meeting

Revision ID: 0017_child_views
Revises: 0016_held_upload
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import portal.db

revision: str = '0017_child_views'
down_revision: str | Sequence[str] | None = '0016_held_upload'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = '0014_families'


def upgrade() -> None:
    op.create_table('child_views_link',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('conference_id', sa.Integer(), nullable=False),
    sa.Column('child_id', sa.Integer(), nullable=False),
    sa.Column('la_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('for_advocate', sa.Boolean(), nullable=False),
    sa.Column('token_hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('code_hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('sent_by_id', sa.Integer(), nullable=False),
    sa.Column('sent_at', portal.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('expires_at', portal.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['conference_id'], ['conference.id'], ),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], ),
    sa.ForeignKeyConstraint(['la_id'], ['local_authority.id'], ),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ),
    sa.ForeignKeyConstraint(['sent_by_id'], ['person.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('token_hash')
    )
    with op.batch_alter_table('child_views_link', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_child_views_link_conference_id'), ['conference_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_child_views_link_la_id'), ['la_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_child_views_link_person_id'), ['person_id'], unique=False)

    op.create_table('child_views',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('link_id', sa.Integer(), nullable=False),
    sa.Column('conference_id', sa.Integer(), nullable=False),
    sa.Column('child_id', sa.Integer(), nullable=False),
    sa.Column('going_well', sqlmodel.sql.sqltypes.AutoString(length=4000), nullable=False),
    sa.Column('worries', sqlmodel.sql.sqltypes.AutoString(length=4000), nullable=False),
    sa.Column('wishes', sqlmodel.sql.sqltypes.AutoString(length=4000), nullable=False),
    sa.Column('who_there', sqlmodel.sql.sqltypes.AutoString(length=4000), nullable=False),
    sa.Column('pictures', sqlmodel.sql.sqltypes.AutoString(length=400), nullable=False),
    sa.Column('drawing', sa.LargeBinary(), nullable=True),
    sa.Column('drawing_type', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('submitted_by_id', sa.Integer(), nullable=False),
    sa.Column('submitted_at', portal.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['link_id'], ['child_views_link.id'], ),
    sa.ForeignKeyConstraint(['conference_id'], ['conference.id'], ),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], ),
    sa.ForeignKeyConstraint(['submitted_by_id'], ['person.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('link_id')
    )
    with op.batch_alter_table('child_views', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_child_views_conference_id'), ['conference_id'], unique=False)

    op.create_table('meeting_feedback',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('conference_id', sa.Integer(), nullable=False),
    sa.Column('la_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('from_child', sa.Boolean(), nullable=False),
    sa.Column('helped', sqlmodel.sql.sqltypes.AutoString(length=4000), nullable=False),
    sa.Column('differently', sqlmodel.sql.sqltypes.AutoString(length=4000), nullable=False),
    sa.Column('sent_at', portal.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['conference_id'], ['conference.id'], ),
    sa.ForeignKeyConstraint(['la_id'], ['local_authority.id'], ),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('meeting_feedback', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_feedback_conference_id'), ['conference_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_meeting_feedback_la_id'), ['la_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('meeting_feedback', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_feedback_la_id'))
        batch_op.drop_index(batch_op.f('ix_meeting_feedback_conference_id'))
    op.drop_table('meeting_feedback')
    with op.batch_alter_table('child_views', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_child_views_conference_id'))
    op.drop_table('child_views')
    with op.batch_alter_table('child_views_link', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_child_views_link_person_id'))
        batch_op.drop_index(batch_op.f('ix_child_views_link_la_id'))
        batch_op.drop_index(batch_op.f('ix_child_views_link_conference_id'))
    op.drop_table('child_views_link')
