"""Direct resolvers for the fields that need none of Strawberry's per-field machinery.

Strawberry resolves every field through a chain that converts arguments and runs field extensions;
a dashboard resolves a few thousand fields, most of them plain attributes or synchronous functions
of their parent with no arguments and no extension. `lean_resolvers` gives each such field of the
built schema a resolver that reads the attribute, or calls the function with its parent and info,
and nothing else. Fields with arguments, with extensions (the access guards) or that are async keep
Strawberry's resolver.

`LeanExecutor` then completes a plain attribute of a scalar or enum type in one step, within the loop
over its parent's fields: it reads the attribute and coerces it, with no path, no resolve info and no
walk through the completion steps (which field of a selection is such a leaf is worked out once per
selection, and enum members are coerced by lookup rather than Strawberry's scan of the values); a null
one of a nullable field is null at once. Any other field, and any such field whose value is null where
the field is non-null or that does not coerce, takes graphql-core's path, which gives the same value or
the same located error. An object value (of a type with no `is_type_of`), or a list of them none null or
awaitable, is completed by executing its fields straight away, its selection collected once for the
whole list."""

from collections.abc import Callable
from operator import attrgetter
from types import CoroutineType, GeneratorType
from typing import Any

import strawberry
from graphql.execution.collect_fields import FieldDetailsList, GroupedFieldSet
from graphql.pyutils import Path, gather_with_cancel
from strawberry.execution.is_awaitable import optimized_is_awaitable
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.schema.schema_converter import CustomGraphQLEnumType
from strawberry.types import Info
from strawberry.types.field import StrawberryField

from graphql import (
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLResolveInfo,
    Undefined,
    get_nullable_type,
    is_leaf_type,
)
from portal.api.cycles import weak_helpers

DEFINITION = "strawberry-definition"
LEAF = "portal-leaf"  # on a plain attribute field of a scalar or enum type: (read, coerce, nullable)


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


def _enum_by_lookup(enum_type: CustomGraphQLEnumType) -> None:
    """Strawberry coerces an enum member by scanning the type's values; look it up instead."""
    wrapped, scan = enum_type.wrapped_cls, enum_type.coerce_output_value
    names = {member: name for name, value in enum_type.values.items() for member in wrapped if member.value == value.value}

    def coerce(value: Any) -> Any:
        return names[value] if type(value) is wrapped else scan(value)

    enum_type.coerce_output_value = enum_type.serialize = coerce  # type: ignore[method-assign]


def lean_resolvers(schema: strawberry.Schema) -> None:
    """Replace, in place, the resolver of every field of `schema` that qualifies (see the module)."""
    for graphql_type in schema._schema.type_map.values():
        if isinstance(graphql_type, CustomGraphQLEnumType):
            _enum_by_lookup(graphql_type)
    for graphql_type in schema._schema.type_map.values():
        if not isinstance(graphql_type, GraphQLObjectType) or graphql_type.name.startswith("__"):
            continue
        for graphql_field in graphql_type.fields.values():
            field = (graphql_field.extensions or {}).get(DEFINITION)
            if isinstance(field, StrawberryField) and (direct := _direct(field)) is not None:
                graphql_field.resolve = direct
                leaf = get_nullable_type(graphql_field.type)
                if field.base_resolver is None and is_leaf_type(leaf):
                    shape = (attrgetter(field.python_name), leaf.coerce_output_value, not isinstance(graphql_field.type, GraphQLNonNull))
                    graphql_field.extensions = {**(graphql_field.extensions or {}), LEAF: shape}


_AWAITABLE: dict[type, bool] = {}


def _is_awaitable(value: Any) -> bool:
    """graphql-core's test, decided once per type: it asks each value `hasattr(value, "__await__")`, which for a
    SQLModel row raises and catches an AttributeError inside pydantic's `__getattr__`, and `await` looks on the type."""
    kind = type(value)
    found = _AWAITABLE.get(kind)
    if found is None:
        if kind is GeneratorType:
            return optimized_is_awaitable(value)
        found = _AWAITABLE[kind] = issubclass(kind, CoroutineType) or hasattr(kind, "__await__")
    return found


