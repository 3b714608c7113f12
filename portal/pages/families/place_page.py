"""GET /conferences/{id}/place: where the meeting is held and the link to join it online, as the family is told it;
POST sets them (SetMeetingPlace). For business support and the chairs of the children's local authority; anyone else gets "not found"."""

from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.templating import Jinja2Templates

from portal import access
from portal.edge.context import require_actor
from portal.edge.operations import run_mutation, run_query
from portal.edge.routes import OperationRoute
from portal.ids import parse_id
from portal.pages.forms import FormErrors, form_errors

NOT_FOUND = "There is no conference with that number whose meeting place you may set."
MAX_TYPED = 2000
FIELDS = {("input", "place"): "place", ("input", "joinUrl"): "joinUrl"}


def place_routes(templates: Jinja2Templates) -> list[OperationRoute]:
    def not_found(request: Request) -> Response:
        return templates.TemplateResponse(request, "message.html", {"title": "Page not found", "message": NOT_FOUND}, status_code=404)

    async def load(request: Request) -> dict[str, Any] | None:
        actor = require_actor(request)
        number = parse_id(request.path_params["conference_id"])
        data = await run_query(request, "MeetingPlacePage", {"conference": str(number)}) if number else {}
        conference = data.get("conference")
        if conference is None or not access.allowed(actor, "conference.schedule", _Conference(int(conference["localAuthority"]["id"]))):
            return None
        return {**conference, "meetingPlace": data["meetingPlace"]}

    def render(request: Request, conference: dict[str, Any], errors: FormErrors = FormErrors(), entered: dict[str, str] | None = None) -> Response:
        known = conference["meetingPlace"] or {"place": "", "joinUrl": ""}
        return templates.TemplateResponse(request, "families/place.html", {
            "conference": conference, "errors": errors, "entered": entered or known, "done": request.query_params.get("done"),
        })

    async def page(request: Request) -> Response:
        conference = await load(request)
        return render(request, conference) if conference else not_found(request)

    async def save(request: Request) -> Response:
        conference = await load(request)
        if conference is None or conference["status"] not in ("DRAFT", "SCHEDULED"):
            return not_found(request)
        form = await request.form()
        entered = {name: str(form.get(name, ""))[:MAX_TYPED] for name in ("place", "joinUrl")}
        payload = await run_mutation(request, "SetMeetingPlace", {"input": {"conferenceId": conference["id"], **entered}})
        if payload["errors"]:
            return render(request, conference, form_errors(payload["errors"], FIELDS, "place"), entered)
        return RedirectResponse(f"/conferences/{conference['id']}/place?done=1", status_code=303)

    return [
        OperationRoute("/conferences/{conference_id}/place", page, operations=("MeetingPlacePage",), methods=["GET"]),
        OperationRoute("/conferences/{conference_id}/place", save, operations=("MeetingPlacePage", "SetMeetingPlace"), methods=["POST"]),
    ]


class _Conference:
    """What the conference.schedule rule reads of a conference: its local authority."""

    def __init__(self, la_id: int) -> None:
        self.la_id = la_id
