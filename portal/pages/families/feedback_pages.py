"""GET /feedback/{conference}: after a meeting, a short form for a family member or a child ("what helped",
"what should we do differently"), POST sends it (SendMeetingFeedback); "not found" for any other meeting or person.
GET /what-families-told-us?la=&year=2025-26 (or from-day=…&to-year=…): the counts and comments over a reporting year, dates
chosen or the last twelve months, for the head of service and the IRO manager of the council only."""

from datetime import date

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.templating import Jinja2Templates

from portal import clock
from portal.access.actions import ANNUAL_REPORT_READERS
from portal.edge.context import require_actor
from portal.edge.operations import run_checked_query, run_mutation, run_query
from portal.edge.routes import OperationRoute
from portal.families.feedback import MAX_FEEDBACK
from portal.history.annual import BadYear, ReportingYear
from portal.ids import parse_id
from portal.pages.annual.routes import year_item
from portal.pages.contributor_extras.dates import PARTS, DateAnswer, read_date
from portal.pages.forms import FormErrors, form_errors
from portal.pages.guardians.views import govuk_date

NOT_FOUND = "There is no meeting with that number for you to tell us about."
FIELDS = {("input", "helped"): "helped", ("input", "differently"): "differently"}
MAX_TYPED = 20_000
SUMMARY = "/what-families-told-us"
YEARS_SHOWN = 10
DATES = {"from": "The first day", "to": "The last day"}
ARGUMENTS = {"start": "from-day", "end": "to-day"}
NO_SUMMARY = "There is no such page for you."


def council_item(council: dict[str, str], chosen: str) -> dict[str, object]:
    return {"value": council["id"], "text": council["name"], "selected": council["id"] == chosen}


def reporting_years(today: date) -> list[str]:
    """The reporting year under way, then the nine before it."""
    current = ReportingYear(today.year - (1 if today.month < 4 else 0))
    return [ReportingYear(current.first - n).label for n in range(YEARS_SHOWN)]


def asked_period(params: dict[str, str], years: list[str]) -> tuple[str | None, dict[str, DateAnswer], FormErrors, dict[str, str | None]]:
    """What the visitor chose: a reporting year, two dates, or neither (the last twelve months); the
    dates typed, what is wrong with them, and the period's start and end to ask the API for."""
    typed = any(params.get(f"{name}-{part}", "").strip() for name in DATES for part in PARTS)
    if typed:
        dates = {name: read_date(params, name, what) for name, what in DATES.items()}
        errors = FormErrors()
        for name, answer in dates.items():
            if answer.problem:
                errors = errors | FormErrors.one(f"{name}-{answer.first_wrong}", answer.problem)
        found = {"start": dates["from"].value, "end": dates["to"].value}
        return None, dates, errors, {k: v.isoformat() if v else None for k, v in found.items()}
    year = params.get("year", "").strip()
    if not year:
        return None, {}, FormErrors(), {"start": None, "end": None}
    try:
        chosen = ReportingYear.parse(year)
    except BadYear:
        chosen = None
    if chosen is None or chosen.label not in years:
        return None, {}, FormErrors.one("year", "Choose a reporting year from the list"), {"start": None, "end": None}
    return chosen.label, {}, FormErrors(), {"start": chosen.start.isoformat(), "end": chosen.end.isoformat()}


def feedback_routes(templates: Jinja2Templates) -> list[OperationRoute]:
    templates.env.filters.update(govuk_date=govuk_date, year_item=year_item, council_item=council_item)

    def not_found(request: Request) -> Response:
        return templates.TemplateResponse(request, "message.html", {"title": "Page not found", "message": NOT_FOUND}, status_code=404)

    async def load(request: Request) -> dict | None:
        require_actor(request)
        wanted = str(parse_id(request.path_params["conference_id"]))
        meetings = (await run_query(request, "MeetingFeedbackForm", {}))["meetingsForFeedback"]
        return next((m for m in meetings if m["id"] == wanted), None)

    def render(request: Request, meeting: dict, errors: FormErrors = FormErrors(), entered: dict | None = None) -> Response:
        return templates.TemplateResponse(request, "families/feedback.html", {
            "meeting": meeting, "errors": errors, "entered": entered or {}, "max": MAX_FEEDBACK, "sent": request.query_params.get("sent")})

    async def page(request: Request) -> Response:
        meeting = await load(request)
        return render(request, meeting) if meeting else not_found(request)

    async def send(request: Request) -> Response:
        meeting = await load(request)
        if meeting is None:
            return not_found(request)
        form = await request.form()
        entered = {name: str(form.get(name, ""))[:MAX_TYPED] for name in ("helped", "differently")}
        payload = await run_mutation(request, "SendMeetingFeedback", {"input": {"conferenceId": meeting["id"], **entered}})
        if payload["errors"]:
            return render(request, meeting, form_errors(payload["errors"], FIELDS, "helped"), entered)
        return RedirectResponse(f"/feedback/{meeting['id']}?sent=1", status_code=303)

    def no_summary(request: Request) -> Response:
        return templates.TemplateResponse(request, "message.html", {"title": "Page not found", "message": NO_SUMMARY}, status_code=404)

    async def summary(request: Request) -> Response:
        actor = require_actor(request)
        las = sorted(actor.la_ids(ANNUAL_REPORT_READERS))
        chosen_la = request.query_params.get("la", "").strip()
        la = parse_id(chosen_la) if chosen_la else (las[0] if las else None)
        if la is None or la not in las:
            return no_summary(request)
        params = {k: v[:MAX_TYPED] for k, v in request.query_params.items()}
        years = reporting_years(clock.today())
        year, dates, errors, period = asked_period(params, years)
        data, explained = await run_checked_query(request, "MeetingFeedbackSummary", {"la": str(la), **(period if not errors else {})})
        if data is None or (data["meetingFeedback"] is None and not explained):
            return no_summary(request)
        for argument, message in explained.items():
            errors = errors | FormErrors.one(ARGUMENTS.get(argument, "from-day"), message)
        councils = data["meetingFeedbackCouncils"]
        return templates.TemplateResponse(request, "families/feedback_summary.html", {
            "summary": None if errors else data["meetingFeedback"], "errors": errors, "dates": dates, "year": year, "years": years,
            "councils": councils, "council": next((c for c in councils if c["id"] == str(la)), None),
        })

    return [
        OperationRoute("/feedback/{conference_id}", page, operations=("MeetingFeedbackForm",), methods=["GET"]),
        OperationRoute("/feedback/{conference_id}", send, operations=("MeetingFeedbackForm", "SendMeetingFeedback"), methods=["POST"]),
        OperationRoute(SUMMARY, summary, operations=("MeetingFeedbackSummary",), methods=["GET"]),
    ]
