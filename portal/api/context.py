"""What every resolver can reach: the actor, the request's session, loaders and agency definitions."""

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.types import Info as StrawberryInfo

from portal.agencies import AgencyRegistry
from portal.api.loaders import Loaders, Reader
from portal.errors import DomainError, Problem
from portal.identity import Actor
from portal.settings import Settings


@dataclass
class Context:
    actor: Actor
    session: AsyncSession
    agencies: AgencyRegistry
    settings: Settings
    request: Any = None
    response: Any = None
    reader: Reader = field(init=False)
    loaders: Loaders = field(init=False)

    def __post_init__(self) -> None:
        self.reader = Reader(self.session)
        self.loaders = Loaders(self.reader)


Info = StrawberryInfo[Context, None]


async def in_transaction(context: Context, work: Any) -> tuple[Any, tuple[Problem, ...]]:
    """Run one mutation's work as one transaction: all of it is written, or none of it."""
    session = context.session
    if session.in_transaction():
        await session.commit()
    try:
        result = await work(session, context.actor)
        await session.commit()
    except DomainError as error:
        await session.rollback()
        return None, error.problems
    except BaseException:
        await session.rollback()
        raise
    return result, ()