class LeanExecutor(StrawberryGraphQLCoreExecutionContext):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.async_helpers = weak_helpers(self)
        self.is_awaitable = _is_awaitable  # type: ignore[method-assign]
        self._streams = any(directive.name == "stream" for directive in self.schema.directives)
        # per grouped field set (kept alive with its plan, so its id is not reused): each field's (read, coerce) or None
        self._leaves: dict[int, tuple[GroupedFieldSet, list[tuple[str, FieldDetailsList, Any]]]] = {}

    def _plan(self, parent_type: GraphQLObjectType, grouped_field_set: GroupedFieldSet) -> list[tuple[str, FieldDetailsList, Any]]:
        found = self._leaves.get(id(grouped_field_set))
        if found is None:
            plain = self.middleware_manager is None or not self.middleware_manager.middlewares
            plan = []
            for response_name, field_details_list in grouped_field_set.items():
                field = parent_type.fields.get(field_details_list[0].node.name.value)
                leaf = field.extensions.get(LEAF) if plain and field is not None and field.extensions else None
                plan.append((response_name, field_details_list, leaf))
            found = self._leaves[id(grouped_field_set)] = (grouped_field_set, plan)
        return found[1]

    def execute_fields(self, parent_type: GraphQLObjectType, source_value: Any, path: Path | None, grouped_field_set: GroupedFieldSet,
                       position_context: Any) -> Any:
        """graphql-core's, with each plain leaf read and coerced in place; anything else (and a leaf that is null or does
        not coerce) goes through `execute_field`, which gives the same value or the same located error."""
        results: dict[str, Any] = {}
        awaitable_fields: list[str] = []
        is_awaitable = self.is_awaitable
        try:
            for response_name, field_details_list, leaf in self._plan(parent_type, grouped_field_set):
                if leaf is not None:
                    read, coerce, nullable = leaf
                    try:
                        value = read(source_value)
                        if value is not None:
                            coerced = coerce(value)
                            if coerced is not None and coerced is not Undefined:
                                results[response_name] = coerced
                                continue
                        elif nullable:
                            results[response_name] = None
                            continue
                    except Exception:  # noqa: S110 - reported, located, by the path below
                        pass
                result = self.execute_field(parent_type, source_value, field_details_list, Path(path, response_name, parent_type.name),
                                            position_context)
                if result is not Undefined:
                    results[response_name] = result
                    if is_awaitable(result):
                        awaitable_fields.append(response_name)
        except Exception:
            if awaitable_fields:
                self.settle_in_background([results[name] for name in awaitable_fields])
            raise
        if not awaitable_fields:
            return results

        async def get_results() -> dict[str, Any]:
            if len(awaitable_fields) == 1:
                results[awaitable_fields[0]] = await results[awaitable_fields[0]]
            else:
                results.update(zip(awaitable_fields, await gather_with_cancel(*(results[name] for name in awaitable_fields)), strict=True))
            return results

        return get_results()

    def complete_value(self, return_type: GraphQLOutputType, field_details_list: FieldDetailsList, info: GraphQLResolveInfo, path: Path,
                       result: Any, position_context: Any) -> Any:
        """graphql-core's, with an object (no `is_type_of`), or a plain list of non-null ones, completed in one step: its
        fields executed with no walk through the completion steps for each object."""
        if position_context is None and result is not None and not isinstance(result, Exception):
            kind = return_type.of_type if type(return_type) is GraphQLNonNull else return_type
            if type(kind) is GraphQLObjectType and kind.is_type_of is None:
                grouped_field_set, defers, _ = self.collect_subfields(kind, field_details_list)
                if not defers:
                    return self.execute_fields(kind, result, path, grouped_field_set, None)
            elif type(kind) is GraphQLList and type(result) is list and not self._streams:
                item_type = kind.of_type
                object_type = item_type.of_type if type(item_type) is GraphQLNonNull else None
                if type(object_type) is GraphQLObjectType and object_type.is_type_of is None and not any(
                    item is None or isinstance(item, Exception) or self.is_awaitable(item) for item in result
                ):
                    grouped_field_set, defers, _ = self.collect_subfields(object_type, field_details_list)
                    if not defers:
                        return self._complete_objects(item_type, object_type, field_details_list, path, result, grouped_field_set)
        return super().complete_value(return_type, field_details_list, info, path, result, position_context)

    def _complete_objects(self, item_type: GraphQLNonNull, object_type: GraphQLObjectType, field_details_list: FieldDetailsList, path: Path,
                          items: list[Any], grouped_field_set: GroupedFieldSet) -> Any:
        """graphql-core's `complete_iterable_value` for a list of objects, each neither null nor awaitable."""
        completed: list[Any] = []
        awaiting: list[int] = []
        try:
            for index, item in enumerate(items):
                item_path = path.add_key(index, None)
                try:
                    value = self.execute_fields(object_type, item, item_path, grouped_field_set, None)
                    if self.is_awaitable(value):
                        value = self._located(value, item_type, field_details_list, item_path)
                        awaiting.append(index)
                except Exception as raw_error:
                    self.handle_field_error(raw_error, item_type, field_details_list, item_path)
                    value = None
                completed.append(value)
        except Exception:
            if awaiting:
                self.settle_in_background([completed[index] for index in awaiting])
            raise
        if not awaiting:
            return completed

        async def get_completed() -> list[Any]:
            for index, value in zip(awaiting, await gather_with_cancel(*(completed[index] for index in awaiting)), strict=True):
                completed[index] = value
            return completed

        return get_completed()

    async def _located(self, awaitable: Any, item_type: GraphQLNonNull, field_details_list: FieldDetailsList, item_path: Path) -> Any:
        try:
            return await awaitable
        except Exception as raw_error:
            self.handle_field_error(raw_error, item_type, field_details_list, item_path)
            return None
