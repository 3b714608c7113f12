"""GET /chair/reports/{contribution}: one agency's report for the conference's chair: every section,
each version with what changed from the one before, the uploads, and sharing with the family."""

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.templating import Jinja2Templates

from portal.edge.context import require_actor
from portal.edge.operations import run_query
from portal.edge.routes import OperationRoute
from portal.ids import parse_id
from portal.pages.chairs.access import chairs, not_found
from portal.pages.chairs.changes import SectionChange, section_changes


def texts(version: dict[str, Any]) -> dict[str, tuple[str, str]]:
    return {s["id"]: (s["title"], s["text"]["source"]) for s in version["sections"]}


def versions_with_changes(versions: list[dict[str, Any]]) -> list[tuple[dict[str, Any], list[SectionChange] | None]]:
    """Newest first, each with what changed from the version before it (None for the first)."""
    paired = [(v, section_changes(texts(versions[n - 1]), texts(v)) if n else None) for n, v in enumerate(versions)]
    return paired[::-1]


def report_route(templates: Jinja2Templates) -> OperationRoute:
    async def page(request: Request) -> Response:
        actor = require_actor(request)
        number = parse_id(request.path_params["contribution_id"])
        report = (await run_query(request, "ChairReportPage", {"contribution": str(number)}))["contribution"] if number else None
        if report is None or not chairs(actor, report["conference"]):
            return not_found(templates, request)
        return templates.TemplateResponse(request, "chairs/report.html", {"report": report, "versions": versions_with_changes(report["versions"])})

    return OperationRoute("/chair/reports/{contribution_id}", page, operations=("ChairReportPage",), methods=["GET"])
