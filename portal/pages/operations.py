"""Pages run the named operations in graphql/operations/ in-process, as the request's actor:
one authorisation path and one data path for the pages and the API."""

from functools import lru_cache
from typing import Any

from starlette.requests import Request

from portal.api.context import Context
from portal.settings import ROOT

OPERATIONS = ROOT / "graphql" / "operations"


@lru_cache
def operation(name: str) -> str:
    return (OPERATIONS / f"{name}.graphql").read_text(encoding="utf-8")


async def run_operation(request: Request, context: Context, name: str, variables: dict[str, Any]) -> dict[str, Any]:
    result = await request.app.state.schema.execute(operation(name), variable_values=variables, context_value=context, operation_name=name)
    if result.errors:
        raise RuntimeError(f"{name} failed: {result.errors[0].message}")
    assert result.data is not None
    return result.data
