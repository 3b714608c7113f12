"""Changes a client may retry safely: the first change with a key is made and its result kept with the
key, in the same transaction; a later request with the same key (say, after the connection dropped
before the answer came) makes no change and gets that result back."""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from portal.errors import conflict, invalid
from portal.idempotency.models import IdempotencyKey
from portal.identity import Actor

KEY = ("input", "idempotencyKey")
MAX_KEY = 200
OTHER_CHANGE = "This idempotency key was already used for a different change; send a new key for each change."


@dataclass(frozen=True)
class Once:
    """`replay` loads the first change's result from the id it kept."""

    key: str
    operation: str
    replay: Callable[[AsyncSession, int], Awaitable[Any]]


def check_key(key: str) -> None:
    if not key or len(key) > MAX_KEY or not key.isprintable() or key != key.strip():
        raise invalid(KEY, f"An idempotency key is 1 to {MAX_KEY} printable characters without spaces around them (a UUID, say).")


def actor_key(actor: Actor) -> str:
    return f"token:{actor.token_id}" if actor.token_id is not None else f"person:{actor.person_id}"


async def earlier(session: AsyncSession, actor: Actor, once: Once) -> Any | None:
    """The result of the change first made with this key, or None when the key is new."""
    check_key(once.key)
    row = (await session.execute(
        select(IdempotencyKey).where(IdempotencyKey.actor == actor_key(actor), IdempotencyKey.key == once.key)
    )).scalar_one_or_none()
    if row is None:
        return None
    if row.operation != once.operation:
        raise conflict(KEY, OTHER_CHANGE)
    return await once.replay(session, row.result_id)


def remember(session: AsyncSession, actor: Actor, once: Once, result: Any) -> None:
    """Keep the key with the change's result, in the change's own transaction."""
    session.add(IdempotencyKey(actor=actor_key(actor), key=once.key, operation=once.operation, result_id=result.id))


async def prune(session: AsyncSession, before: datetime) -> int:
    """Forget the keys kept before `before`: a retry that late is a new request. Returns how many went."""
    result = await session.execute(delete(IdempotencyKey).where(IdempotencyKey.created_at < before))
    return result.rowcount or 0


__all__ = ["Once", "actor_key", "check_key", "earlier", "prune", "remember"]
