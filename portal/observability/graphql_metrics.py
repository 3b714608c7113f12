"""GraphQL operations counted and timed by registered operation name, and their errors by code."""

from collections.abc import Callable, Iterator, Sequence
from functools import cache
from time import perf_counter

from strawberry.extensions import SchemaExtension
from strawberry.types import ExecutionContext

from graphql import GraphQLError
from portal.accesslog.chain import LogUnavailable
from portal.edge.outages import unreachable
from portal.errors import ErrorCode
from portal.observability.metrics import GRAPHQL_DURATION, GRAPHQL_ERRORS, GRAPHQL_OPERATIONS, OTHER

OPERATIONS = "portal.operations"  # the scope key where a request's operations are listed for its log event
CODES = frozenset(ErrorCode)


@cache
def registered() -> frozenset[str]:
    from portal.edge.operations import documents

    return frozenset(documents())


def operation_label(execution: ExecutionContext | None) -> str:
    try:
        name = execution.operation_name if execution else None
    except GraphQLError:
        name = None
    return name if name in registered() else OTHER


class OperationMetrics(SchemaExtension):
    def on_operation(self) -> Iterator[None]:
        started = perf_counter()
        yield
        execution = self.execution_context
        name = operation_label(execution)
        GRAPHQL_OPERATIONS.labels(name).inc()
        GRAPHQL_DURATION.labels(name).observe(perf_counter() - started)
        request = getattr(execution.context, "request", None)
        if request is not None:
            request.scope.setdefault(OPERATIONS, []).append(name)
        data = getattr(execution.result, "data", None)
        for payload in (data or {}).values():
            for error in (payload.get("errors") or ()) if isinstance(payload, dict) else ():
                code = error.get("code") if isinstance(error, dict) else None
                GRAPHQL_ERRORS.labels(name, code if code in CODES else OTHER).inc()


def count_errors(errors: Sequence[GraphQLError], execution: ExecutionContext | None, unexpected: Callable[[GraphQLError], bool]) -> None:
    """Called by the schema with the errors as raised, before any is masked."""
    name = operation_label(execution)
    for error in errors:
        if isinstance(error.original_error, LogUnavailable):
            code = "LOG_UNAVAILABLE"
        elif unreachable(error.original_error):
            code = "DATABASE_UNAVAILABLE"
        elif unexpected(error):
            code = "UNEXPECTED"
        else:
            code = "FIELD" if error.path else "REQUEST"
        GRAPHQL_ERRORS.labels(name, code).inc()
