"""GET /guardian/proceedings: the guardian's proceedings, each child with the IRO's current view of the care plan;
GET /guardian/proceedings/{p}/children/{c}: that view's versions and what changed, since the guardian last looked too;
POST /guardian/proceedings/{p}/children/{c}/seen: the guardian has read the current version;
GET /guardian/proceedings/{p}/children/{c}/print: the view for the court bundle.

Anyone but the guardian assigned to the proceedings gets "not found"."""

from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.templating import Jinja2Templates

from portal.edge.context import require_actor
from portal.edge.operations import run_mutation, run_query
from portal.edge.routes import OperationRoute
from portal.enums import Role
from portal.ids import parse_id
from portal.pages.guardians.views import ChildView, assigned, child_view, child_views

NOT_FOUND = "There are no care proceedings or child with that number assigned to you."
LIST = "/guardian/proceedings"


def guardian_routes(templates: Jinja2Templates) -> list[OperationRoute]:
    def not_found(request: Request) -> Response:
        return templates.TemplateResponse(request, "message.html", {"title": "Page not found", "message": NOT_FOUND}, status_code=404)

    async def listing(request: Request) -> Response:
        actor = require_actor(request)
        if not actor.has(Role.GUARDIAN):
            return not_found(request)
        after = request.query_params.get("after") or None
        connection = (await run_query(request, "GuardianProceedingsPage", {"after": after} if after else {}))["careProceedings"]
        proceedings = [(p, child_views(p)) for p in connection["nodes"] if assigned(actor, p)]
        return templates.TemplateResponse(request, "guardians/proceedings.html", {
            "proceedings": proceedings, "page_info": connection["pageInfo"], "read": request.query_params.get("read"),
        })

    async def load(request: Request) -> ChildView | None:
        actor = require_actor(request)
        number, child = parse_id(request.path_params["proceedings_id"]), parse_id(request.path_params["child_id"])
        if not actor.has(Role.GUARDIAN) or number is None or child is None:
            return None
        proceedings = (await run_query(request, "GuardianViewPage", {"proceedings": str(number)}))["proceedings"]
        return child_view(proceedings, str(child)) if assigned(actor, proceedings) else None

    def address(found: ChildView) -> str:
        return f"{LIST}/{found.proceedings['id']}/children/{found.child['id']}"

    async def history(request: Request) -> Response:
        found = await load(request)
        if found is None:
            return not_found(request)
        return templates.TemplateResponse(request, "guardians/view.html", {
            "found": found, "address": address(found), "read": request.query_params.get("read") == "1",
        })

    async def printable(request: Request) -> Response:
        found = await load(request)
        return templates.TemplateResponse(request, "guardians/print.html", {"found": found, "address": address(found)}) if found else not_found(request)

    async def seen(request: Request) -> Response:
        found = await load(request)
        if found is None or found.current is None:
            return not_found(request)
        payload: dict[str, Any] = await run_mutation(request, "MarkCarePlanViewsSeen", {"input": {"viewIds": [found.current["id"]]}})
        if payload["errors"]:
            return not_found(request)
        form = await request.form()
        back = f"{LIST}?read={found.child['id']}#child-{found.proceedings['id']}-{found.child['id']}" if form.get("from") == "list" else f"{address(found)}?read=1"
        return RedirectResponse(back, status_code=303)

    child = "/guardian/proceedings/{proceedings_id}/children/{child_id}"
    return [
        OperationRoute(LIST, listing, operations=("GuardianProceedingsPage",), methods=["GET"]),
        OperationRoute(child, history, operations=("GuardianViewPage",), methods=["GET"]),
        OperationRoute(f"{child}/print", printable, operations=("GuardianViewPage",), methods=["GET"]),
        OperationRoute(f"{child}/seen", seen, operations=("MarkCarePlanViewsSeen", "GuardianViewPage"), methods=["POST"]),
    ]
