"""Every GraphQL operation names itself to the unit of work, and what it read is logged before its
result is given out: when the log row cannot be written the result carries an error and no data."""

from collections.abc import AsyncIterator

from strawberry.extensions import SchemaExtension
from strawberry.types import ExecutionContext

from graphql import GraphQLError, OperationDefinitionNode, get_operation_ast
from portal.accesslog.chain import LogUnavailable
from portal.accesslog.models import Operation
from portal.unit_of_work import log_reads


class AccessLogExtension(SchemaExtension):
    async def on_execute(self) -> AsyncIterator[None]:  # type: ignore[override]
        execution = self.execution_context
        context = execution.context
        context.operation = Operation(execution.operation_type.value, execution.operation_name or "", _root_fields(execution))
        yield
        try:
            await log_reads(context)
        except LogUnavailable as error:
            raise GraphQLError(error.message, original_error=error) from None


def _root_fields(execution: ExecutionContext) -> tuple[str, ...]:
    document = execution.graphql_document
    operation = get_operation_ast(document, execution.operation_name) if document else None
    if not isinstance(operation, OperationDefinitionNode):
        return ()
    return tuple(s.name.value for s in operation.selection_set.selections if hasattr(s, "name"))
