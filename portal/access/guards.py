"""Field-level default deny: every GraphQL type says, field by field, which action guards it.

    @strawberry.type(name="Conference")
    @access.fields({"conference.read": ("id", "kind", ...), "readiness.read": ("readiness",)})
    class ConferenceType: ...

The first action is the type's own: its objects reach a person only through that action's SQL scope
(or its rule, for rows already loaded), so its fields need no check of their own. Every other action
guards its fields object by object: the action's rule is checked with the field's parent, and a field
refused resolves to null (or an empty list). PUBLIC fields hold nothing about a case (ids, labels).
`undeclared(schema)` lists every field that no action guards; a test keeps it empty."""

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import strawberry
from strawberry.extensions.field_extension import FieldExtension
from strawberry.types.base import StrawberryList
from strawberry.types.field import StrawberryField

from graphql import GraphQLObjectType
from portal.access.actions import ACTIONS, Action

PUBLIC = "public"
INHERITED = "inherited"  # a value with no identity of its own (text, a page of nodes): guarded by the field holding it
ACCESS = "__access__"
DEFINITION = "strawberry-definition"
T = TypeVar("T", bound=type)


class Guard(FieldExtension):
    """Checks one action's rule with the field's parent object before the field resolves."""

    def __init__(self, action: Action) -> None:
        self.action = action
        self.lists = False

    def apply(self, field: StrawberryField) -> None:
        self.lists = isinstance(field.type, StrawberryList)

    def resolve(self, next_: Callable[..., Any], source: Any, info: Any, **kwargs: Any) -> Any:
        if not self.action.rule(info.context.actor, source):
            return [] if self.lists else None
        return next_(source, info, **kwargs)

    async def resolve_async(self, next_: Callable[..., Any], source: Any, info: Any, **kwargs: Any) -> Any:
        if not self.action.rule(info.context.actor, source):
            return [] if self.lists else None
        return await next_(source, info, **kwargs)


def fields(declared: Mapping[str, tuple[str, ...]]) -> Callable[[T], T]:
    """Declare the action guarding each field of a Strawberry type (put it under @strawberry.type)."""
    for name in declared:
        if name not in (PUBLIC, INHERITED) and name not in ACTIONS:
            raise LookupError(f"No action named {name!r} is registered in portal.access.actions.")

    def declare(cls: T) -> T:
        own = next(iter(declared))
        for name, names in declared.items():
            if name in (own, PUBLIC, INHERITED):
                continue
            for field_name in names:
                field = cls.__dict__.get(field_name)
                if not isinstance(field, StrawberryField) or field.base_resolver is None:
                    raise TypeError(f"{cls.__name__}.{field_name} is guarded by {name}: give it a resolver.")
                field.extensions.append(Guard(ACTIONS[name]))
        setattr(cls, ACCESS, dict(declared))
        return cls

    return declare


def undeclared(schema: strawberry.Schema) -> list[str]:
    """Every field of an object type (other than the roots) that no registered action or PUBLIC names,
    and every declared name that is no field."""
    roots = {t.name for t in (schema._schema.query_type, schema._schema.mutation_type, schema._schema.subscription_type) if t}
    problems = []
    for name, graphql_type in sorted(schema._schema.type_map.items()):
        if not isinstance(graphql_type, GraphQLObjectType) or name.startswith("__") or name in roots:
            continue
        definition = (graphql_type.extensions or {}).get(DEFINITION)
        declared: dict[str, tuple[str, ...]] = getattr(definition.origin, ACCESS, {}) if definition else {}
        guarded = {field for names in declared.values() for field in names}
        present = {f.python_name for f in definition.fields} if definition else set(graphql_type.fields)
        problems += [f"{name}.{field}: no action declared" for field in sorted(present - guarded)]
        problems += [f"{name}.{field}: declared but not a field" for field in sorted(guarded - present)]
    return problems
