"""The `portal` command."""

import typer

app = typer.Typer(help="Multi-agency conference contribution portal.", no_args_is_help=True)
