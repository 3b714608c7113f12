"""storable text: lone surrogates and NUL saved before requests were cleaned are replaced by U+FFFD
in every text and JSON column, so no stored row breaks a page that shows it

Revision ID: 0010_storable_text
Revises: 0001

The access log is left as it is: its rows are append-only and hash-chained, and hold no free text.
Whatever tables exist when this runs are repaired; tables that other branches create later start empty.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from portal.text import storable, storable_json

revision: str = '0010_storable_text'
down_revision: str | Sequence[str] | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UNTOUCHED = {"access_log", "alembic_version"}


def _repaired(value: object, json: bool) -> object:
    if value is None:
        return None
    if json:
        return storable_json(value)
    return storable(value) if isinstance(value, str) else value


def upgrade() -> None:
    bind = op.get_bind()
    metadata = sa.MetaData()
    metadata.reflect(bind)
    for table in metadata.sorted_tables:
        key = list(table.primary_key.columns)
        texts = {c.name: isinstance(c.type, sa.JSON) for c in table.columns if isinstance(c.type, sa.String | sa.JSON) and not c.primary_key}
        if table.name in UNTOUCHED or not key or not texts:
            continue
        columns = [table.c[name] for name in texts]
        for row in bind.execute(sa.select(*key, *columns)).mappings().all():
            changes = {name: _repaired(row[name], json) for name, json in texts.items()}
            changes = {name: value for name, value in changes.items() if value != row[name]}
            if changes:
                bind.execute(table.update().where(*(k == row[k.name] for k in key)).values(**changes))


def downgrade() -> None:
    """What was replaced cannot be told apart from a written U+FFFD, so nothing is put back."""
