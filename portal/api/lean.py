"""Direct resolvers for the fields that need none of Strawberry's per-field machinery.

Strawberry resolves every field through a chain that converts arguments and runs field extensions;
a dashboard resolves a few thousand fields, most of them plain attributes or synchronous functions
of their parent with no arguments and no extension. `lean_resolvers` gives each such field of the
built schema a resolver that reads the attribute, or calls the function with its parent and info,
and nothing else. Fields with arguments, with extensions (the access guards) or that are async keep
Strawberry's resolver.

`LeanExecutor` then completes a plain attribute of a scalar or enum type in one step: it reads the
attribute and coerces it, with no resolve info built and no walk through the completion steps. Any
other field, and any such field whose value is null or does not coerce, takes graphql-core's path,
which gives the same value or the same located error."""

from collections.abc import Callable
from operator import attrgetter
from typing import Any

import strawberry
from graphql.execution.collect_fields import FieldDetailsList
from graphql.pyutils import Path
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.types import Info
from strawberry.types.field import StrawberryField

from graphql import GraphQLField, GraphQLObjectType, GraphQLResolveInfo, Undefined, get_nullable_type, is_leaf_type

DEFINITION = "strawberry-definition"
LEAF = "portal-leaf"  # on a plain attribute field of a scalar or enum type: (read, coerce)


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
                leaf = get_nullable_type(graphql_field.type)
                if field.base_resolver is None and is_leaf_type(leaf):
                    graphql_field.extensions = {**(graphql_field.extensions or {}), LEAF: (attrgetter(field.python_name), leaf.coerce_output_value)}


class LeanExecutor(StrawberryGraphQLCoreExecutionContext):
    def execute_field(self, parent_type: GraphQLObjectType, source: Any, field_details_list: FieldDetailsList, path: Path,
                      position_context: Any) -> Any:
        field: GraphQLField | None = parent_type.fields.get(field_details_list[0].node.name.value)
        plain = self.middleware_manager is None or not self.middleware_manager.middlewares
        leaf = field.extensions.get(LEAF) if plain and field is not None and field.extensions else None
        if leaf is not None:
            read, coerce = leaf
            try:
                value = read(source)
                if value is not None:
                    coerced = coerce(value)
                    if coerced is not None and coerced is not Undefined:
                        return coerced
            except Exception:  # graphql-core's path below reports it, located
                pass
        return super().execute_field(parent_type, source, field_details_list, path, position_context)
