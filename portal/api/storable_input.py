"""Every text a request brings, made storable before anything runs: its variables and the string
literals in its document (in one of the portal's own operations, found storable once: see
registered.py), so no field of any mutation can save a lone surrogate or NUL."""

from collections.abc import Iterator
from typing import TYPE_CHECKING

from strawberry.extensions import SchemaExtension

from graphql import DocumentNode, StringValueNode, Visitor, visit
from portal.text import storable, storable_json

if TYPE_CHECKING:
    from portal.api.registered import Registered


class _Literals(Visitor):
    def enter_string_value(self, node: StringValueNode, *_: object) -> StringValueNode | None:
        cleaned = storable(node.value)
        return None if cleaned == node.value else StringValueNode(value=cleaned, block=node.block, loc=node.loc)


def storable_document(document: DocumentNode) -> DocumentNode:
    """The document itself when all its string literals are storable, else a copy with them made so."""
    return visit(document, _Literals())  # type: ignore[return-value]


class StorableInput(SchemaExtension):
    def __init__(self, registered: "Registered") -> None:
        self.registered = registered

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context
        if context.variables:
            context.variables = storable_json(context.variables)  # type: ignore[assignment]
        if context.graphql_document is not None and not self.registered.holds(context.graphql_document):
            context.graphql_document = storable_document(context.graphql_document)
        yield



