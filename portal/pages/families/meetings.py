"""GET /family: the meetings about the family member's own children; GET /family/conferences/{id}: one of them.

Anything else, including a meeting about someone else's child or one whose access has ended, is "not found"."""

from starlette.requests import Request
from starlette.responses import Response
from starlette.templating import Jinja2Templates

from portal.edge.context import require_actor
from portal.edge.operations import run_query
from portal.edge.routes import OperationRoute
from portal.ids import parse_id

NOT_FOUND = "There is no meeting with that number about your child."


def not_found(templates: Jinja2Templates, request: Request) -> Response:
    return templates.TemplateResponse(request, "message.html", {"title": "Page not found", "message": NOT_FOUND}, status_code=404)


def meeting_routes(templates: Jinja2Templates) -> list[OperationRoute]:
    async def meetings(request: Request) -> Response:
        require_actor(request)
        found = (await run_query(request, "FamilyConferences", {}))["familyConferences"]
        return templates.TemplateResponse(request, "families/meetings.html", {"meetings": found})

    async def meeting(request: Request) -> Response:
        number = parse_id(request.path_params["conference_id"])
        conference = (await run_query(request, "FamilyConferencePage", {"conference": str(number)}))["familyConference"] if number else None
        if conference is None:
            return not_found(templates, request)
        return templates.TemplateResponse(request, "families/meeting.html", {"conference": conference})

    return [
        OperationRoute("/family", meetings, operations=("FamilyConferences",), methods=["GET"]),
        OperationRoute("/family/conferences/{conference_id}", meeting, operations=("FamilyConferencePage",), methods=["GET"]),
    ]
