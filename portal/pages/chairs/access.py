"""The chair's pages are for the chair of the conference alone: anyone else gets "not found"."""

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.templating import Jinja2Templates

from portal.identity import Actor

NOT_FOUND = "There is no conference or report with that number that you chair."


def chairs(actor: Actor, conference: dict[str, Any] | None) -> bool:
    chair = (conference or {}).get("chair")
    return chair is not None and chair["id"] == str(actor.person_id)


def not_found(templates: Jinja2Templates, request: Request) -> Response:
    return templates.TemplateResponse(request, "message.html", {"title": "Page not found", "message": NOT_FOUND}, status_code=404)
