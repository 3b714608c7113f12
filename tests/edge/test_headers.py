"""Security headers on every response, and pages with no inline script or style."""

import re

import httpx

from portal.app import create_app
from portal.settings import Settings

INLINE = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>|<style\b|\sstyle=|\son[a-z]+=", re.I)


def _strict(response: httpx.Response) -> None:
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy and "unsafe" not in policy
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"


async def test_every_html_page_is_strict_uncached_and_has_no_inline_script_or_style(api, world):
    as_gp = {"x-portal-demo-person": str(world.gp1_author), "accept": "text/html"}
    pages = [
        await api.client.get("/"),
        await api.client.get(f"/invitations/{world.inv_gp1}", headers=as_gp),
        await api.client.get("/invitations/999", headers=as_gp),
        await api.client.get(f"/invitations/{world.inv_gp1}", headers={"accept": "text/html"}),
        await api.client.get("/graphql", headers=as_gp),
    ]
    assert [p.status_code for p in pages] == [200, 200, 404, 401, 200]
    for page in pages:
        assert page.headers["content-type"].startswith("text/html")
        _strict(page)
        assert page.headers["cache-control"] == "no-store"
        assert not INLINE.search(page.text), INLINE.search(page.text)


async def test_api_answers_and_exports_are_not_stored(api, world):
    answer = await api.client.post("/graphql", json={"query": "{ me { name } }"}, headers={"x-portal-demo-person": str(world.chair_a)})
    refused = await api.client.post("/graphql", json={"query": "{ me { name } }"})
    for response in (answer, refused):
        _strict(response)
        assert response.headers["cache-control"] == "no-store"


async def test_graphiql_comes_from_the_portal_itself(api, world):
    ide = await api.client.get("/graphql", headers={"x-portal-demo-person": str(world.chair_a), "accept": "text/html"})
    assets = re.findall(r'(?:src|href)="([^"]+)"', ide.text)
    assert assets and all(a.startswith("/static/") for a in assets), assets
    for asset in assets:
        response = await api.client.get(asset)
        assert response.status_code == 200 and len(response.content) > 10, asset
        assert "no-store" not in response.headers.get("cache-control", "")
        _strict(response)
    assert any("graphiql.min.js" in a for a in assets) and any("react-dom" in a for a in assets)


async def test_hsts_only_over_https(database, world):
    app = create_app(Settings(database_url=database.url, demo=True), database=database)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="https://portal.test") as secure:
        assert "max-age=" in (await secure.get("/healthz")).headers["strict-transport-security"]
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://portal.test") as plain:
        assert "strict-transport-security" not in (await plain.get("/healthz")).headers
