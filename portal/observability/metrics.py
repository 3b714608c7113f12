"""The portal's Prometheus metrics. Every label takes values from a bounded set: route templates,
the registered operation names of graphql/operations/, error codes, or "other".

Under `portal serve --workers N` each process writes its samples to files in
`PROMETHEUS_MULTIPROC_DIR` (prometheus-client's multiprocess mode, set up by `portal serve`), and
any process answering /metrics reports the sum over all of them."""

import os
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, disable_created_metrics
from prometheus_client import multiprocess as multiprocess_mode
from prometheus_client.registry import REGISTRY
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine

OTHER = "other"
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "WS"})
MULTIPROCESS_DIR = "PROMETHEUS_MULTIPROC_DIR"

disable_created_metrics()  # the *_created series double what is scraped and tell nothing here

HTTP_REQUESTS = Counter("portal_http_requests", "HTTP requests and WebSockets answered.", ["method", "route", "status"])
HTTP_DURATION = Histogram(
    "portal_http_request_duration_seconds", "Time to answer an HTTP request (a WebSocket: how long it stayed open).", ["method", "route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)
GRAPHQL_OPERATIONS = Counter("portal_graphql_operations", "GraphQL operations run, by registered operation name.", ["operation"])
GRAPHQL_DURATION = Histogram(
    "portal_graphql_operation_duration_seconds", "Time to run a GraphQL operation, by registered operation name.", ["operation"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
GRAPHQL_ERRORS = Counter(
    "portal_graphql_errors", "GraphQL errors: REQUEST (syntax, validation, variables), FIELD, UNEXPECTED (the portal's own failure), "
    "LOG_UNAVAILABLE, and the user errors' codes in mutation payloads.", ["operation", "code"],
)
DB_CONNECTIONS = Gauge(
    "portal_db_connections", "Connections of the database pools: open, and in_use (checked out).", ["state"], multiprocess_mode="livesum",
)
INGEST_UPLOADS = Gauge(
    "portal_ingest_uploads", "Uploads being read: admitted (parsing or waiting their turn) and parsing.", ["state"], multiprocess_mode="livesum",
)
INGEST_REFUSED_BUSY = Counter("portal_ingest_refused_busy", "Uploads refused because too many were waiting already.")
INGEST_DURATION = Histogram(
    "portal_ingest_parse_duration_seconds", "Time to parse an upload in its own process, whatever the outcome.",
    buckets=(0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60),
)
SIGN_IN_FAILURES = Counter("portal_sign_in_failures", "Sign-in attempts refused, by the sign-in log's event kind.", ["reason"])


def bounded(value: str, allowed: frozenset[str] | set[str] | Any) -> str:
    return value if value in allowed else OTHER


def registry() -> CollectorRegistry:
    """What /metrics reports: this process's metrics, or every serving process's in multiprocess mode."""
    if not os.environ.get(MULTIPROCESS_DIR):
        return REGISTRY
    combined = CollectorRegistry()
    multiprocess_mode.MultiProcessCollector(combined)
    return combined


def process_ended() -> None:
    """Drop this process's live gauges from the sums once it stops serving."""
    if os.environ.get(MULTIPROCESS_DIR):
        multiprocess_mode.mark_process_dead(os.getpid())


def watch_pool(engine: AsyncEngine) -> None:
    """Keep DB_CONNECTIONS current from the pool's own events (once per engine)."""
    pool = engine.sync_engine.pool
    if getattr(pool, "_portal_watched", False):
        return
    pool._portal_watched = True  # type: ignore[attr-defined]
    opened, in_use = DB_CONNECTIONS.labels("open"), DB_CONNECTIONS.labels("in_use")
    if hasattr(pool, "checkedout"):  # connections the engine made before it was watched
        opened.inc(pool.checkedin() + pool.checkedout())
        in_use.inc(pool.checkedout())
    event.listen(pool, "connect", lambda *_: opened.inc())
    event.listen(pool, "close", lambda *_: opened.dec())
    event.listen(pool, "close_detached", lambda *_: opened.dec())
    event.listen(pool, "checkout", lambda *_: in_use.inc())
    event.listen(pool, "checkin", lambda *_: in_use.dec())
