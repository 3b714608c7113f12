"""Tracing is off unless asked for, and then nothing of OpenTelemetry is imported before it; on, a
request gives a server span named by route template, with its SQL inside it and no query string."""

import subprocess
import sys

import httpx
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from portal.app import create_app
from portal.observability.tracing import start_tracing
from portal.settings import ROOT, Settings

NOTHING_IMPORTED = """
import sys
from portal.app import create_app
from portal.settings import Settings
create_app(Settings(database_url=sys.argv[1]))
print(sorted(name for name in sys.modules if name.startswith("opentelemetry")))
"""


def test_with_tracing_off_opentelemetry_is_never_imported(tmp_path):
    result = subprocess.run([sys.executable, "-c", NOTHING_IMPORTED, f"sqlite:///{tmp_path / 'x.db'}"], cwd=ROOT, capture_output=True, text=True)
    assert (result.returncode, result.stdout.strip()) == (0, "[]"), result.stderr


async def test_a_request_is_a_span_with_its_sql(database_url):
    app = create_app(Settings(database_url=database_url))
    exporter = InMemorySpanExporter()
    start_tracing(app, app.state.database.engine, exporter)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://portal.test") as c:
        assert (await c.get("/healthz/ready?child=Maisie")).status_code == 200
    app.state.tracer_provider.force_flush()
    spans = exporter.get_finished_spans()
    (server,) = [s for s in spans if s.kind.name == "SERVER"]
    assert server.name == "GET /healthz/ready"
    sql = [s for s in spans if s.attributes.get("db.statement") == "SELECT 1" or s.attributes.get("db.query.text") == "SELECT 1"]
    assert sql and sql[0].context.trace_id == server.context.trace_id
    assert not any("Maisie" in str(value) for s in spans for value in s.attributes.values())
    app.state.tracer_provider.shutdown()
