"""GET /audit/rounds/{id}/results: how the round's reports scored, per council, per practice and over
time, as charts (each followed by its table) with the round's CSV and XLSX downloads;
GET /audit/rounds/{id}/agreement: per criterion, the scorer against the settled human level
(percentage agreement and Cohen's kappa) and the disagreements to read."""

from typing import Any

from markupsafe import Markup
from starlette.requests import Request
from starlette.responses import Response
from starlette.templating import Jinja2Templates

from portal.charts import Point, bar_chart, line_chart
from portal.edge.context import require_actor
from portal.edge.operations import run_query
from portal.edge.routes import OperationRoute
from portal.ids import parse_id
from portal.pages.audit.access import is_auditor, not_found


def met_share(summary: dict[str, Any]) -> float | None:
    """The percentage of applicable criteria the scorer found met."""
    applicable = summary["criteriaApplicable"]
    return round(100 * summary["criteriaMet"] / applicable, 1) if applicable else None


def charts(found: dict[str, Any], over_time: list[dict[str, Any]]) -> dict[str, Markup]:
    titles = {c["id"]: c["title"] for c in found["criteria"]}
    not_met = found["whole"][0]["mostOftenNotMet"] if found["whole"] else []
    return {
        "over_time": line_chart(
            "chart-over-time", "Mean score by quarter, all rounds",
            "Line chart of the mean audit score out of 100 in each quarter, over every round in the region. The table after it gives the figures.",
            [Point(q["group"], q["meanScore"]) for q in over_time],
        ),
        "councils": bar_chart(
            "chart-councils", "Share of criteria met, by council",
            "Bar chart of the percentage of applicable criteria met in each council's sampled reports. The table after it gives the figures.",
            [Point(c["group"], met_share(c)) for c in found["councils"]], maximum=100, unit="%",
        ),
        "not_met": bar_chart(
            "chart-not-met", "Criteria most often not met",
            "Bar chart of how many sampled reports did not meet each criterion, most often first. The table after it gives the figures.",
            [Point(titles.get(c["criterionId"], c["criterionId"]), c["count"]) for c in not_met], empty="Every criterion was at least partly met",
        ),
    }


def results_routes(templates: Jinja2Templates) -> list[OperationRoute]:
    async def load(request: Request, operation: str) -> dict[str, Any] | None:
        number = parse_id(request.path_params["round_id"])
        if not is_auditor(require_actor(request)) or number is None:
            return None
        data = await run_query(request, operation, {"id": str(number)})
        return data if data["auditRound"] else None

    async def results(request: Request) -> Response:
        data = await load(request, "AuditResultsPage")
        if data is None:
            return not_found(templates, request)
        found = data["auditRound"]
        titles = {c["id"]: c["title"] for c in found["criteria"]}
        return templates.TemplateResponse(request, "audit/results.html", {
            "round": found, "over_time": data["overTime"], "charts": charts(found, data["overTime"]), "titles": titles, "met_share": met_share,
            "whole": found["whole"][0] if found["whole"] else None,
        })

    async def agreement(request: Request) -> Response:
        data = await load(request, "AuditAgreementPage")
        if data is None:
            return not_found(templates, request)
        found = data["auditRound"]
        return templates.TemplateResponse(request, "audit/agreement.html", {
            "round": found, "titles": {c["id"]: c["title"] for c in found["criteria"]},
        })

    return [
        OperationRoute("/audit/rounds/{round_id}/results", results, operations=("AuditResultsPage",), methods=["GET"]),
        OperationRoute("/audit/rounds/{round_id}/agreement", agreement, operations=("AuditAgreementPage",), methods=["GET"]),
    ]
