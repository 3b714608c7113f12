"""The audit's pages are for auditors alone; creating a round and moderating are for the regional lead.
Anyone else gets "not found", as for a round that does not exist."""

from starlette.requests import Request
from starlette.responses import Response
from starlette.templating import Jinja2Templates

from portal.enums import Role
from portal.identity import Actor

NOT_FOUND = "There is no audit round or item with that number that you may see."


def is_auditor(actor: Actor) -> bool:
    return any(role == Role.AUDITOR for role, _ in actor.roles)


def is_lead(actor: Actor) -> bool:
    """The region's audit lead: an auditor for no one council."""
    return actor.has(Role.AUDITOR, None)


def not_found(templates: Jinja2Templates, request: Request) -> Response:
    return templates.TemplateResponse(request, "message.html", {"title": "Page not found", "message": NOT_FOUND}, status_code=404)
