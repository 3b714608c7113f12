"""What every resolver can reach: the actor, the request's session, loaders, agency definitions and the operation being run."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.types import Info as StrawberryInfo

from portal.accesslog import Operation
from portal.agencies import AgencyRegistry
from portal.api.loaders import Loaders, Reader
from portal.identity import Actor
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
    operation: Operation | None = None
    reader: Reader = field(init=False)
    loaders: Loaders = field(init=False)

    def __post_init__(self) -> None:
        self.reader = Reader(self.session)
        self.loaders = Loaders(self.reader, self.rules)


Info = StrawberryInfo[Context, None]
