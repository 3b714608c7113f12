"""GET /chair/conferences/{id}/monitoring: the meeting's chair answers the LA's monitoring checklist, each item
met, not met (saying what) or not applicable, with a note; POST saves the items answered. Anyone else gets "not found"."""

from typing import Any

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.templating import Jinja2Templates

from portal.edge.context import require_actor
from portal.edge.operations import run_mutation, run_query
from portal.edge.routes import OperationRoute
from portal.ids import parse_id
from portal.monitoring.checklist import CheckAnswer
from portal.pages.chairs.access import chairs, not_found
from portal.pages.forms import FormErrors, form_errors

PATH = "/chair/conferences/{conference_id}/monitoring"
ANSWERS = {"MET": "Met", "NOT_MET": "Not met", "NOT_APPLICABLE": "Not applicable"}
NONE_ANSWERED = "Answer at least one item: met, not met or not applicable"


def entered_from(form: FormData, items: list[dict[str, Any]]) -> dict[str, dict[str, str]]:
    return {item["id"]: {"answer": str(form.get(f"answer-{item['id']}", "")), "note": str(form.get(f"note-{item['id']}", ""))} for item in items}


def checklist_routes(templates: Jinja2Templates) -> list[OperationRoute]:
    async def load(request: Request, number: int | None) -> dict[str, Any] | None:
        actor = require_actor(request)
        data = await run_query(request, "MonitoringChecklistPage", {"conference": str(number)}) if number else {}
        conference, checklist = data.get("conference"), data.get("monitoringChecklist")
        return {"conference": conference, "checklist": checklist} if conference and checklist and chairs(actor, conference) else None

    def render(request: Request, found: dict[str, Any], errors: FormErrors = FormErrors(), entered: dict[str, dict[str, str]] | None = None,
               status_code: int = 200) -> Response:
        checklist = found["checklist"]
        shown = entered or {i["id"]: {"answer": i["answer"] or "", "note": i["note"]} for i in checklist["items"]}
        return templates.TemplateResponse(request, "monitoring/checklist.html", {
            **found, "errors": errors, "entered": shown, "answers": ANSWERS, "saved": request.query_params.get("saved") == "1",
            "raised": request.query_params.get("raised"),
        }, status_code=status_code)

    async def page(request: Request) -> Response:
        found = await load(request, parse_id(request.path_params["conference_id"]))
        return render(request, found) if found else not_found(templates, request)

    async def save(request: Request) -> Response:
        number = parse_id(request.path_params["conference_id"])
        found = await load(request, number)
        if found is None:
            return not_found(templates, request)
        items = found["checklist"]["items"]
        entered = entered_from(await request.form(), items)
        answers, fields = [], {}
        problems = FormErrors()
        for item in items:
            given = entered[item["id"]]
            if given["answer"] and given["answer"] not in CheckAnswer.__members__:
                problems |= FormErrors.one(f"answer-{item['id']}", f"Choose met, not met or not applicable for ‘{item['theme']}’")
            elif given["answer"]:
                at = ("input", "answers", str(len(answers)))
                fields[(*at, "note")], fields[(*at, "answer")], fields[at] = f"note-{item['id']}", f"answer-{item['id']}", f"answer-{item['id']}"
                answers.append({"item": item["id"], "answer": given["answer"], "note": given["note"]})
        first = f"answer-{items[0]['id']}"
        if not problems and not answers:
            problems = FormErrors.one(first, NONE_ANSWERED)
        if problems:
            return render(request, found, problems, entered)
        payload = await run_mutation(request, "RecordMonitoringCheck", {"input": {"conferenceId": str(number), "answers": answers}})
        if payload["errors"]:
            return render(request, found, form_errors(payload["errors"], fields, first), entered)
        return RedirectResponse(f"/chair/conferences/{number}/monitoring?saved=1", status_code=303)

    return [
        OperationRoute(PATH, page, operations=("MonitoringChecklistPage",), methods=["GET"]),
        OperationRoute(PATH, save, operations=("MonitoringChecklistPage", "RecordMonitoringCheck"), methods=["POST"]),
    ]
