"""a checklist answer keeps the IRO challenge raised from it

Revision ID: 0020_monitoring_challenge
Revises: 0018_monitoring_checklist, 0017_iro_challenges
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0020_monitoring_challenge'
down_revision: str | Sequence[str] | None = ('0018_monitoring_checklist', '0017_iro_challenges')
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('monitoring_answer', schema=None) as batch_op:
        batch_op.add_column(sa.Column('challenge_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key('fk_monitoring_answer_challenge_id_challenge', 'challenge', ['challenge_id'], ['id'])


def downgrade() -> None:
    with op.batch_alter_table('monitoring_answer', schema=None) as batch_op:
        batch_op.drop_constraint('fk_monitoring_answer_challenge_id_challenge', type_='foreignkey')
        batch_op.drop_column('challenge_id')
