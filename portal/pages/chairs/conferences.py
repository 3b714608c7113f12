"""GET /chair/conferences: the chair's upcoming conferences, soonest first, with what is missing.

Filters are plain links (they work without JavaScript): this week asks the operation for meetings
before a week from now; at risk and not ready keep the rows whose readiness says so."""

from datetime import timedelta
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.templating import Jinja2Templates

from portal import clock
from portal.edge.context import require_actor
from portal.edge.operations import documents, run_query
from portal.edge.routes import OperationRoute

FILTERS = ("all", "this-week", "at-risk", "not-ready")
STATUS_FOR = {"at-risk": "AT_RISK", "not-ready": "NOT_MET"}
WEEK = timedelta(days=7)


def variables(show: str, after: str | None) -> dict[str, Any]:
    found: dict[str, Any] = {"after": after} if after else {}
    if show == "this-week":
        found["scheduledBefore"] = (clock.now() + WEEK).isoformat()
    return found


def shown(nodes: list[dict[str, Any]], show: str) -> list[dict[str, Any]]:
    status = STATUS_FOR.get(show)
    return [n | {"who": who_must_act(n["readiness"]["unmet"] if n["readiness"] else [])}
            for n in nodes if status is None or (n["readiness"] or {}).get("status") == status]


def who_must_act(unmet: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Everyone the unmet checks wait for, once each, by the earliest time any of them asks."""
    found: dict[tuple[str, str | None], dict[str, Any]] = {}
    for check in unmet:
        for actor in check["whoMustAct"]:
            key = (actor["role"], (actor["organisation"] or {}).get("id"))
            if key not in found or (actor["by"] or "~") < (found[key]["by"] or "~"):
                found[key] = actor
    return list(found.values())


def conferences_route(templates: Jinja2Templates) -> OperationRoute:
    async def page(request: Request) -> Response:
        require_actor(request)
        show = request.query_params.get("show", "all")
        show = show if show in FILTERS else "all"
        after = request.query_params.get("after") or None
        data = await run_query(request, "ChairConferencesPage", variables(show, after))
        connection = data["conferences"]
        return templates.TemplateResponse(request, "chairs/conferences.html", {
            "rows": shown(connection["nodes"], show), "show": show, "filters": FILTERS, "page_info": connection["pageInfo"],
            "live": documents()["ReadinessLive"],  # the page's script subscribes with it over /graphql
        })

    return OperationRoute("/chair/conferences", page, operations=("ChairConferencesPage",), methods=["GET"])
