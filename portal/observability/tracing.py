"""OpenTelemetry tracing, only when `PORTAL_TRACING=1`: spans for each request (Starlette), each SQL
statement (SQLAlchemy) and each asyncpg call, sent over OTLP/HTTP to the collector the standard
`OTEL_EXPORTER_OTLP_*` variables name (`OTEL_SERVICE_NAME` defaults to "portal"). Nothing of
OpenTelemetry is imported unless it is switched on (pip install 'portal[tracing]')."""

import os
from typing import TYPE_CHECKING, Any

from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.applications import Starlette

if TYPE_CHECKING:
    from opentelemetry.sdk.trace.export import SpanExporter


QUERY_ATTRIBUTES = ("http.url", "url.full", "http.target", "url.query")


def _without_query(span: Any, scope: dict[str, Any]) -> None:
    """Spans keep the path (ids only) but never the query string, which may hold what someone typed."""
    if not scope.get("query_string") or not span.is_recording():
        return
    for key in QUERY_ATTRIBUTES:
        value = (getattr(span, "attributes", None) or {}).get(key)
        if isinstance(value, str):
            span.set_attribute(key, "" if key == "url.query" else value.split("?", 1)[0])


def start_tracing(app: Starlette, engine: AsyncEngine, exporter: "SpanExporter | None" = None) -> None:
    from opentelemetry.instrumentation.asyncpg import AsyncPGInstrumentor
    from opentelemetry.instrumentation.sqlalchemy import SQLAlchemyInstrumentor
    from opentelemetry.instrumentation.starlette import StarletteInstrumentor
    from opentelemetry.sdk.resources import Resource
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor

    if exporter is None:
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

        exporter = OTLPSpanExporter()
    provider = TracerProvider(resource=Resource.create({"service.name": os.environ.get("OTEL_SERVICE_NAME", "portal")}))
    provider.add_span_processor(BatchSpanProcessor(exporter))
    StarletteInstrumentor.instrument_app(app, tracer_provider=provider, server_request_hook=_without_query)
    # The instrumentation declares SQLAlchemy < 2.1; its engine events are the same in 2.1 (tests/observability/test_tracing.py).
    SQLAlchemyInstrumentor().instrument(engine=engine.sync_engine, tracer_provider=provider, enable_commenter=False, skip_dep_check=True)
    if engine.dialect.name == "postgresql":
        AsyncPGInstrumentor().instrument(tracer_provider=provider)
    app.state.tracer_provider = provider
