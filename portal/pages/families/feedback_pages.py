"""GET /feedback/{conference}: after a meeting, a short form for a family member or a child ("what helped",
"what should we do differently"), POST sends it (SendMeetingFeedback); "not found" for any other meeting or person.
GET /what-families-told-us: the counts and comments, for the head of service and the IRO manager only."""

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.templating import Jinja2Templates

from portal.access.actions import ANNUAL_REPORT_READERS
from portal.edge.context import require_actor
from portal.edge.operations import run_mutation, run_query
from portal.edge.routes import OperationRoute
from portal.families.feedback import MAX_FEEDBACK
from portal.ids import parse_id
from portal.pages.forms import FormErrors, form_errors

NOT_FOUND = "There is no meeting with that number for you to tell us about."
FIELDS = {("input", "helped"): "helped", ("input", "differently"): "differently"}
MAX_TYPED = 20_000


def feedback_routes(templates: Jinja2Templates) -> list[OperationRoute]:
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

    async def summary(request: Request) -> Response:
        actor = require_actor(request)
        las = sorted(actor.la_ids(ANNUAL_REPORT_READERS))
        found = (await run_query(request, "MeetingFeedbackSummary", {"la": str(las[0])}))["meetingFeedback"] if las else None
        if found is None:
            return templates.TemplateResponse(request, "message.html", {"title": "Page not found", "message": "There is no such page for you."}, status_code=404)
        return templates.TemplateResponse(request, "families/feedback_summary.html", {"summary": found})

    return [
        OperationRoute("/feedback/{conference_id}", page, operations=("MeetingFeedbackForm",), methods=["GET"]),
        OperationRoute("/feedback/{conference_id}", send, operations=("MeetingFeedbackForm", "SendMeetingFeedback"), methods=["POST"]),
        OperationRoute("/what-families-told-us", summary, operations=("MeetingFeedbackSummary",), methods=["GET"]),
    ]
