"""readiness: the previous conference in a child's chain, review number, when held, next review's latest date

Revision ID: 0003_readiness
Revises: 0001
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0003_readiness'
down_revision: str | Sequence[str] | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PREVIOUS_FK = 'fk_conference_previous_conference_id'


def upgrade() -> None:
    with op.batch_alter_table('conference', schema=None) as batch_op:
        batch_op.add_column(sa.Column('previous_conference_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('review_number', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('held_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('next_review_due_on', sa.Date(), nullable=True))
        batch_op.create_foreign_key(PREVIOUS_FK, 'conference', ['previous_conference_id'], ['id'])


def downgrade() -> None:
    with op.batch_alter_table('conference', schema=None) as batch_op:
        batch_op.drop_constraint(PREVIOUS_FK, type_='foreignkey')
        batch_op.drop_column('next_review_due_on')
        batch_op.drop_column('held_on')
        batch_op.drop_column('review_number')
        batch_op.drop_column('previous_conference_id')
