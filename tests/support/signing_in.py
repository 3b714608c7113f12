"""Signing in as a browser does, against the app without demo mode, over HTTPS (httpx ASGI)."""

import asyncio
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx

from portal.app import create_app
from portal.db import Database
from portal.settings import Settings
from tests.support.mail import Inbox

PORTAL = "https://portal.test"
SECRET_KEY = "test-secret-for-sign-in"
ME = "{ me { name } }"


def portal_app(database: Database, **settings: Any):
    return create_app(Settings(database_url=database.url, demo=False, secret_key=SECRET_KEY, **settings), database=database)


@asynccontextmanager
async def browser(database: Database, **settings: Any) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=portal_app(database, **settings)), base_url=PORTAL) as client:
        yield client


async def me(client: httpx.AsyncClient) -> httpx.Response:
    return await client.post("/graphql", json={"query": ME})


async def code_sent_to(inbox: Inbox, address: str, seen: int = 0) -> str:
    """The code in the newest message to `address` after the first `seen` of them, waiting for it to arrive."""
    for _ in range(200):
        messages = [m for m in inbox.messages if m["To"] == address]
        if len(messages) > seen:
            return re.search(r"code is (\d{6})", messages[-1].get_payload(decode=True).decode()).group(1)
        await asyncio.sleep(0.02)
    raise AssertionError(f"no code reached {address}")


async def ask_for_code(client: httpx.AsyncClient, email: str) -> httpx.Response:
    return await client.post("/sign-in/email", data={"email": email})


async def enter_code(client: httpx.AsyncClient, code: str) -> httpx.Response:
    return await client.post("/sign-in/code", data={"code": code})


async def session_cookie(database: Database, person_id: int, *, https: bool = True) -> dict[str, str]:
    """A signed-in browser's cookie for the person, as if they had just signed in (to a portal reached over HTTPS unless told otherwise)."""
    from portal.edge.cookies import cookie_name
    from portal.identity.cookies import SESSION_COOKIE
    from portal.identity.sessions import SessionPolicy, start_session

    async with database.session() as db:
        secret = await start_session(db, person_id, "test", SessionPolicy())
        await db.commit()
    return {cookie_name(SESSION_COOKIE, https): secret}


async def graphql(client: httpx.AsyncClient, query: str, variables: dict[str, Any] | None = None, **headers: str) -> httpx.Response:
    return await client.post("/graphql", json={"query": query, "variables": variables or {}}, headers=headers)
