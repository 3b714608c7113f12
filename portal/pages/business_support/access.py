"""Business support's pages are for business support of the conference's local authority alone:
anyone else gets "not found", as for a conference that does not exist."""

from starlette.requests import Request
from starlette.responses import Response
from starlette.templating import Jinja2Templates

from portal.edge.context import require_actor
from portal.enums import Role
from portal.identity import Actor
from portal.ids import parse_id

NOT_FOUND = "There is no conference or invitation with that number that you arrange."


def own_la(actor: Actor) -> int | None:
    """The local authority this person does business support for (the first, for someone with several)."""
    found = sorted(la for role, la in actor.roles if role == Role.BUSINESS_SUPPORT and la is not None)
    return found[0] if found else None


def supports(request: Request, la_id: str | None) -> bool:
    la = parse_id(la_id) if la_id else None
    return la is not None and require_actor(request).has(Role.BUSINESS_SUPPORT, la)


def not_found(templates: Jinja2Templates, request: Request) -> Response:
    return templates.TemplateResponse(request, "message.html", {"title": "Page not found", "message": NOT_FOUND}, status_code=404)
