"""The request's reader and the two loader shapes every relationship uses: by id, and grouped by a key."""

import asyncio
import inspect
from collections import defaultdict
from collections.abc import Callable, Sequence
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


def ready(loader: DataLoader[Any, Any], key: Any) -> Any:
    """What `loader` holds for `key` when it is already loaded (a root field loaded it up front),
    else the awaitable of loading it: a synchronous resolver returning this costs no task and no
    coroutine when the value is there, and still batches when it is not."""
    future = loader.cache_map.get(key)
    if future is not None and future.done() and not future.cancelled() and future.exception() is None:
        return future.result()
    return loader.load(key)


def resolved(compute: Callable[..., Any], *values: Any) -> Any:
    """compute(*values) now when none of the values is still awaitable (see `ready`), else an
    awaitable of it once they are loaded (compute may itself give an awaitable)."""
    if not any(inspect.isawaitable(v) for v in values):
        return compute(*values)

    async def later() -> Any:
        result = compute(*[await v if inspect.isawaitable(v) else v for v in values])
        return await result if inspect.isawaitable(result) else result

    return later()
