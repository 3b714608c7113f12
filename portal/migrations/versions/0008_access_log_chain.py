"""access log rows say whether they record a read or a write, which reports' text was read, and are
hash-chained; existing rows are chained in id order

Revision ID: 0008_access_log_chain
Revises: 0005_access_log
"""

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from types import SimpleNamespace

import sqlalchemy as sa
from alembic import op

import portal.db
from portal.accesslog.chain import GENESIS, digest

revision: str = '0008_access_log_chain'
down_revision: str | Sequence[str] | None = '0005_access_log'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

log = sa.table(
    'access_log', sa.column('id', sa.Integer), sa.column('at', portal.db.UTCDateTime()), sa.column('person_id', sa.Integer),
    sa.column('action', sa.String), sa.column('operation_type', sa.String), sa.column('operation_name', sa.String),
    sa.column('fields', sa.JSON), sa.column('child_ids', sa.JSON), sa.column('contribution_ids', sa.JSON),
    sa.column('prev_hash', sa.String), sa.column('hash', sa.String),
)


@contextmanager
def _append_only_lifted() -> Iterator[None]:
    """The rows must be updated once here; the append-only triggers are put back exactly as they were."""
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute("ALTER TABLE access_log DISABLE TRIGGER access_log_append_only")
        yield
        op.execute("ALTER TABLE access_log ENABLE TRIGGER access_log_append_only")
        return
    triggers = bind.execute(sa.text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'access_log'")).all()
    for name, _ in triggers:
        op.execute(f"DROP TRIGGER {name}")
    yield
    for _, sql in triggers:
        op.execute(sql)


def _chain_existing_rows() -> None:
    bind = op.get_bind()
    bind.execute(log.update().where(log.c.operation_type == 'mutation').values(action='write'))
    previous = GENESIS
    for row in bind.execute(sa.select(log).order_by(log.c.id)).all():
        entry = SimpleNamespace(**row._mapping)
        entry.hash = digest(entry, previous)  # type: ignore[arg-type]
        bind.execute(log.update().where(log.c.id == row.id).values(prev_hash=previous, hash=entry.hash))
        previous = entry.hash


def upgrade() -> None:
    with _append_only_lifted():
        _add_columns_and_chain()


def _add_columns_and_chain() -> None:
    op.add_column('access_log', sa.Column('action', sa.String(length=8), nullable=False, server_default='read'))
    op.add_column('access_log', sa.Column('contribution_ids', sa.JSON(), nullable=False, server_default='[]'))
    op.add_column('access_log', sa.Column('prev_hash', sa.String(length=64), nullable=False, server_default=''))
    op.add_column('access_log', sa.Column('hash', sa.String(length=64), nullable=False, server_default=''))
    _chain_existing_rows()


def downgrade() -> None:
    with _append_only_lifted(), op.batch_alter_table('access_log', schema=None) as batch_op:
        for column in ('hash', 'prev_hash', 'contribution_ids', 'action'):
            batch_op.drop_column(column)
