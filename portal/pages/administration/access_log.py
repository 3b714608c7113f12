"""GET /admin/access-log: who read or changed the LA's children's records and reports, newest first,
searched by child, person and days; POST /admin/access-log/verify runs the tamper check and shows its result."""

from typing import Any
from urllib.parse import urlencode

from starlette.datastructures import ImmutableMultiDict
from starlette.requests import Request
from starlette.responses import Response
from starlette.templating import Jinja2Templates

from portal.edge.operations import run_mutation, run_query
from portal.edge.routes import OperationRoute
from portal.pages.administration.access import administrator, not_found
from portal.pages.contributor_extras.dates import PARTS, DateAnswer, read_date
from portal.pages.forms import FormErrors

MAX_SEARCH = 100
DATES = {"since": "The first day", "until": "The last day"}


def typed_dates(params: ImmutableMultiDict[str, str] | Any) -> dict[str, DateAnswer | None]:
    """Each date filter as typed: None when all three boxes are empty."""
    fields = {k: str(v)[:10] for k, v in params.items()}
    return {name: read_date(fields, name, what) if any(fields.get(f"{name}-{p}") for p in PARTS) else None for name, what in DATES.items()}


def access_log_routes(templates: Jinja2Templates) -> list[OperationRoute]:
    async def render(request: Request, verdict: dict[str, Any] | None = None, verify_errors: list[dict[str, Any]] | None = None) -> Response:
        params = request.query_params
        search = {"child": params.get("child", "").strip()[:MAX_SEARCH], "person": params.get("person", "").strip()[:MAX_SEARCH]}
        dates = typed_dates(params)
        errors = FormErrors()
        for name, answer in dates.items():
            if answer is not None and answer.problem:
                errors = errors | FormErrors.one(f"{name}-{answer.first_wrong}", answer.problem)
        if not errors and dates["since"] and dates["until"] and dates["since"].value > dates["until"].value:  # type: ignore[operator]
            errors = FormErrors.one("until-day", "The last day must be the same as or after the first day")
        rows, page_info = [], {"hasNextPage": False, "endCursor": None}
        if not errors:
            variables = {k: v or None for k, v in search.items()} | {
                name: answer.value.isoformat() if answer and answer.value else None for name, answer in dates.items()}
            found = (await run_query(request, "AccessLogPage", variables | {"after": params.get("after") or None}))["accessLog"]
            rows, page_info = found["nodes"], found["pageInfo"]
        query = urlencode([(k, v[:MAX_SEARCH]) for k, v in params.multi_items() if k != "after"])
        return templates.TemplateResponse(request, "administration/access_log.html", {
            "rows": rows, "page_info": page_info, "search": search, "dates": dates, "errors": errors, "query": query,
            "verdict": verdict, "verify_errors": verify_errors or [],
        }, status_code=200)

    async def page(request: Request) -> Response:
        return await render(request) if administrator(request) else not_found(templates, request)

    async def verify(request: Request) -> Response:
        if administrator(request) is None:
            return not_found(templates, request)
        payload = await run_mutation(request, "VerifyAccessLog", {})
        return await render(request, payload["verdict"], payload["errors"])

    return [
        OperationRoute("/admin/access-log", page, operations=("AccessLogPage",), methods=["GET"]),
        OperationRoute("/admin/access-log/verify", verify, operations=("VerifyAccessLog", "AccessLogPage"), methods=["POST"]),
    ]
