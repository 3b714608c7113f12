"""Pages, forms and exports run the named operations in graphql/operations/ in-process, as the
request's actor: one authorisation path and one data path for them and the API."""

from functools import cache
from typing import Any

from starlette.requests import Request
from strawberry.types import ExecutionResult

from graphql import OperationDefinitionNode, parse
from portal.accesslog import LogUnavailable
from portal.edge.context import context_for
from portal.edge.middleware import session_of
from portal.edge.outages import unreachable
from portal.settings import ROOT

OPERATIONS = ROOT / "graphql" / "operations"


@cache
def documents() -> dict[str, str]:
    """Each named operation and the document that holds it."""
    found: dict[str, str] = {}
    for path in sorted(OPERATIONS.glob("*.graphql")):
        source = path.read_text(encoding="utf-8")
        for definition in parse(source).definitions:
            if isinstance(definition, OperationDefinitionNode) and definition.name:
                found[definition.name.value] = source
    return found


async def execute(request: Request, name: str, variables: dict[str, Any]) -> ExecutionResult:
    """Run one named operation through the schema with the request's context. When the access log
    cannot record it, LogUnavailable is raised, and when the database is unreachable that error: the route
    then shows that, not a partial result."""
    context = context_for(request, session_of(request))
    result = await request.app.state.schema.execute(documents()[name], variable_values=variables, context_value=context, operation_name=name)
    for error in result.errors or ():
        if isinstance(error.original_error, LogUnavailable) or unreachable(error.original_error):
            raise error.original_error  # type: ignore[misc]
    return result


async def run_query(request: Request, name: str, variables: dict[str, Any]) -> dict[str, Any]:
    """A page's read: any error is the page's own bug, not the visitor's."""
    result = await execute(request, name, variables)
    if result.errors:
        raise RuntimeError(f"{name} failed: {result.errors[0].message}")
    assert result.data is not None
    return result.data


async def run_checked_query(request: Request, name: str, variables: dict[str, Any]) -> tuple[dict[str, Any] | None, dict[str, str]]:
    """A page's read of arguments the visitor typed: the data (null where a field refused its arguments) and
    the messages by argument name that fields gave for them (extensions.argument). Any other error is the page's own bug."""
    result = await execute(request, name, variables)
    errors = result.errors or []
    if any(not (isinstance(e.original_error, ValueError) and (e.extensions or {}).get("argument")) for e in errors):
        raise RuntimeError(f"{name} failed: {errors[0].message}")
    return result.data, {str(e.extensions["argument"]): e.message for e in errors}  # type: ignore[index]


async def run_mutation(request: Request, name: str, variables: dict[str, Any]) -> dict[str, Any]:
    """A form's write: the mutation's payload (`errors` holds its typed user errors). A request the
    schema itself refuses (a value of the wrong type) comes back as one error with an empty path."""
    result = await execute(request, name, variables)
    if result.errors:
        return {"errors": [{"path": [], "message": error.message, "code": "INVALID"} for error in result.errors]}
    assert result.data is not None
    (payload,) = result.data.values()
    return payload
