"""core portal schema

Revision ID: 0001
Revises: 
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import portal.db

revision: str = '0001'
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table('region',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('slug')
    )
    op.create_table('local_authority',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('region_id', sa.Integer(), nullable=False),
    sa.Column('slug', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.ForeignKeyConstraint(['region_id'], ['region.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('slug')
    )
    with op.batch_alter_table('local_authority', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_local_authority_region_id'), ['region_id'], unique=False)

    op.create_table('child',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('la_id', sa.Integer(), nullable=False),
    sa.Column('given_name', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('family_name', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('date_of_birth', sa.Date(), nullable=False),
    sa.Column('nhs_number', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=True),
    sa.ForeignKeyConstraint(['la_id'], ['local_authority.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('child', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_child_la_id'), ['la_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_child_nhs_number'), ['nhs_number'], unique=False)

    op.create_table('organisation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('region_id', sa.Integer(), nullable=False),
    sa.Column('la_id', sa.Integer(), nullable=True),
    sa.Column('agency_id', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
    sa.ForeignKeyConstraint(['la_id'], ['local_authority.id'], ),
    sa.ForeignKeyConstraint(['region_id'], ['region.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('region_id', 'code')
    )
    with op.batch_alter_table('organisation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_organisation_agency_id'), ['agency_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_organisation_la_id'), ['la_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_organisation_region_id'), ['region_id'], unique=False)

    op.create_table('person',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('email', sqlmodel.sql.sqltypes.AutoString(length=320), nullable=False),
    sa.Column('job_title', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('email')
    )
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('care_proceedings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('la_id', sa.Integer(), nullable=False),
    sa.Column('case_number', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('guardian_id', sa.Integer(), nullable=True),
    sa.Column('started_on', sa.Date(), nullable=False),
    sa.Column('ended_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['guardian_id'], ['person.id'], ),
    sa.ForeignKeyConstraint(['la_id'], ['local_authority.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('care_proceedings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_care_proceedings_guardian_id'), ['guardian_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_care_proceedings_la_id'), ['la_id'], unique=False)

    op.create_table('conference',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('la_id', sa.Integer(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('scheduled_at', portal.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('chair_id', sa.Integer(), nullable=True),
    sa.Column('strategy_discussion_on', sa.Date(), nullable=True),
    sa.Column('became_looked_after_on', sa.Date(), nullable=True),
    sa.Column('created_at', portal.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['chair_id'], ['person.id'], ),
    sa.ForeignKeyConstraint(['la_id'], ['local_authority.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('conference', schema=None) as batch_op:
        batch_op.create_index('ix_conference_chair_scheduled', ['chair_id', 'scheduled_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_conference_la_id'), ['la_id'], unique=False)
        batch_op.create_index('ix_conference_la_scheduled', ['la_id', 'scheduled_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_conference_status'), ['status'], unique=False)

    op.create_table('person_role',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('role', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('la_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['la_id'], ['local_authority.id'], ),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('person_id', 'role', 'la_id')
    )
    with op.batch_alter_table('person_role', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_role_person_id'), ['person_id'], unique=False)

    op.create_table('care_plan_view',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('proceedings_id', sa.Integer(), nullable=False),
    sa.Column('child_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('view', sqlmodel.sql.sqltypes.AutoString(length=20000), nullable=False),
    sa.Column('iro_id', sa.Integer(), nullable=False),
    sa.Column('recorded_at', portal.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], ),
    sa.ForeignKeyConstraint(['iro_id'], ['person.id'], ),
    sa.ForeignKeyConstraint(['proceedings_id'], ['care_proceedings.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('proceedings_id', 'child_id', 'version')
    )
    with op.batch_alter_table('care_plan_view', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_care_plan_view_child_id'), ['child_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_care_plan_view_proceedings_id'), ['proceedings_id'], unique=False)

    op.create_table('child_consultation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('conference_id', sa.Integer(), nullable=False),
    sa.Column('child_id', sa.Integer(), nullable=False),
    sa.Column('seen', sa.Boolean(), nullable=False),
    sa.Column('views_conveyed', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(length=4000), nullable=False),
    sa.Column('recorded_at', portal.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], ),
    sa.ForeignKeyConstraint(['conference_id'], ['conference.id'], ),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['person.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('conference_id', 'child_id')
    )
    with op.batch_alter_table('child_consultation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_child_consultation_conference_id'), ['conference_id'], unique=False)

    op.create_table('conference_child',
    sa.Column('conference_id', sa.Integer(), nullable=False),
    sa.Column('child_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], ),
    sa.ForeignKeyConstraint(['conference_id'], ['conference.id'], ),
    sa.PrimaryKeyConstraint('conference_id', 'child_id')
    )
    with op.batch_alter_table('conference_child', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_conference_child_child_id'), ['child_id'], unique=False)

    op.create_table('invitation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('conference_id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('report_due_at', portal.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('family_due_at', portal.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('invited_at', portal.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('invited_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['conference_id'], ['conference.id'], ),
    sa.ForeignKeyConstraint(['invited_by_id'], ['person.id'], ),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('conference_id', 'organisation_id')
    )
    with op.batch_alter_table('invitation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_invitation_conference_id'), ['conference_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_invitation_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('proceedings_child',
    sa.Column('proceedings_id', sa.Integer(), nullable=False),
    sa.Column('child_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], ),
    sa.ForeignKeyConstraint(['proceedings_id'], ['care_proceedings.id'], ),
    sa.PrimaryKeyConstraint('proceedings_id', 'child_id')
    )
    with op.batch_alter_table('proceedings_child', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_proceedings_child_child_id'), ['child_id'], unique=False)

    op.create_table('contribution',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('invitation_id', sa.Integer(), nullable=False),
    sa.Column('conference_id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('sections', sa.JSON(), nullable=False),
    sa.Column('scales', sa.JSON(), nullable=False),
    sa.Column('created_at', portal.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', portal.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('submitted_at', portal.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('shared_with_family_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['author_id'], ['person.id'], ),
    sa.ForeignKeyConstraint(['conference_id'], ['conference.id'], ),
    sa.ForeignKeyConstraint(['invitation_id'], ['invitation.id'], ),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('invitation_id')
    )
    with op.batch_alter_table('contribution', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contribution_conference_id'), ['conference_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_contribution_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('contribution_version',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('contribution_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('sections', sa.JSON(), nullable=False),
    sa.Column('scales', sa.JSON(), nullable=False),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(length=4000), nullable=False),
    sa.Column('created_at', portal.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['contribution_id'], ['contribution.id'], ),
    sa.ForeignKeyConstraint(['created_by_id'], ['person.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('contribution_id', 'number')
    )
    with op.batch_alter_table('contribution_version', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contribution_version_contribution_id'), ['contribution_id'], unique=False)

    op.create_table('withholding_request',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('contribution_id', sa.Integer(), nullable=False),
    sa.Column('section_id', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('reason', sqlmodel.sql.sqltypes.AutoString(length=4000), nullable=False),
    sa.Column('requested_by_id', sa.Integer(), nullable=False),
    sa.Column('requested_at', portal.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('decision', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('decision_note', sqlmodel.sql.sqltypes.AutoString(length=4000), nullable=False),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('decided_at', portal.db.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['contribution_id'], ['contribution.id'], ),
    sa.ForeignKeyConstraint(['decided_by_id'], ['person.id'], ),
    sa.ForeignKeyConstraint(['requested_by_id'], ['person.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('withholding_request', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_withholding_request_contribution_id'), ['contribution_id'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('withholding_request', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_withholding_request_contribution_id'))

    op.drop_table('withholding_request')
    with op.batch_alter_table('contribution_version', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contribution_version_contribution_id'))

    op.drop_table('contribution_version')
    with op.batch_alter_table('contribution', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contribution_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_contribution_conference_id'))

    op.drop_table('contribution')
    with op.batch_alter_table('proceedings_child', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_proceedings_child_child_id'))

    op.drop_table('proceedings_child')
    with op.batch_alter_table('invitation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_invitation_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_invitation_conference_id'))

    op.drop_table('invitation')
    with op.batch_alter_table('conference_child', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_conference_child_child_id'))

    op.drop_table('conference_child')
    with op.batch_alter_table('child_consultation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_child_consultation_conference_id'))

    op.drop_table('child_consultation')
    with op.batch_alter_table('care_plan_view', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_care_plan_view_proceedings_id'))
        batch_op.drop_index(batch_op.f('ix_care_plan_view_child_id'))

    op.drop_table('care_plan_view')
    with op.batch_alter_table('person_role', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_role_person_id'))

    op.drop_table('person_role')
    with op.batch_alter_table('conference', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_conference_status'))
        batch_op.drop_index('ix_conference_la_scheduled')
        batch_op.drop_index(batch_op.f('ix_conference_la_id'))
        batch_op.drop_index('ix_conference_chair_scheduled')

    op.drop_table('conference')
    with op.batch_alter_table('care_proceedings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_care_proceedings_la_id'))
        batch_op.drop_index(batch_op.f('ix_care_proceedings_guardian_id'))

    op.drop_table('care_proceedings')
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_organisation_id'))

    op.drop_table('person')
    with op.batch_alter_table('organisation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_organisation_region_id'))
        batch_op.drop_index(batch_op.f('ix_organisation_la_id'))
        batch_op.drop_index(batch_op.f('ix_organisation_agency_id'))

    op.drop_table('organisation')
    with op.batch_alter_table('child', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_child_nhs_number'))
        batch_op.drop_index(batch_op.f('ix_child_la_id'))

    op.drop_table('child')
    with op.batch_alter_table('local_authority', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_local_authority_region_id'))

    op.drop_table('local_authority')
    op.drop_table('region')

