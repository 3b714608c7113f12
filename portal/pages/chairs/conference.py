"""GET /chair/conferences/{id}: one conference for its chair, with the map used in the meeting;
POST /chair/conferences/{id}/withholding/{request}: agree to a withholding request, or refuse it with a reason."""

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

# The map's order in the meeting: worries first, then what is working well, danger, goals; the rest after.
MAP_ORDER = ("worries", "working_well", "danger_statement", "safety_goals")
CHOOSE = "Select whether you agree to withhold this section"
DECISIONS = {"agree": True, "refuse": False}


def in_meeting_order(sections: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rank = {section_id: n for n, section_id in enumerate(MAP_ORDER)}
    return sorted(sections, key=lambda s: rank.get(s["sectionId"], len(rank)))


def conference_routes(templates: Jinja2Templates) -> list[OperationRoute]:
    async def load(request: Request, number: int | None) -> dict[str, Any] | None:
        actor = require_actor(request)
        data = await run_query(request, "ChairConferencePage", {"conference": str(number)}) if number else {}
        conference = data.get("conference")
        return {**conference, "familyResponses": data["familyResponses"], "childViews": data["childViews"]} if conference and chairs(actor, conference) else None

    def render(request: Request, conference: dict[str, Any], errors: FormErrors = FormErrors(), entered: dict[str, Any] | None = None,
               ) -> Response:
        return templates.TemplateResponse(request, "chairs/conference.html", {
            "conference": conference, "map": in_meeting_order(conference["map"]), "errors": errors, "entered": entered or {},
            "decided": request.query_params.get("decided"),
        })

    async def page(request: Request) -> Response:
        conference = await load(request, parse_id(request.path_params["conference_id"]))
        return render(request, conference) if conference else not_found(templates, request)

    async def decide(request: Request) -> Response:
        number = parse_id(request.path_params["conference_id"])
        conference = await load(request, number)
        pending = {w["id"]: w for w in conference["withholdingRequests"]} if conference else {}
        request_id = str(parse_id(request.path_params["request_id"]))
        if conference is None or request_id not in pending:
            return not_found(templates, request)
        form = await request.form()
        choice, note = str(form.get("decision", "")), str(form.get("note", "")).strip()
        entered = {"request": request_id, "decision": choice, "note": note}
        decision_field, note_field = f"decision-{request_id}", f"note-{request_id}"
        if choice not in DECISIONS:
            return render(request, conference, FormErrors.one(decision_field, CHOOSE), entered)
        payload = await run_mutation(request, "DecideWithholding", {"input": {"requestId": request_id, "agree": DECISIONS[choice], "note": note}})
        if payload["errors"]:
            errors = form_errors(payload["errors"], {("input", "note"): note_field, ("input",): decision_field}, decision_field)
            return render(request, conference, errors, entered)
        return RedirectResponse(f"/chair/conferences/{number}?decided={choice}#withholding", status_code=303)

    return [
        OperationRoute("/chair/conferences/{conference_id}", page, operations=("ChairConferencePage",), methods=["GET"]),
        OperationRoute("/chair/conferences/{conference_id}/withholding/{request_id}", decide, operations=("DecideWithholding", "ChairConferencePage"), methods=["POST"]),
    ]
