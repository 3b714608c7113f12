"""The `portal` command."""

import typer

app = typer.Typer(help="Multi-agency conference contribution portal.", no_args_is_help=True)


@app.callback()
def main() -> None:
    """Multi-agency conference contribution portal."""


from portal.ingest.cli import ingest_command  # noqa: E402  (light: heavy imports happen inside)

app.command("ingest")(ingest_command)
