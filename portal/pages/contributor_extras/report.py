"""What every contributor page beside writing starts from: the invitation and its report, for a
person of the invited organisation only. Anyone else, and any id that is not one, gets "not found"."""

from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.templating import Jinja2Templates

from portal import access
from portal.edge.context import require_actor
from portal.edge.operations import run_query
from portal.ids import parse_id
from portal.pages.contributor_extras.held import held_notice

PAGE = "ReportExtrasPage"
NOT_FOUND = "There is no report with that number, or it is not one you may see."


@dataclass(frozen=True)
class Report:
    invitation: dict[str, Any]

    @property
    def id(self) -> str:
        return str(self.invitation["id"])

    @property
    def contribution(self) -> dict[str, Any] | None:
        return self.invitation["contribution"]

    @property
    def sections(self) -> list[dict[str, Any]]:
        return self.invitation["organisation"]["agency"]["sections"]

    def context(self, request: Request) -> dict[str, Any]:
        return {"invitation": self.invitation, "contribution": self.contribution, "sections": self.sections, "held": held_notice(request)}


def not_found(request: Request, templates: Jinja2Templates) -> Response:
    return templates.TemplateResponse(request, "message.html", {"title": "Report not found", "message": NOT_FOUND}, status_code=404)


async def load_report(request: Request) -> Report | None:
    """The invitation named in the path, when the person may write its organisation's report."""
    actor = require_actor(request)
    number = parse_id(request.path_params["invitation_id"])
    if number is None:
        return None
    invitation = (await run_query(request, PAGE, {"invitation": str(number)}))["invitation"]
    if invitation is None or not access.allowed(actor, "contribution.write", int(invitation["organisation"]["id"])):
        return None
    return Report(invitation)
