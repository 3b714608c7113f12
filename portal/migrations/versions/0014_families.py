"""families: parents' and carers' access to their children's conferences, reports read, responses to the chair, attendance replies, the meeting place

Revision ID: 0014_families
Revises: 0013_dfe_history
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import portal.db

revision: str = '0014_families'
down_revision: str | Sequence[str] | None = '0013_dfe_history'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = '0008_case_person'  # family members name the people a case records


def upgrade() -> None:
    op.create_table('family_member',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('case_person_id', sa.Integer(), nullable=False),
    sa.Column('child_id', sa.Integer(), nullable=False),
    sa.Column('la_id', sa.Integer(), nullable=False),
    sa.Column('mobile', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('granted_by_id', sa.Integer(), nullable=False),
    sa.Column('granted_at', portal.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('ended_at', portal.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('ended_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['case_person_id'], ['case_person.id'], ),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], ),
    sa.ForeignKeyConstraint(['ended_by_id'], ['person.id'], ),
    sa.ForeignKeyConstraint(['granted_by_id'], ['person.id'], ),
    sa.ForeignKeyConstraint(['la_id'], ['local_authority.id'], ),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('person_id', 'case_person_id')
    )
    with op.batch_alter_table('family_member', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_family_member_case_person_id'), ['case_person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_family_member_child_id'), ['child_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_family_member_la_id'), ['la_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_family_member_person_id'), ['person_id'], unique=False)

    op.create_table('family_response',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('conference_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('text', sqlmodel.sql.sqltypes.AutoString(length=4000), nullable=False),
    sa.Column('sent_at', portal.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['conference_id'], ['conference.id'], ),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('family_response', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_family_response_conference_id'), ['conference_id'], unique=False)

    op.create_table('meeting_place',
    sa.Column('conference_id', sa.Integer(), nullable=False),
    sa.Column('place', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('join_url', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=False),
    sa.Column('recorded_at', portal.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['conference_id'], ['conference.id'], ),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['person.id'], ),
    sa.PrimaryKeyConstraint('conference_id')
    )
    op.create_table('invitation_attendance',
    sa.Column('invitation_id', sa.Integer(), nullable=False),
    sa.Column('answer', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=False),
    sa.Column('recorded_at', portal.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['invitation_id'], ['invitation.id'], ),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['person.id'], ),
    sa.PrimaryKeyConstraint('invitation_id')
    )
    op.create_table('family_report_read',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('contribution_id', sa.Integer(), nullable=False),
    sa.Column('read_at', portal.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['contribution_id'], ['contribution.id'], ),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('person_id', 'contribution_id')
    )
    with op.batch_alter_table('family_report_read', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_family_report_read_person_id'), ['person_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('family_report_read', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_family_report_read_person_id'))

    op.drop_table('family_report_read')
    op.drop_table('invitation_attendance')
    op.drop_table('meeting_place')
    with op.batch_alter_table('family_response', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_family_response_conference_id'))

    op.drop_table('family_response')
    with op.batch_alter_table('family_member', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_family_member_person_id'))
        batch_op.drop_index(batch_op.f('ix_family_member_la_id'))
        batch_op.drop_index(batch_op.f('ix_family_member_child_id'))
        batch_op.drop_index(batch_op.f('ix_family_member_case_person_id'))

    op.drop_table('family_member')
