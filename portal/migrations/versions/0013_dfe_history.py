"""records from the DfE returns

Revision ID: 0013_dfe_history
Revises: 0012_held_form
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = '0013_dfe_history'
down_revision: str | Sequence[str] | None = '0012_held_form'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('history_child',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('la_id', sa.Integer(), nullable=False),
    sa.Column('la_child_id', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('sex', sqlmodel.sql.sqltypes.AutoString(length=1), nullable=False),
    sa.Column('date_of_birth', sa.Date(), nullable=True),
    sa.Column('ethnicity', sqlmodel.sql.sqltypes.AutoString(length=4), nullable=False),
    sa.Column('upn', sqlmodel.sql.sqltypes.AutoString(length=13), nullable=False),
    sa.Column('mother', sqlmodel.sql.sqltypes.AutoString(length=1), nullable=False),
    sa.Column('mothers_child_born_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['la_id'], ['local_authority.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('la_id', 'la_child_id')
    )
    op.create_table('looked_after_episode',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('la_id', sa.Integer(), nullable=False),
    sa.Column('la_child_id', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('started_on', sa.Date(), nullable=False),
    sa.Column('reason_new_episode', sqlmodel.sql.sqltypes.AutoString(length=1), nullable=False),
    sa.Column('legal_status', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=False),
    sa.Column('need_code', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=False),
    sa.Column('placement', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=False),
    sa.Column('placement_provider', sqlmodel.sql.sqltypes.AutoString(length=3), nullable=False),
    sa.Column('ended_on', sa.Date(), nullable=True),
    sa.Column('reason_ended', sqlmodel.sql.sqltypes.AutoString(length=3), nullable=False),
    sa.Column('reason_place_change', sqlmodel.sql.sqltypes.AutoString(length=6), nullable=False),
    sa.Column('home_postcode', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
    sa.Column('placement_postcode', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
    sa.Column('urn', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
    sa.ForeignKeyConstraint(['la_id'], ['local_authority.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('la_id', 'la_child_id', 'started_on')
    )
    op.create_table('looked_after_review',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('la_id', sa.Integer(), nullable=False),
    sa.Column('la_child_id', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('participation', sqlmodel.sql.sqltypes.AutoString(length=3), nullable=False),
    sa.ForeignKeyConstraint(['la_id'], ['local_authority.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('la_id', 'la_child_id', 'held_on')
    )
    op.create_table('protection_plan',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('la_id', sa.Integer(), nullable=False),
    sa.Column('la_child_id', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('started_on', sa.Date(), nullable=False),
    sa.Column('ended_on', sa.Date(), nullable=True),
    sa.Column('initial_category', sqlmodel.sql.sqltypes.AutoString(length=3), nullable=False),
    sa.Column('latest_category', sqlmodel.sql.sqltypes.AutoString(length=3), nullable=False),
    sa.Column('previous_plans', sa.Integer(), nullable=True),
    sa.Column('review_dates', sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
    sa.ForeignKeyConstraint(['la_id'], ['local_authority.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('la_id', 'la_child_id', 'started_on')
    )
    op.create_table('section47_enquiry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('la_id', sa.Integer(), nullable=False),
    sa.Column('la_child_id', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('started_on', sa.Date(), nullable=False),
    sa.Column('initial_conference_on', sa.Date(), nullable=True),
    sa.Column('icpc_not_required', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['la_id'], ['local_authority.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('la_id', 'la_child_id', 'started_on')
    )
    op.add_column('child', sa.Column('la_child_id', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True))
    op.create_index('ix_child_la_child_id', 'child', ['la_id', 'la_child_id'], unique=True)



def downgrade() -> None:
    op.drop_index('ix_child_la_child_id', 'child')
    with op.batch_alter_table('child', schema=None) as batch_op:
        batch_op.drop_column('la_child_id')

    op.drop_table('section47_enquiry')
    op.drop_table('protection_plan')
    op.drop_table('looked_after_review')
    op.drop_table('looked_after_episode')
    op.drop_table('history_child')
