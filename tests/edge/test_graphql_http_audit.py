"""The graphql-http audit suite (npm `graphql-http`, installed by scripts/setup) against a real
`portal serve` on loopback: every audit, MUST and SHOULD alike, is ok."""

import asyncio
import json
import shutil
import subprocess
from pathlib import Path

import httpx

from portal.settings import ROOT
from tests.support.servers import portal_server
from tests.support.world import build_world

SCRIPT = Path(__file__).with_name("graphql_http_audit.mjs")


def test_node_and_the_audit_suite_are_installed():
    assert shutil.which("node"), "Node.js is needed for the GraphQL-over-HTTP audit"
    assert (ROOT / "node_modules" / "graphql-http" / "package.json").is_file(), "run scripts/setup to install the npm packages"


async def test_every_graphql_over_http_audit_passes(database, database_url):
    async with database.session() as session:
        world = await build_world(session)
    with portal_server(database_url) as base:
        health = httpx.get(f"{base}/healthz")
        audit = await asyncio.to_thread(
            subprocess.run, ["node", str(SCRIPT), f"{base}/graphql", str(world.chair_a)], cwd=ROOT, capture_output=True, text=True, timeout=120
        )
    assert "server" not in health.headers
    assert audit.returncode == 0, audit.stderr
    results = json.loads(audit.stdout)
    assert len(results) >= 61
    assert [r for r in results if r["status"] != "ok"] == []
