"""The kinds of route the app has. A test walks the app's routes and holds each to its kind."""

from collections.abc import Callable, Sequence
from typing import Any

from starlette.routing import Route


class OperationRoute(Route):
    """A page, form or export: its handler reads and writes only by running the named
    operations it declares (`portal.edge.operations`), with the context the edge built."""

    def __init__(self, path: str, endpoint: Callable[..., Any], *, operations: Sequence[str], methods: Sequence[str] | None = None) -> None:
        super().__init__(path, endpoint, methods=list(methods) if methods else None)
        self.operations = tuple(operations)


class EdgeRoute(Route):
    """A route with no actor's context and no case data: health, the demo chooser."""
