"""GET /invitations/{id}: what an invited organisation must do, and where reminder emails lead."""

from starlette.requests import Request
from starlette.responses import Response
from starlette.templating import Jinja2Templates

from portal import access
from portal.edge.context import require_actor
from portal.edge.operations import run_query
from portal.edge.routes import OperationRoute
from portal.ids import parse_id

NOT_FOUND = "There is no invitation with that number, or it is not one you may see."


def invitation_route(templates: Jinja2Templates) -> OperationRoute:
    async def page(request: Request) -> Response:
        actor = require_actor(request)
        number = parse_id(request.path_params["invitation_id"])
        data = await run_query(request, "InvitationPage", {"id": str(number)}) if number else {"invitation": None}
        invitation = data["invitation"]
        if invitation is None:
            return templates.TemplateResponse(request, "message.html", {"title": "Invitation not found", "message": NOT_FOUND}, status_code=404)
        can_upload = access.allowed(actor, "contribution.write", int(invitation["organisation"]["id"]))
        sections = next((a["sections"] for a in data["agencies"] if a["id"] == invitation["organisation"]["agencyId"]), [])
        uploads = (invitation["contribution"] or {}).get("uploads") or []
        to_review = uploads[-1]["toReview"] if uploads else []
        choices = {item["item"]: [{"value": s["id"], "text": s["title"] + (" (keep here)" if s["id"] == item["sectionId"] else ""),
                                   "selected": s["id"] == item["sectionId"]} for s in sections] for item in to_review}
        return templates.TemplateResponse(
            request, "invitation.html", {"invitation": invitation, "can_upload": can_upload, "sections": sections, "sections_choices": choices})

    return OperationRoute("/invitations/{invitation_id}", page, operations=("InvitationPage",))
