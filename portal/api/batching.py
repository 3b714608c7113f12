"""The request's reader and the two loader shapes every relationship uses: by id, and grouped by a key."""

import asyncio
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.dataloader import DataLoader

from portal.children.models import Child


class Reader:
    """One request's session, shared by loaders that may run concurrently."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        self.lock = asyncio.Lock()
        self.children_seen: set[int] = set()
        self.contributions_seen: set[int] = set()

    async def all(self, statement: Select[Any]) -> Sequence[Any]:
        async with self.lock:
            return (await self.session.execute(statement)).all()

    async def scalars(self, statement: Select[Any]) -> Sequence[Any]:
        async with self.lock:
            return (await self.session.execute(statement)).scalars().all()


def by_id(reader: Reader, model: Any) -> DataLoader[int, Any]:
    """Rows of `model` by primary key, None for an id with no row."""

    async def load(ids: list[int]) -> list[Any]:
        rows = {row.id: row for row in await reader.scalars(select(model).where(model.id.in_(ids)))}
        if model is Child:
            reader.children_seen.update(rows)
        return [rows.get(i) for i in ids]

    return DataLoader(load_fn=load)


def grouped(reader: Reader, key: Any, item: Any, *order_by: Any, join: tuple[Any, Any] | None = None) -> DataLoader[int, list[Any]]:
    """`item` (a model, or a bundle) for each value of the column `key`, in `order_by` order:
    one query per batch, `join` naming the table and condition when `item` is not `key`'s own table."""

    def statement(keys: list[int]) -> Select[Any]:
        chosen = select(key, item)
        if join is not None:
            chosen = chosen.join(*join)
        return chosen.where(key.in_(keys)).order_by(*order_by)

    async def load(keys: list[int]) -> list[list[Any]]:
        groups: dict[int, list[Any]] = defaultdict(list)
        for found, row in await reader.all(statement(keys)):
            if isinstance(row, Child):
                reader.children_seen.add(row.id)
            groups[found].append(row)
        return [groups.get(k, []) for k in keys]

    return DataLoader(load_fn=load)
