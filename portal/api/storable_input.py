"""Every text a request brings, made storable before anything runs: its variables and the string
literals in its document, so no field of any mutation can save a lone surrogate or NUL."""

from collections.abc import Iterator

from strawberry.extensions import SchemaExtension

from graphql import StringValueNode, Visitor, visit
from portal.text import storable, storable_json


class _Literals(Visitor):
    def enter_string_value(self, node: StringValueNode, *_: object) -> StringValueNode | None:
        cleaned = storable(node.value)
        return None if cleaned == node.value else StringValueNode(value=cleaned, block=node.block, loc=node.loc)


class StorableInput(SchemaExtension):
    def on_execute(self) -> Iterator[None]:
        context = self.execution_context
        if context.variables:
            context.variables = storable_json(context.variables)  # type: ignore[assignment]
        if context.graphql_document is not None:
            context.graphql_document = visit(context.graphql_document, _Literals())  # type: ignore[assignment]
        yield



