"""The administration pages are for LA administrators alone: anyone else gets "not found"."""

from starlette.requests import Request
from starlette.responses import Response
from starlette.templating import Jinja2Templates

from portal.edge.context import require_actor
from portal.enums import Role
from portal.identity import Actor

NOT_FOUND = "There is no page here for you, or nothing with that number that you administer."


def administrator(request: Request) -> Actor | None:
    """The signed-in LA administrator, or None for anyone else."""
    actor = require_actor(request)
    return actor if actor.la_ids(frozenset({Role.LA_ADMIN})) else None


def not_found(templates: Jinja2Templates, request: Request) -> Response:
    return templates.TemplateResponse(request, "message.html", {"title": "Page not found", "message": NOT_FOUND}, status_code=404)
