"""access log rows say whether they record a read or a write, which reports' text was read, and are
hash-chained; existing rows are chained in id order

Revision ID: 0008_access_log_chain
Revises: 0005_access_log
"""

from collections.abc import Sequence
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


def _drop_append_only() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER access_log_append_only ON access_log")
    else:
        op.execute("DROP TRIGGER access_log_no_update")
        op.execute("DROP TRIGGER access_log_no_delete")


def _create_append_only() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE ON access_log "
            "FOR EACH ROW EXECUTE FUNCTION access_log_append_only()"
        )
    else:
        for action in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER access_log_no_{action.lower()} BEFORE {action} ON access_log "
                "BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END"
            )


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
    _drop_append_only()
    op.add_column('access_log', sa.Column('action', sa.String(length=8), nullable=False, server_default='read'))
    op.add_column('access_log', sa.Column('contribution_ids', sa.JSON(), nullable=False, server_default='[]'))
    op.add_column('access_log', sa.Column('prev_hash', sa.String(length=64), nullable=False, server_default=''))
    op.add_column('access_log', sa.Column('hash', sa.String(length=64), nullable=False, server_default=''))
    _chain_existing_rows()
    _create_append_only()


def downgrade() -> None:
    _drop_append_only()
    with op.batch_alter_table('access_log', schema=None) as batch_op:
        for column in ('hash', 'prev_hash', 'contribution_ids', 'action'):
            batch_op.drop_column(column)
    _create_append_only()
