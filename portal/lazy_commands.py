"""Commands whose modules are imported only when they run (or when help lists them), so that
`portal ingest` does not pay for the database layer that `portal users` needs."""

from importlib import import_module

import typer
import typer.main
from typer._click import Command, Context
from typer.core import TyperGroup


def lazy_commands(**commands: str) -> type[TyperGroup]:
    """A group class with these extra commands, each named by "module:attribute": a typer.Typer
    (a group of commands) or a command function."""

    class LazyCommands(TyperGroup):
        def list_commands(self, ctx: Context) -> list[str]:
            return [*super().list_commands(ctx), *commands]

        def get_command(self, ctx: Context, name: str) -> Command | None:
            if name not in commands:
                return super().get_command(ctx, name)
            module, _, attribute = commands[name].partition(":")
            target = getattr(import_module(module), attribute)
            if isinstance(target, typer.Typer):
                command: Command = typer.main.get_group(target)
            else:
                alone = typer.Typer()
                alone.command()(target)
                command = typer.main.get_command(alone)
            command.name = name
            return command

    return LazyCommands
