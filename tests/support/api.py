"""Calling the GraphQL API in-process, as a chosen person, over real HTTP semantics (httpx ASGI)."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx

from portal.app import create_app
from portal.db import Database
from portal.demo_identity import HEADER
from portal.settings import Settings


class GraphQLErrors(AssertionError):
    pass


class Api:
    def __init__(self, client: httpx.AsyncClient) -> None:
        self.client = client

    @classmethod
    @asynccontextmanager
    async def running(cls, database: Database, **settings: Any) -> AsyncIterator["Api"]:
        app = create_app(Settings(database_url=database.url, demo=True, **settings), database=database)
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://portal.test") as client:
            yield cls(client)

    async def act_as(self, person_id: int) -> None:
        """Choose a person on the demo page, as a browser does: the signed cookie names them from then on."""
        chosen = await self.client.post("/demo/act-as", data={"person": str(person_id)})
        assert chosen.status_code == 303 and chosen.cookies

    async def raw(self, query: str, variables: dict[str, Any] | None = None, as_: int | None = None) -> httpx.Response:
        headers = {HEADER: str(as_)} if as_ is not None else {}
        return await self.client.post("/graphql", json={"query": query, "variables": variables or {}}, headers=headers)

    async def __call__(self, query: str, variables: dict[str, Any] | None = None, *, as_: int) -> dict[str, Any]:
        response = await self.raw(query, variables, as_)
        body = response.json()
        if response.status_code != 200 or body.get("errors"):
            raise GraphQLErrors(f"{response.status_code}: {body}")
        return body["data"]

    async def mutate(self, name: str, input: dict[str, Any], selection: str, *, as_: int) -> dict[str, Any]:
        """Run one mutation and return its payload ({..., errors: [...]})."""
        input_type = name[0].upper() + name[1:] + "Input"
        query = f"mutation($input: {input_type}!) {{ {name}(input: $input) {{ {selection} errors {{ path message code }} }} }}"
        return (await self(query, {"input": input}, as_=as_))[name]
