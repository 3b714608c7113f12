"""What a query would cost before it runs: every field it would resolve, counted as many times as
the lists above it would repeat it. A list field taking `first` repeats what is under it that many
times (the default page size when not given); any other list is reckoned at LIST_GUESS items.
Rendering Markdown to HTML weighs HTML_WEIGHT fields. A query over the limit is refused unrun."""

from collections.abc import Iterator, Mapping
from typing import Any

from strawberry.extensions import SchemaExtension

from graphql import (
    ExecutionResult,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLList,
    GraphQLNamedType,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    VariableNode,
    get_named_type,
    get_nullable_type,
    value_from_ast_untyped,
)
from portal.api.pagination import DEFAULT_PAGE

LIST_GUESS = 10
HTML_WEIGHT = 10
TOO_COSTLY = "This query asks for too much at once (about {cost:,} fields; the limit is {limit:,}). Ask for fewer items per page, or fewer nested lists."


class _Estimate:
    def __init__(self, schema: GraphQLSchema, fragments: Mapping[str, FragmentDefinitionNode], variables: Mapping[str, Any], page_max: int) -> None:
        self.schema = schema
        self.fragments = fragments
        self.variables = variables
        self.page_max = page_max

    def _first(self, node: FieldNode) -> int:
        for argument in node.arguments or ():
            if argument.name.value == "first":
                value = argument.value
                if isinstance(value, VariableNode):
                    found = self.variables.get(value.name.value)
                elif isinstance(value, IntValueNode):
                    found = int(value.value)
                else:
                    found = None
                return max(1, min(found, self.page_max)) if isinstance(found, int) else DEFAULT_PAGE
        return DEFAULT_PAGE

    def selections(self, selection_set: SelectionSetNode | None, parent: GraphQLNamedType, seen: frozenset[str] = frozenset()) -> int:
        if selection_set is None:
            return 0
        total = 0
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                total += self.field(selection, parent, seen)
            elif isinstance(selection, InlineFragmentNode):
                condition = self.schema.get_type(selection.type_condition.name.value) if selection.type_condition else parent
                total += self.selections(selection.selection_set, condition or parent, seen)
            elif isinstance(selection, FragmentSpreadNode) and selection.name.value not in seen:
                fragment = self.fragments.get(selection.name.value)
                if fragment is not None:
                    condition = self.schema.get_type(fragment.type_condition.name.value) or parent
                    total += self.selections(fragment.selection_set, condition, seen | {selection.name.value})
        return total

    def field(self, node: FieldNode, parent: GraphQLNamedType, seen: frozenset[str]) -> int:
        name = node.name.value
        fields = getattr(parent, "fields", {})
        if name.startswith("__") or name not in fields:
            return 1
        definition = fields[name]
        returned = get_nullable_type(definition.type)
        if "first" in definition.args:
            repeat = self._first(node)
        elif isinstance(returned, GraphQLList) and not (name == "nodes" and parent.name.endswith("Connection")):
            repeat = LIST_GUESS
        else:
            repeat = 1
        own = HTML_WEIGHT if (parent.name, name) == ("Markdown", "html") else 1
        return own + repeat * self.selections(node.selection_set, get_named_type(returned), seen)


def query_cost(schema: GraphQLSchema, operation: OperationDefinitionNode, fragments: Mapping[str, FragmentDefinitionNode],
               variables: Mapping[str, Any] | None, page_max: int) -> int:
    root = {"query": schema.query_type, "mutation": schema.mutation_type, "subscription": schema.subscription_type}[operation.operation.value]
    assert root is not None
    defaults = {d.variable.name.value: value_from_ast_untyped(d.default_value) for d in operation.variable_definitions or () if d.default_value}
    given = {**defaults, **{k: v for k, v in (variables or {}).items() if v is not None}}
    return _Estimate(schema, fragments, given, page_max).selections(operation.selection_set, root)


def document_costs(schema: GraphQLSchema, document: Any, variables: Mapping[str, Any] | None, page_max: int) -> dict[str | None, int]:
    """The cost of each operation in `document`, by name."""
    fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
    return {
        d.name.value if d.name else None: query_cost(schema, d, fragments, variables, page_max)
        for d in document.definitions
        if isinstance(d, OperationDefinitionNode)
    }


class QueryCostLimiter(SchemaExtension):
    def __init__(self, *, max_cost: int, page_max: int) -> None:
        self.max_cost = max_cost
        self.page_max = page_max

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context
        document = context.graphql_document
        if document is not None and not context.result:
            costs = document_costs(context.schema._schema, document, context.variables, self.page_max)
            name = context.operation_name
            cost = costs.get(name, 0) if name else max(costs.values(), default=0)
            if cost > self.max_cost:
                context.result = ExecutionResult(data=None, errors=[GraphQLError(TOO_COSTLY.format(cost=cost, limit=self.max_cost))])
        yield
