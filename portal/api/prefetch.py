"""A page's relationships loaded up front by its root field: one batch per relationship the query
selects, through the same DataLoaders the fields use, so that each field then finds its value
already loaded (`batching.ready`) and resolves synchronously, without a task or a coroutine."""

import asyncio
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from strawberry.dataloader import DataLoader
from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField, Selection

from portal import access
from portal.api.context import Info
from portal.api.loaders import Loaders


@dataclass(frozen=True)
class Load:
    """A field whose value a loader gives for a key of the parent (None: nothing to load)."""

    loader: Callable[[Loaders], DataLoader[Any, Any]]
    key: Callable[[Any], Any]
    then: "Plan" = field(default_factory=dict)
    guard: str | None = None  # the action a field guarded object by object needs, so nothing is loaded for a parent it refuses


@dataclass(frozen=True)
class Within:
    """A field whose values are already in the parent (a list, or one object, or None)."""

    values: Callable[[Any], Any]
    then: "Plan"


Plan = Mapping[str, "Load | Within | tuple[Load, ...]"]


def _fields(selections: Iterable[Selection]) -> Iterable[SelectedField]:
    for selection in selections:
        if isinstance(selection, SelectedField):
            yield selection
        elif isinstance(selection, FragmentSpread | InlineFragment):
            yield from _fields(selection.selections)


def _items(values: Iterable[Any]) -> list[Any]:
    found: list[Any] = []
    for value in values:
        if isinstance(value, list | tuple):
            found += [v for v in value if v is not None]
        elif value is not None:
            found.append(value)
    return found


async def _prefetch(info: Info, rows: Sequence[Any], selections: Iterable[Selection], plan: Plan) -> None:
    steps = []
    for selected in _fields(selections):
        planned = plan.get(selected.name)
        for step in planned if isinstance(planned, tuple) else (planned,) if planned else ():
            steps.append(_step(info, rows, selected, step))
    await asyncio.gather(*steps)


async def _step(info: Info, rows: Sequence[Any], selected: SelectedField, step: Load | Within) -> None:
    if isinstance(step, Within):
        values = _items(step.values(row) for row in rows)
    else:
        actor = info.context.actor
        keys = [key for row in rows if (step.guard is None or access.allowed(actor, step.guard, row)) and (key := step.key(row)) is not None]
        values = _items(await step.loader(info.context.loaders).load_many(dict.fromkeys(keys))) if keys else []
    if step.then and values:
        await _prefetch(info, values, selected.selections, step.then)


async def prefetch(info: Info, rows: Sequence[Any], plan: Plan, within: str = "nodes") -> None:
    """Load what the query selects of `plan` for `rows`, the nodes of the root field's connection
    (or, with `within` empty, the root field's own value)."""
    if not rows:
        return
    roots = list(_fields(info.selected_fields))
    if within:
        roots = [s for root in roots for s in _fields(root.selections) if s.name == within]
    await _prefetch(info, rows, [s for root in roots for s in root.selections], plan)
