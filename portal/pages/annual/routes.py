"""GET /annual-report?year=2025-26: the IRO annual report's figures for the head of service or IRO manager
of a local authority, each with its definition, last year's beside it, and each breakdown as a bar chart
before its table. Anyone else gets "not found"."""

from typing import Any

from markupsafe import Markup
from starlette.requests import Request
from starlette.responses import Response
from starlette.templating import Jinja2Templates

from portal import clock
from portal.access.actions import ANNUAL_REPORT_READERS
from portal.charts import Point, bar_chart
from portal.edge.context import require_actor
from portal.edge.operations import run_query
from portal.edge.routes import OperationRoute
from portal.history.annual import BadYear, ReportingYear
from portal.pages.guardians.views import govuk_date

PATH = "/annual-report"
YEARS_SHOWN = 10
NOT_FOUND = "There is no annual report here for you: it is for the head of service and the IRO manager of a local authority."
SECTIONS = (
    ("Looked after children", ("looked_after.started", "looked_after.ceased", "looked_after.at_year_end", "looked_after.placed_outside_la_pct",
                               "placements.three_or_more_in_12_months_pct")),
    ("Looked after reviews", ("lac_reviews.held", "lac_reviews.in_timescale_pct", "children_seen_before_review_pct",
                              "monitoring.completed_before_review_pct")),
    ("Child protection", ("icpc.held", "icpc.in_timescale_pct", "cp_plans.over_2_years_during_year", "cp_plans.over_2_years_at_year_end",
                          "cp_plans.second_or_subsequent")),
    ("Reports, minutes and challenges", ("reports.submitted_on_time_pct", "reports.shared_with_family_on_time_pct", "outcomes.minutes_on_time_pct",
                                         "challenges.raised", "challenges.upheld")),
)
BREAKDOWNS = ("participation.by_code", "cp_plans.by_category", "challenges.by_reason", "challenges.by_highest_stage")


def shown(figure_id: str, value: dict | None) -> str:
    if value is None:
        return "Not available"
    if value["value"] is None:
        return "Not available" if not value.get("of") else f"{value['of']}"
    number = value["value"]
    text = f"{number:g}%" if figure_id.endswith("_pct") else f"{number:g}"
    if figure_id.endswith("_pct") and value.get("of"):
        text += f" ({value['count']} of {value['of']})"
    elif value.get("of"):
        text += f" of {value['of']}"
    return text


def part_label(part: dict[str, Any]) -> str:
    """A challenge reason's or stage's meaning alone (its code is a key such as "team_manager"); a code such as PN1
    with its meaning."""
    code, meaning = part["code"], part.get("meaning")
    if not meaning or meaning == code:
        return code
    return meaning if code.islower() else f"{code}: {meaning}"


def breakdown_chart(figure: dict[str, Any], year: str) -> Markup:
    """This year's parts as bars: their percentages where the figure has them, their counts otherwise."""
    parts = figure["thisYear"]["parts"] if figure["thisYear"] else []
    percent = any(p["pct"] is not None for p in parts)
    of = figure["thisYear"]["of"] if figure["thisYear"] else None
    title = f"{figure['label']}, {year}" + (f" (% of {of})" if percent and of else "")
    description = f"Bar chart of the {'percentages' if percent else 'counts'} in the table after it."
    bars = [Point(part_label(p), p["pct"] if percent else p["count"]) for p in parts]
    return bar_chart(f"chart-{figure['id'].replace('.', '-').replace('_', '-')}", title, description, bars,
                     maximum=100 if percent else None, unit="%" if percent else "", empty="No records for the year")


def year_item(year: str, chosen: str) -> dict[str, object]:
    return {"value": year, "text": year, "selected": year == chosen}


def annual_routes(templates: Jinja2Templates) -> list[OperationRoute]:
    templates.env.filters.update(year_item=year_item, govuk_date=govuk_date)
    def not_found(request: Request) -> Response:
        return templates.TemplateResponse(request, "message.html", {"title": "Page not found", "message": NOT_FOUND}, status_code=404)

    async def report(request: Request) -> Response:
        actor = require_actor(request)
        las = sorted(actor.la_ids(ANNUAL_REPORT_READERS))
        latest = ReportingYear(clock.today().year - (2 if clock.today().month < 4 else 1))
        years = [ReportingYear(latest.first - n).label for n in range(YEARS_SHOWN)]
        try:
            year = ReportingYear.parse(request.query_params.get("year") or latest.label)
        except BadYear:
            return not_found(request)
        if not las or year.label not in years:
            return not_found(request)
        found = (await run_query(request, "AnnualReport", {"laId": str(las[0]), "year": year.label}))["annualReport"]
        if found is None:
            return not_found(request)
        figures = {f["id"]: f for f in found["figures"]}
        charts = {figure_id: breakdown_chart(figures[figure_id], found["year"]) for figure_id in BREAKDOWNS}
        return templates.TemplateResponse(request, "annual/report.html", {
            "report": found, "figures": figures, "sections": SECTIONS, "breakdowns": BREAKDOWNS, "charts": charts, "years": years, "shown": shown,
        })

    return [OperationRoute(PATH, report, operations=("AnnualReport",), methods=["GET"])]
