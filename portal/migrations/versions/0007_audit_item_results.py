"""the scorer's results stored on each audit item (levels and findings) instead of one row per criterion

Revision ID: 0007_audit_item_results
Revises: 0006_audit
"""

from collections.abc import Iterator, Sequence
from itertools import groupby
from typing import Any

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = '0007_audit_item_results'
down_revision: str | Sequence[str] | None = '0006_audit'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 1000

item = sa.table('audit_item', sa.column('id', sa.Integer), sa.column('levels', sa.JSON), sa.column('findings', sa.JSON))
score = sa.table(
    'audit_score', sa.column('id', sa.Integer), sa.column('item_id', sa.Integer), sa.column('criterion_id', sa.String),
    sa.column('level', sa.String), sa.column('reason', sa.String), sa.column('evidence', sa.JSON),
)


def _batches(rows: Iterator[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _items_from_scores(bind: sa.Connection) -> Iterator[dict[str, Any]]:
    rows = bind.execute(sa.select(score.c.item_id, score.c.criterion_id, score.c.level, score.c.reason, score.c.evidence).order_by(score.c.item_id, score.c.id))
    for item_id, criteria in groupby(rows.all(), key=lambda row: row[0]):
        criteria = list(criteria)
        yield {
            'item': item_id,
            'new_levels': {c[1]: c[2] for c in criteria},
            'new_findings': [{'criterionId': c[1], 'reason': c[3], 'evidence': c[4]} for c in criteria],
        }


def upgrade() -> None:
    with op.batch_alter_table('audit_item', schema=None) as batch_op:
        batch_op.add_column(sa.Column('levels', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('findings', sa.JSON(), nullable=True))
    bind = op.get_bind()
    bind.execute(item.update().values(levels={}, findings=[]))
    update = item.update().where(item.c.id == sa.bindparam('item')).values(levels=sa.bindparam('new_levels'), findings=sa.bindparam('new_findings'))
    for batch in _batches(_items_from_scores(bind)):
        bind.execute(update, batch)
    with op.batch_alter_table('audit_item', schema=None) as batch_op:
        batch_op.alter_column('levels', existing_type=sa.JSON(), nullable=False)
        batch_op.alter_column('findings', existing_type=sa.JSON(), nullable=False)
    op.drop_table('audit_score')
    if _offers_lz4(bind):
        # A round writes ~5 kB of findings per item; lz4 compresses them in half pglz's time.
        op.execute('ALTER TABLE audit_item ALTER COLUMN findings SET COMPRESSION lz4')


def _offers_lz4(bind: sa.Connection) -> bool:
    """PostgreSQL 14 or later, built with lz4."""
    if bind.dialect.name != 'postgresql':
        return False
    return bool(bind.execute(sa.text("SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'")).scalar())


def _scores_from_items(bind: sa.Connection) -> Iterator[dict[str, Any]]:
    for item_id, levels, findings in bind.execute(sa.select(item.c.id, item.c.levels, item.c.findings).order_by(item.c.id)).all():
        for finding in findings:
            criterion = finding['criterionId']
            yield {'item_id': item_id, 'criterion_id': criterion, 'level': levels[criterion], 'reason': finding['reason'][:1000], 'evidence': finding['evidence']}


def downgrade() -> None:
    op.create_table('audit_score',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('criterion_id', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('level', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('reason', sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
    sa.Column('evidence', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['audit_item.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('item_id', 'criterion_id')
    )
    bind = op.get_bind()
    for batch in _batches(_scores_from_items(bind)):
        bind.execute(score.insert(), batch)
    with op.batch_alter_table('audit_item', schema=None) as batch_op:
        batch_op.drop_column('findings')
        batch_op.drop_column('levels')
