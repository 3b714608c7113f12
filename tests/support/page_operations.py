"""Running a page's named operation in-process, as a page handler does (portal.edge.operations.run_query),
with the request's actor and session set as the edge sets them."""

from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request

from portal.app import create_app
from portal.db import Database
from portal.edge.middleware import ACTOR, SESSION
from portal.edge.operations import run_query
from portal.identity import load_actor
from portal.settings import Settings


class PageOperations:
    def __init__(self, database: Database) -> None:
        self.database = database
        self.app: Starlette = create_app(Settings(database_url=database.url, demo=True), database=database)

    async def __call__(self, name: str, variables: dict[str, Any] | None = None, *, as_: int) -> dict[str, Any]:
        async with self.database.session() as session:
            actor = await load_actor(session, as_)
            await session.commit()
            scope = {"type": "http", "method": "GET", "path": "/", "query_string": b"", "headers": [], "app": self.app, ACTOR: actor, SESSION: session}
            data = await run_query(Request(scope), name, variables or {})
            await session.commit()
            return data
