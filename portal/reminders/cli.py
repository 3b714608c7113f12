"""`portal worker`: the reminder loop."""

import typer


def worker_command(
    once: bool = typer.Option(False, "--once", help="Run one pass and exit."),
    interval: float | None = typer.Option(None, help="Seconds between passes (default PORTAL_WORKER_INTERVAL_SECONDS)."),
) -> None:
    """Plan reminders and send those that are due; runs beside the web processes, as many as you like."""
    import asyncio

    from portal.observability.logs import configure
    from portal.reminders.worker import run
    from portal.settings import get_settings

    settings = get_settings()
    configure(settings.log_format)
    if interval is not None:
        settings.worker_interval_seconds = interval
    results = asyncio.run(run(settings, once))
    if once:
        delivered = results[0].delivered
        typer.echo(f"sent {delivered.sent}, deferred {delivered.deferred}, failed {delivered.failed}")
