"""A real OpenID Connect provider (npm oidc-provider, tests/support/oidc_provider.mjs) on loopback,
and a browser that signs in through it: httpx reaches the portal in-process (ASGI) and the
provider over HTTP, follows every redirect and submits the provider's own login and consent forms.

Time: the provider runs on this process's wall clock (it is told the wall clock when it starts, so
`--wall-clock` runs agree), while the portal's clock is pinned. A test that signs in through the
provider first moves the portal's clock to the provider's instant (`provider_now()`), as a real
deployment's clocks agree; the expired-token test then moves it past the token's lifetime.
"""

import html
import json
import os
import re
import subprocess
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

from portal.db import Database
from portal.settings import ROOT
from tests.support.mail import free_port
from tests.support.processes import serving
from tests.support.signing_in import PORTAL, portal_app

SCRIPT = ROOT / "tests" / "support" / "oidc_provider.mjs"
CLIENT_ID = "conference-portal"
CLIENT_SECRET = "loopback-client-secret"
SECRET_ENV = "TEST_LOOPBACK_OIDC_SECRET"
PROVIDER_ID = "loopback"
ID_TOKEN_LIFETIME = timedelta(seconds=600)  # ttl.IdToken in the script
LEEWAY_SECONDS = 60
CALLBACK_PATH = f"/sign-in/oidc/{PROVIDER_ID}/callback"
# Accounts at the provider: the login typed at its form, and the claims it gives. Any other login
# signs in as <login>@example.org, verified: someone the portal does not know.
ACCOUNTS = {
    "chair-a": {"email": "chair_a@example.org", "email_verified": True, "name": "Chair A at the provider"},
    "gp1-author": {"email": "GP1_Author@Example.org", "email_verified": True, "name": "GP One"},
    "unverified-bs": {"email": "bs_a@example.org", "email_verified": False, "name": "Not verified"},
    "new-gp": {"email": "new.gp@example.org", "email_verified": True, "name": "Newly invited GP"},
    "impostor": {"email": "chair_a@example.org", "email_verified": True, "name": "Another subject with the chair's address"},
}


def provider_now() -> datetime:
    return datetime.fromtimestamp(time.time(), UTC)


@dataclass
class LoopbackProvider:
    issuer: str
    process: subprocess.Popen = field(repr=False)

    def rotate_keys(self) -> str:
        """A new signing key at the provider (the old one leaves its JWKS); returns the new kid."""
        return httpx.post(f"{self.issuer}/__test/rotate").json()["kid"]

    @contextmanager
    def issuing_for(self, audience: str) -> Iterator[None]:
        """While inside, the provider's ID tokens name `audience`, not the client that asked."""
        httpx.post(f"{self.issuer}/__test/audience", params={"value": audience}).raise_for_status()
        try:
            yield
        finally:
            httpx.post(f"{self.issuer}/__test/audience").raise_for_status()

    def kid(self) -> str:
        return httpx.get(f"{self.issuer}/jwks").json()["keys"][0]["kid"]


@contextmanager
def loopback_provider(portal: str = PORTAL) -> Iterator[LoopbackProvider]:
    """The provider, with the portal at `portal` registered as its client."""
    port = free_port()
    issuer = f"http://127.0.0.1:{port}"
    clients = [{
        "client_id": CLIENT_ID, "client_secret": CLIENT_SECRET, "redirect_uris": [f"{portal}/sign-in/oidc/{PROVIDER_ID}/callback"],
        "post_logout_redirect_uris": [f"{portal}/signed-out"], "grant_types": ["authorization_code"], "response_types": ["code"],
    }]
    env = {**os.environ, "PORT": str(port), "ISSUER": issuer, "CLIENTS": json.dumps(clients), "ACCOUNTS": json.dumps(ACCOUNTS),
           "WALL_CLOCK_MS": str(int(time.time() * 1000))}
    process = subprocess.Popen(["node", str(SCRIPT)], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    with serving(process, f"{issuer}/.well-known/openid-configuration", "the OpenID Connect provider", poll=0.1):
        yield LoopbackProvider(issuer, process)


def identity_file(directory: Path, issuer: str, *, provider_id: str = PROVIDER_ID, extra: str = "") -> Path:
    path = directory / "identity.toml"
    path.write_text(
        f'[[providers]]\nid = "{provider_id}"\nname = "Loopback sign-in"\nissuer = "{issuer}"\nclient_id = "{CLIENT_ID}"\n'
        f'client_secret_env = "{SECRET_ENV}"\nclaim = "sub"\nleeway_seconds = {LEEWAY_SECONDS}\ntimeout_seconds = 5\n{extra}',
        encoding="utf-8",
    )
    return path


@asynccontextmanager
async def oidc_browser(database: Database, identity: Path, **settings: Any) -> AsyncIterator[httpx.AsyncClient]:
    """A browser for the portal (in-process, over HTTPS) and for anything else (real HTTP)."""
    os.environ[SECRET_ENV] = CLIENT_SECRET
    app = portal_app(database, identity_file=identity, **settings)
    async with httpx.AsyncClient(mounts={"https://portal.test": httpx.ASGITransport(app=app)}, base_url=PORTAL, timeout=10) as client:
        yield client


FORM = re.compile(r'<form[^>]*action="([^"]+)"[^>]*>(.*?)</form>', re.S)
INPUT = re.compile(r"<input\b([^>]*)>")
ATTRIBUTE = re.compile(r'([a-z-]+)="([^"]*)"')


def form_of(page: httpx.Response) -> tuple[str, dict[str, str]]:
    found = FORM.search(page.text)
    assert found, f"no form at {page.url}: {page.text[:500]}"
    fields = {}
    for attributes in INPUT.findall(found.group(2)):
        named = dict(ATTRIBUTE.findall(attributes))
        if "name" in named:
            fields[named["name"]] = html.unescape(named.get("value", ""))
    return html.unescape(found.group(1)), fields


@dataclass
class Journey:
    """Every response on the way, and the callback the provider sent the browser to."""

    responses: list[httpx.Response] = field(default_factory=list)
    callback: str = ""

    @property
    def last(self) -> httpx.Response:
        return self.responses[-1]


async def follow(client: httpx.AsyncClient, response: httpx.Response, journey: Journey, *, stop_at_callback: bool = False) -> Journey:
    journey.responses.append(response)
    while response.is_redirect:
        url = response.url.join(response.headers["location"])
        if url.path == CALLBACK_PATH:
            journey.callback = str(url)
            if stop_at_callback:
                return journey
        response = await client.get(url)
        journey.responses.append(response)
    return journey


async def sign_in_at_provider(client: httpx.AsyncClient, login: str, *, stop_at_callback: bool = False) -> Journey:
    """From the portal's sign-in link through the provider's login and consent forms, back to the portal."""
    journey = await follow(client, await client.get(f"/sign-in/oidc/{PROVIDER_ID}"), Journey())
    for _ in range(3):
        page = journey.last
        if journey.callback or "<form" not in page.text or not page.url.path.startswith("/interaction/"):
            break
        action, fields = form_of(page)
        if "login" in fields:
            fields |= {"login": login, "password": "any password"}
        journey = await follow(client, await client.post(page.url.join(action), data=fields), journey, stop_at_callback=stop_at_callback)
        if stop_at_callback and journey.callback:
            break
    return journey
