"""GET /watchlist: the challenge clinic's drift watchlist for the LA's IROs, IRO manager and head of service;
GET /monitoring/summary?year=2025-26: the monitoring checklist's findings by quarter and theme for the head of
service and IRO manager. Anyone else gets "not found"."""

from starlette.requests import Request
from starlette.responses import Response
from starlette.templating import Jinja2Templates

from portal import clock
from portal.access.actions import ANNUAL_REPORT_READERS, WATCHLIST_READERS
from portal.edge.context import require_actor
from portal.edge.operations import run_query
from portal.edge.routes import OperationRoute
from portal.history.annual import BadYear, ReportingYear

WATCHLIST_NOT_FOUND = "There is no watchlist here for you: it is for the independent reviewing officers, IRO manager and head of service of a local authority."
SUMMARY_NOT_FOUND = "There are no monitoring findings here for you: they are for the head of service and the IRO manager of a local authority."
YEARS_SHOWN = 5


def overview_routes(templates: Jinja2Templates) -> list[OperationRoute]:
    def not_found(request: Request, message: str) -> Response:
        return templates.TemplateResponse(request, "message.html", {"title": "Page not found", "message": message}, status_code=404)

    async def watchlist(request: Request) -> Response:
        las = sorted(require_actor(request).la_ids(WATCHLIST_READERS))
        found = (await run_query(request, "DriftWatchlistPage", {"laId": str(las[0])}))["driftWatchlist"] if las else None
        if found is None:
            return not_found(request, WATCHLIST_NOT_FOUND)
        themes: dict[str, int] = {}
        for child in found["children"]:
            for reason in child["reasons"]:
                themes[reason["label"]] = themes.get(reason["label"], 0) + 1
        return templates.TemplateResponse(request, "monitoring/watchlist.html", {"watchlist": found, "themes": themes})

    async def summary(request: Request) -> Response:
        las = sorted(require_actor(request).la_ids(ANNUAL_REPORT_READERS))
        today = clock.today()
        current = ReportingYear(today.year - (1 if today.month < 4 else 0))
        years = [ReportingYear(current.first - n).label for n in range(YEARS_SHOWN)]
        try:
            year = ReportingYear.parse(request.query_params.get("year") or current.label)
        except BadYear:
            return not_found(request, SUMMARY_NOT_FOUND)
        if not las or year.label not in years:
            return not_found(request, SUMMARY_NOT_FOUND)
        found = (await run_query(request, "MonitoringSummaryPage", {"laId": str(las[0]), "year": year.label}))["monitoringSummary"]
        if found is None:
            return not_found(request, SUMMARY_NOT_FOUND)
        return templates.TemplateResponse(request, "monitoring/summary.html", {"summary": found, "years": years})

    return [
        OperationRoute("/watchlist", watchlist, operations=("DriftWatchlistPage",), methods=["GET"]),
        OperationRoute("/monitoring/summary", summary, operations=("MonitoringSummaryPage",), methods=["GET"]),
    ]
