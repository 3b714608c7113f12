"""POST /reports/{invitation}/attendance: the small form on a contributor's report page saying whether
their organisation will attend the meeting, send its report only, or not attend. Only the invited
organisation's contributors may answer; anyone else gets "not found"."""

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.templating import Jinja2Templates

from portal.edge.context import require_actor
from portal.edge.operations import run_mutation
from portal.edge.routes import OperationRoute
from portal.families.attendance import Attendance
from portal.ids import parse_id

NOT_FOUND = "There is no invitation with that number to your organisation."


def attendance_route(templates: Jinja2Templates) -> OperationRoute:
    async def record(request: Request) -> Response:
        require_actor(request)
        number = parse_id(request.path_params["invitation_id"])
        answer = str((await request.form()).get("attendance", ""))
        if number is not None and answer not in Attendance.__members__:
            return RedirectResponse(f"/reports/{number}?attendance=choose#attendance", status_code=303)
        payload = await run_mutation(request, "RecordAttendance", {"input": {"invitationId": str(number), "answer": answer}}) if number else None
        if payload is None or payload["errors"]:
            return templates.TemplateResponse(request, "message.html", {"title": "Page not found", "message": NOT_FOUND}, status_code=404)
        return RedirectResponse(f"/reports/{number}?attendance=saved#attendance", status_code=303)

    return OperationRoute("/reports/{invitation_id}/attendance", record, operations=("RecordAttendance",), methods=["POST"])
