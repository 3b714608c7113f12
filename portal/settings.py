"""Settings, read once from PORTAL_* environment variables."""

import secrets
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from portal.timescales.rules import RULES_DIR

ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PORTAL_")

    database_url: str = f"sqlite:///{ROOT / 'var' / 'portal.db'}"
    agencies_dir: Path = ROOT / "agencies"
    timescales_dir: Path = RULES_DIR
    demo: bool = False
    debug: bool = False
    host: str = "127.0.0.1"
    port: int = 8000
    # How long an idle HTTP connection is kept open: longer than the proxy keeps idle connections to the
    # web processes (deploy/Caddyfile 60 s, ingress-nginx 60 s), so the proxy never sends a request on a
    # connection the portal is closing (uvicorn's own 5 s made the proxy answer an occasional 502).
    keep_alive_seconds: int = Field(default=75, gt=0)
    base_url: str = ""
    secret_key: str = Field(default_factory=lambda: secrets.token_urlsafe(32))
    max_query_depth: int = 10
    max_aliases: int = 15
    max_tokens: int = 2000
    page_size_max: int = 100
    max_query_cost: int = 150_000
    max_response_bytes: int = 8 * 1024 * 1024
    ingest_max_bytes: int = 20 * 1024 * 1024
    ingest_max_pages: int = 100
    ingest_timeout_seconds: float = 60.0
    ingest_max_memory_mb: int = 1024
    ingest_max_decompressed_mb: int = 256
    # Uploads parsed at once (one process each), and how many more may wait before uploads are refused as busy.
    ingest_max_parallel: int = Field(default=2, gt=0)
    ingest_max_waiting: int = Field(default=8, ge=0)
    smtp_host: str = "localhost"
    smtp_port: int = 25
    smtp_username: str | None = None
    smtp_password: str | None = None
    smtp_starttls: bool = False
    smtp_sender: str = "Conference portal <noreply@portal.invalid>"
    smtp_timeout_seconds: float = 30.0
    notify_api_key: str | None = None
    notify_template_id: str | None = None
    notify_base_url: str = "https://api.notifications.service.gov.uk"
    worker_interval_seconds: float = 60.0
    worker_batch_size: int = 20
    worker_lease_seconds: float = 600.0
    worker_max_attempts: int = 8
    worker_retry_backoff_seconds: float = 60.0
    worker_max_backoff_seconds: float = 3600.0
    reminder_horizon_days: int = 31
    # How long a client's idempotency key is kept with its answer; the worker deletes older ones each pass.
    idempotency_retention_days: float = Field(default=7, gt=0)
    identity_file: Path | None = None
    session_idle_minutes: int = Field(default=30, gt=0)
    session_lifetime_hours: int = Field(default=10, gt=0)
    # How often a WebSocket's sign-in is checked again; it closes (code 4401) when it has ended.
    session_recheck_seconds: float = Field(default=30, gt=0)
    code_requests_per_address: str = "5/15 minutes"
    code_requests_per_client: str = "30/15 minutes"
    rate_limit_storage: str = "memory://"
    # Logs: one JSON object a line, or plain text for reading at a terminal.
    log_format: Literal["json", "text"] = "json"
    # GET /metrics: off by default; when on, only with this bearer token if one is set, else only from loopback.
    metrics: bool = False
    metrics_token: str | None = None
    # OpenTelemetry spans over OTLP/HTTP (OTEL_EXPORTER_OTLP_ENDPOINT); needs the `tracing` extra.
    tracing: bool = False

    @property
    def public_url(self) -> str:
        return self.base_url or f"http://{self.host}:{self.port}"


@lru_cache
def get_settings() -> Settings:
    return Settings()


def async_url(url: str) -> str:
    """The URL with the async driver the app uses (aiosqlite or asyncpg)."""
    scheme, _, rest = url.partition("://")
    base = scheme.split("+")[0]
    driver = {"sqlite": "sqlite+aiosqlite", "postgresql": "postgresql+asyncpg"}[base]
    return f"{driver}://{rest}"


def sync_url(url: str) -> str:
    """The URL with the sync driver Alembic and bulk loaders use."""
    scheme, _, rest = url.partition("://")
    base = scheme.split("+")[0]
    driver = {"sqlite": "sqlite", "postgresql": "postgresql+psycopg"}[base]
    return f"{driver}://{rest}"
