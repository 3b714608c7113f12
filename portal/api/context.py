"""What every resolver can reach: the actor, the request's session, loaders and agency definitions."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.types import Info as StrawberryInfo

from portal.agencies import AgencyRegistry
from portal.api.loaders import Loaders, Reader
from portal.errors import DomainError, Problem
from portal.identity import Actor
from portal.readiness.changes import take_changed
from portal.readiness.notifier import Notifier
from portal.settings import Settings
from portal.timescales import LARules


@dataclass
class Context:
    actor: Actor
    session: AsyncSession
    agencies: AgencyRegistry
    settings: Settings
    rules: Mapping[str, LARules]
    request: Any = None
    response: Any = None
    notifier: Notifier = field(default_factory=Notifier)
    reader: Reader = field(init=False)
    loaders: Loaders = field(init=False)

    def __post_init__(self) -> None:
        self.reader = Reader(self.session)
        self.loaders = Loaders(self.reader, self.rules)


Info = StrawberryInfo[Context, None]


async def in_transaction(context: Context, work: Any) -> tuple[Any, tuple[Problem, ...]]:
    """Run one mutation's work as one transaction: all of it is written, or none of it.
    The conferences it changed are announced once it commits, for live readiness."""
    session = context.session
    if session.in_transaction():
        await session.commit()
    try:
        result = await work(session, context.actor)
        changed = take_changed(session)
        await context.notifier.stage(session, changed)
        await session.commit()
    except DomainError as error:
        take_changed(session)
        await session.rollback()
        return None, error.problems
    except BaseException:
        take_changed(session)
        await session.rollback()
        raise
    context.notifier.committed(changed)
    return result, ()
