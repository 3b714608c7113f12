"""GET /chair/conferences/{id}/monitoring/{item}/challenge: from an item the chair answered "not met", one form raises
an IRO alert or challenge about one of the meeting's children with the item's reason; POST raises it. Anyone but the
meeting's chair, and an item not answered "not met" or already challenged, gets "not found"."""

from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.templating import Jinja2Templates

from portal.edge.context import require_actor
from portal.edge.operations import run_mutation, run_query
from portal.edge.routes import OperationRoute
from portal.ids import parse_id
from portal.pages.chairs.access import chairs, not_found
from portal.pages.forms import FormErrors, form_errors

PATH = "/chair/conferences/{conference_id}/monitoring/{item}/challenge"
KINDS = {"ALERT": "An alert", "FORMAL": "A formal challenge"}
FIELDS = {("input", "childId"): "child", ("input", "kind"): "kind", ("input", "resolutionSought"): "resolution",
          ("input", "responderId"): "responder", ("input",): "kind"}


def challenge_routes(templates: Jinja2Templates) -> list[OperationRoute]:
    async def load(request: Request) -> dict[str, Any] | None:
        actor = require_actor(request)
        number = parse_id(request.path_params["conference_id"])
        data = await run_query(request, "MonitoringChecklistPage", {"conference": str(number)}) if number else {}
        conference, checklist = data.get("conference"), data.get("monitoringChecklist")
        if not (conference and checklist and chairs(actor, conference)):
            return None
        item = next((i for i in checklist["items"] if i["id"] == request.path_params["item"]), None)
        if item is None or item["answer"] != "NOT_MET" or item["challengeId"]:
            return None
        stages = (await run_query(request, "ChallengeFromCheckPage", {"laId": conference["localAuthority"]["id"]}))["challengeStages"]
        return {"conference": conference, "item": item, "stage": stages[0] if stages else None}

    def render(request: Request, found: dict[str, Any], errors: FormErrors = FormErrors(), entered: dict[str, str] | None = None) -> Response:
        children = found["conference"]["children"]
        shown = entered or {"child": children[0]["id"] if len(children) == 1 else "", "kind": "", "resolution": "", "responder": ""}
        return templates.TemplateResponse(request, "monitoring/challenge.html", {**found, "errors": errors, "entered": shown, "kinds": KINDS})

    async def page(request: Request) -> Response:
        found = await load(request)
        return render(request, found) if found else not_found(templates, request)

    async def raise_it(request: Request) -> Response:
        found = await load(request)
        if found is None:
            return not_found(templates, request)
        form = await request.form()
        entered = {name: str(form.get(name, "")).strip() for name in ("child", "kind", "resolution", "responder")}
        problems = FormErrors()
        if entered["child"] not in {c["id"] for c in found["conference"]["children"]}:
            problems |= FormErrors.one("child", "Choose the child the challenge is about")
        if entered["kind"] not in KINDS:
            problems |= FormErrors.one("kind", "Choose an alert or a formal challenge")
        if problems:
            return render(request, found, problems, entered)
        number = found["conference"]["id"]
        payload = await run_mutation(request, "RaiseChallengeFromCheck", {"input": {
            "conferenceId": number, "item": found["item"]["id"], "childId": entered["child"], "kind": entered["kind"],
            "resolutionSought": entered["resolution"], "responderId": entered["responder"] or None}})
        if payload["errors"]:
            return render(request, found, form_errors(payload["errors"], FIELDS, "kind"), entered)
        return RedirectResponse(f"/chair/conferences/{number}/monitoring?raised={found['item']['id']}#item-{found['item']['id']}", status_code=303)

    return [
        OperationRoute(PATH, page, operations=("MonitoringChecklistPage", "ChallengeFromCheckPage"), methods=["GET"]),
        OperationRoute(PATH, raise_it, operations=("MonitoringChecklistPage", "ChallengeFromCheckPage", "RaiseChallengeFromCheck"), methods=["POST"]),
    ]
