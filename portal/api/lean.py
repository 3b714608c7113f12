"""Direct resolvers for the fields that need none of Strawberry's per-field machinery.

Strawberry resolves every field through a chain that converts arguments and runs field extensions;
a dashboard resolves a few thousand fields, most of them plain attributes or synchronous functions
of their parent with no arguments and no extension. `lean_resolvers` gives each such field of the
built schema a resolver that reads the attribute, or calls the function with its parent and info,
and nothing else. Fields with arguments, with extensions (the access guards) or that are async keep
Strawberry's resolver."""

from collections.abc import Callable
from operator import attrgetter
from typing import Any

import strawberry
from strawberry.types import Info
from strawberry.types.field import StrawberryField

from graphql import GraphQLObjectType, GraphQLResolveInfo

DEFINITION = "strawberry-definition"


def _direct(field: StrawberryField) -> Callable[[Any, GraphQLResolveInfo], Any] | None:
    if field.extensions or field.is_async or field.arguments or getattr(field, "permission_classes", None):
        return None
    resolver = field.base_resolver
    if resolver is None:
        read = attrgetter(field.python_name)
        return lambda source, _info: read(source)
    function = resolver.wrapped_func
    takes_self = resolver.self_parameter is not None
    parent = resolver.parent_parameter or resolver.root_parameter
    parent_name = parent.name if parent is not None else None
    info_name = resolver.info_parameter.name if resolver.info_parameter is not None else None

    def resolve(source: Any, info: GraphQLResolveInfo) -> Any:
        kwargs: dict[str, Any] = {}
        if parent_name is not None:
            kwargs[parent_name] = source
        if info_name is not None:
            kwargs[info_name] = Info(_raw_info=info, _field=field)
        return function(source, **kwargs) if takes_self else function(**kwargs)

    return resolve


def lean_resolvers(schema: strawberry.Schema) -> None:
    """Replace, in place, the resolver of every field of `schema` that qualifies (see the module)."""
    for graphql_type in schema._schema.type_map.values():
        if not isinstance(graphql_type, GraphQLObjectType) or graphql_type.name.startswith("__"):
            continue
        for graphql_field in graphql_type.fields.values():
            field = (graphql_field.extensions or {}).get(DEFINITION)
            if isinstance(field, StrawberryField) and (direct := _direct(field)) is not None:
                graphql_field.resolve = direct
