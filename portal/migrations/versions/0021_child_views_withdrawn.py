"""a link for a child's views may be withdrawn by whoever may send one

Revision ID: 0021_child_views_withdrawn
Revises: 0017_child_views
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import portal.db

revision: str = '0021_child_views_withdrawn'
down_revision: str | Sequence[str] | None = '0017_child_views'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('child_views_link', schema=None) as batch_op:
        batch_op.add_column(sa.Column('withdrawn_at', portal.db.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('withdrawn_by_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key('fk_child_views_link_withdrawn_by_id_person', 'person', ['withdrawn_by_id'], ['id'])


def downgrade() -> None:
    with op.batch_alter_table('child_views_link', schema=None) as batch_op:
        batch_op.drop_constraint('fk_child_views_link_withdrawn_by_id_person', type_='foreignkey')
        batch_op.drop_column('withdrawn_by_id')
        batch_op.drop_column('withdrawn_at')
