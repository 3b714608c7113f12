"""GET /family: the meetings about the family member's own children; GET /family/conferences/{id}: one of them,
with who is coming, the reports shared so far and a form to write to the chair (POST .../response);
GET /family/conferences/{id}/reports/{report}: one shared report, marked new until they say they have read it (POST .../read).

Anything else, including a meeting about someone else's child or one whose access has ended, is "not found"."""

from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.templating import Jinja2Templates

from portal.edge.context import require_actor
from portal.edge.operations import run_mutation, run_query
from portal.edge.routes import OperationRoute
from portal.families.responses import MAX_RESPONSE
from portal.ids import parse_id
from portal.pages.forms import FormErrors, form_errors

NOT_FOUND = "There is no meeting or report with that number about your child."
MAX_TYPED = 20_000  # more than a response may hold, so the error can say how long it was


def not_found(templates: Jinja2Templates, request: Request) -> Response:
    return templates.TemplateResponse(request, "message.html", {"title": "Page not found", "message": NOT_FOUND}, status_code=404)


def meeting_routes(templates: Jinja2Templates) -> list[OperationRoute]:
    async def meetings(request: Request) -> Response:
        require_actor(request)
        data = await run_query(request, "FamilyConferences", {})
        return templates.TemplateResponse(request, "families/meetings.html", {
            "meetings": data["familyConferences"], "views": data["childViewsRequests"],
            "feedback": [m for m in data["meetingsForFeedback"] if m["id"] not in {c["id"] for c in data["familyConferences"]}]})

    async def load(request: Request) -> dict[str, Any] | None:
        number = parse_id(request.path_params["conference_id"])
        return (await run_query(request, "FamilyConferencePage", {"conference": str(number)}))["familyConference"] if number else None

    def render(request: Request, conference: dict[str, Any], errors: FormErrors = FormErrors(), entered: str = "") -> Response:
        return templates.TemplateResponse(request, "families/meeting.html", {
            "conference": conference, "errors": errors, "entered": entered, "max_response": MAX_RESPONSE, "sent": request.query_params.get("sent"),
        })

    async def meeting(request: Request) -> Response:
        conference = await load(request)
        return render(request, conference) if conference else not_found(templates, request)

    async def respond(request: Request) -> Response:
        conference = await load(request)
        if conference is None:
            return not_found(templates, request)
        text = str((await request.form()).get("text", ""))[:MAX_TYPED]
        payload = await run_mutation(request, "SendFamilyResponse", {"input": {"conferenceId": conference["id"], "text": text}})
        if payload["errors"]:
            return render(request, conference, form_errors(payload["errors"], {("input", "text"): "text"}, "text"), text)
        return RedirectResponse(f"/family/conferences/{conference['id']}?sent=1#write-to-the-chair", status_code=303)

    async def report(request: Request) -> Response:
        conference = await load(request)
        wanted = str(parse_id(request.path_params["report_id"]))
        found = next((r for r in conference["reports"] if r["id"] == wanted), None) if conference else None
        if conference is None or found is None:
            return not_found(templates, request)
        return templates.TemplateResponse(request, "families/report.html", {"conference": conference, "report": found})

    async def mark_read(request: Request) -> Response:
        number = parse_id(request.path_params["conference_id"])
        report = parse_id(request.path_params["report_id"])
        payload = await run_mutation(request, "MarkFamilyReportRead", {"input": {"contributionId": str(report)}}) if number and report else None
        if payload is None or payload["errors"]:
            return not_found(templates, request)
        return RedirectResponse(f"/family/conferences/{number}#reports", status_code=303)

    return [
        OperationRoute("/family", meetings, operations=("FamilyConferences",), methods=["GET"]),
        OperationRoute("/family/conferences/{conference_id}", meeting, operations=("FamilyConferencePage",), methods=["GET"]),
        OperationRoute("/family/conferences/{conference_id}/response", respond, operations=("FamilyConferencePage", "SendFamilyResponse"), methods=["POST"]),
        OperationRoute("/family/conferences/{conference_id}/reports/{report_id}", report, operations=("FamilyConferencePage",), methods=["GET"]),
        OperationRoute("/family/conferences/{conference_id}/reports/{report_id}/read", mark_read, operations=("MarkFamilyReportRead",), methods=["POST"]),
    ]
