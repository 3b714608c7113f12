"""The `portal` command."""

from pathlib import Path
from typing import Any

import typer

from portal.lazy_commands import lazy_commands
from portal.settings import ROOT, Settings, get_settings

app = typer.Typer(
    help="Multi-agency conference contribution portal.", no_args_is_help=True,
    cls=lazy_commands(
        ingest="portal.ingest.cli:ingest_command", timescales="portal.timescales.cli:timescales",
        worker="portal.reminders.cli:worker_command", audit="portal.audit.cli:app", accesslog="portal.accesslog.cli:app",
        users="portal.identity.cli:users_app",
        report="portal.history.cli:report_app", export="portal.history.cli:export_app", **{"import": "portal.history.cli:import_app"},
    ),
)
db_app = typer.Typer(help="Database migrations.", no_args_is_help=True)
schema_app = typer.Typer(help="The GraphQL schema.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(schema_app, name="schema")

SCHEMA_FILE = ROOT / "graphql" / "schema.graphql"


@db_app.command("upgrade")
def db_upgrade(revision: str = typer.Argument("heads", help="Target revision.")) -> None:
    """Bring the database schema up to date."""
    from portal.migrate import upgrade

    upgrade(get_settings().database_url, revision)
    typer.echo("Database is up to date.")


@app.command()
def demo() -> None:
    """Seed the invented demonstration region and draw its audit round (once; a second run changes nothing)."""
    import asyncio

    from sqlalchemy import create_engine
    from sqlalchemy.orm import Session

    from portal.demo import seed_demo
    from portal.settings import sync_url

    settings = get_settings()
    engine = create_engine(sync_url(settings.database_url))
    with Session(engine) as session:
        result = seed_demo(session)
    engine.dispose()
    if result.created:
        typer.echo("Seeded the demo region: " + ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in result.counts.items()) + ".")
    else:
        typer.echo("The demo region is already there; nothing changed.")
    if drawn := asyncio.run(_demo_round(settings)):
        typer.echo(f"Drew the demo's audit round: {drawn} GP reports.")


async def _demo_round(settings: Settings) -> int:
    from portal.db import Database
    from portal.demo_audit import seed_demo_round

    database = Database(settings.database_url)
    try:
        return await seed_demo_round(database, settings.agencies_dir)
    finally:
        await database.dispose()


@app.command()
def serve(
    host: str | None = typer.Option(None, help="Interface to listen on."),
    port: int | None = typer.Option(None, help="Port to listen on."),
    workers: int = typer.Option(1, min=1, help="Serving processes sharing the port (about one per core)."),
) -> None:
    """Serve the portal."""
    import os

    import uvicorn

    settings = get_settings()
    if settings.metrics and workers > 1:
        share_metrics_between_processes()
    from portal.agencies import AgencyFileError
    from portal.app import create_app
    from portal.heap import settle_after_start_up
    from portal.identity.config import IdentityFileError
    from portal.observability.logs import log_config
    from portal.timescales import RulesFileError

    if host:
        settings.host = host
        os.environ["PORTAL_HOST"] = host
    if port:
        settings.port = port
        os.environ["PORTAL_PORT"] = str(port)
    try:
        application = create_app(settings)
    except AgencyFileError as error:
        typer.echo(f"Cannot start: agency definition {error}", err=True)
        raise typer.Exit(2) from None
    except IdentityFileError as error:
        typer.echo(f"Cannot start: identity file {error}", err=True)
        raise typer.Exit(2) from None
    except RulesFileError as error:
        typer.echo(f"Cannot start: timescale rules in {settings.timescales_dir}: {error}", err=True)
        raise typer.Exit(2) from None
    logs = {"log_config": log_config(settings.log_format, "stdout"), "access_log": False, "timeout_keep_alive": settings.keep_alive_seconds}
    typer.echo(f"Portal running at {settings.public_url}/ (GraphQL at {settings.public_url}/graphql)")
    if workers > 1:
        # Each process builds its own application (portal.serving) from the same settings; the
        # secret key must be shared, or one process's cookies would not open in another.
        os.environ.setdefault("PORTAL_SECRET_KEY", settings.secret_key)
        del application
        serve_in_processes(settings, workers, logs)
        return
    settle_after_start_up()
    uvicorn.run(application, host=settings.host, port=settings.port, server_header=False, **logs)


def serve_in_processes(settings: Settings, workers: int, logs: dict[str, Any]) -> None:
    """uvicorn's supervisor (it restarts a process that dies), with each process listening on a socket
    of its own (portal.ports) rather than one shared socket."""
    import uvicorn
    from uvicorn.supervisors import Multiprocess

    from portal.ports import OwnSocket, listening_socket

    try:
        listening_socket(settings.host, settings.port).close()
    except OSError as error:
        typer.echo(f"Cannot start: {settings.host}:{settings.port}: {error.strerror}", err=True)
        raise typer.Exit(1) from None
    config = uvicorn.Config("portal.serving:application", factory=True, workers=workers, host=settings.host, port=settings.port,
                            server_header=False, **logs)
    try:
        Multiprocess(config, sockets=[OwnSocket(settings.host, settings.port)]).run()  # type: ignore[list-item]
    except KeyboardInterrupt:
        pass


def share_metrics_between_processes() -> None:
    """prometheus-client's multiprocess mode: every serving process writes its samples under one
    directory (PROMETHEUS_MULTIPROC_DIR, or a new one), emptied now, before any of them imports it."""
    import os
    import tempfile
    from pathlib import Path

    directory = Path(os.environ.get("PROMETHEUS_MULTIPROC_DIR") or tempfile.mkdtemp(prefix="portal-metrics-"))
    directory.mkdir(parents=True, exist_ok=True)
    for stale in directory.glob("*.db"):
        stale.unlink()
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(directory)


def schema_sdl() -> str:
    from portal.api.schema import build_schema

    return build_schema(get_settings()).as_str() + "\n"


@schema_app.command("export")
def schema_export(path: Path = typer.Option(SCHEMA_FILE, help="Where to write the SDL.")) -> None:
    """Write the GraphQL schema as SDL (graphql/schema.graphql)."""
    path.write_text(schema_sdl(), encoding="utf-8")
    typer.echo(f"Wrote {path}")
