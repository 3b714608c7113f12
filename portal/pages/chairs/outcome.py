"""The chair records a held conference's outcome:
GET and POST /chair/conferences/{id}/outcome: each child's decision (an ICPC's plan and category of abuse, an RCPC's plan
continuing or ending; a LAC review's participation code, suggested from the consultation), the first core group, the next
review, a LAC review's endorsement and decisions, the chair's notes; once recorded, the deadlines and whether each was met;
POST .../outcome/letter and .../outcome/minutes: the day the outcome letter or the minutes were sent;
POST .../held: record that it was held, for a conference still scheduled."""

from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.templating import Jinja2Templates

from portal.edge.context import require_actor
from portal.edge.operations import run_mutation, run_query
from portal.edge.routes import OperationRoute
from portal.ids import parse_id
from portal.pages.chairs.access import chairs, not_found
from portal.pages.contributor_extras.dates import PARTS, DateAnswer, read_date
from portal.pages.forms import FormErrors, form_errors

BASE = "/chair/conferences/{conference_id}"
CATEGORIES = {"NEG": "Neglect", "PHY": "Physical abuse", "EMO": "Emotional abuse", "SAB": "Sexual abuse"}
DECISIONS = {
    "ICPC": {"CHILD_PROTECTION_PLAN": "A child protection plan", "NO_PLAN": "No child protection plan"},
    "TRANSFER_IN_ICPC": {"CHILD_PROTECTION_PLAN": "A child protection plan", "NO_PLAN": "No child protection plan"},
    "RCPC": {"PLAN_CONTINUES": "The plan continues", "PLAN_ENDS": "The plan ends"},
}
SENT = {"letter": ("RecordOutcomeSent", "The date the outcome was sent"), "minutes": ("RecordMinutesSent", "The date the minutes were sent")}


def _optional_date(fields: dict[str, str], prefix: str, what: str) -> DateAnswer:
    """A date the form may leave blank: None with no problem when every box is empty."""
    if not any(fields.get(f"{prefix}-{part}", "").strip() for part in PARTS):
        return DateAnswer({part: "" for part in PARTS}, None, None, ())
    return read_date(fields, prefix, what)


def _field_ids(count: int) -> dict[tuple[str, ...], str]:
    ids: dict[tuple[str, ...], str] = {
        ("input", "coreGroupOn"): "core-group-day", ("input", "nextReviewOn"): "next-review-day", ("input", "carePlanEndorsed"): "endorsed",
        ("input", "decisions"): "decisions", ("input", "notes"): "notes", ("input", "children"): "decision-0",
    }
    for i in range(count):
        child = ("input", "children", str(i))
        ids |= {(*child, "decision"): f"decision-{i}", (*child, "participation"): f"decision-{i}", (*child, "initialCategories"): f"initial-{i}",
                (*child, "latestCategories"): f"latest-{i}", (*child, "planStartedOn"): f"plan-start-{i}-day", (*child, "childId"): f"decision-{i}"}
    return ids


def outcome_routes(templates: Jinja2Templates) -> list[OperationRoute]:
    async def load(request: Request) -> dict[str, Any] | None:
        number = parse_id(request.path_params["conference_id"])
        if number is None:
            return None
        conference = (await run_query(request, "ChairOutcomePage", {"conference": str(number)}))["conference"]
        return conference if conference and chairs(require_actor(request), conference) else None

    def render(request: Request, conference: dict[str, Any], typed: dict[str, Any] | None = None, errors: FormErrors = FormErrors(),
               status_code: int = 200) -> Response:
        suggested = {s["childId"]: s for s in conference["participationSuggestions"]}
        if typed is None:
            typed = {f"participation-{i}": (suggested.get(c["id"]) or {}).get("code") or "" for i, c in enumerate(conference["children"])}
        return templates.TemplateResponse(request, "chairs/outcome.html", {
            "conference": conference, "outcome": conference["outcome"], "typed": typed, "errors": errors, "decisions": DECISIONS.get(conference["kind"], {}),
            "categories": CATEGORIES, "suggested": suggested, "done": request.query_params.get("done"),
            "names": {c["id"]: f"{c['givenName']} {c['familyName']}" for c in conference["children"]},
        }, status_code=status_code)

    async def page(request: Request) -> Response:
        conference = await load(request)
        if conference is None or conference["status"] not in ("SCHEDULED", "HELD"):
            return not_found(templates, request)
        return render(request, conference)

    async def record(request: Request) -> Response:
        conference = await load(request)
        if conference is None or conference["status"] != "HELD" or conference["outcome"]:
            return not_found(templates, request)
        form = await request.form()
        fields = {k: str(v) for k, v in form.items()}
        typed: dict[str, Any] = dict(fields)
        problems = FormErrors()
        kind, children = conference["kind"], []
        for i, child in enumerate(conference["children"]):
            entry: dict[str, Any] = {"childId": child["id"]}
            if kind == "LAC_REVIEW":
                entry["participation"] = fields.get(f"participation-{i}") or None
            else:
                entry["decision"] = fields.get(f"decision-{i}") or None
                key = "initialCategories" if kind != "RCPC" else "latestCategories"
                chosen = [str(v) for v in form.getlist(f"{'initial' if kind != 'RCPC' else 'latest'}-{i}") if str(v) in CATEGORIES]
                typed[f"{'initial' if kind != 'RCPC' else 'latest'}-{i}"] = chosen
                entry[key] = chosen
                if kind != "RCPC":
                    start = _optional_date(fields, f"plan-start-{i}", "The date the plan starts")
                    if start.problem:
                        problems |= FormErrors.one(f"plan-start-{i}-{start.first_wrong}", start.problem)
                    entry["planStartedOn"] = start.value.isoformat() if start.value else None
            children.append(entry)
        inputs: dict[str, Any] = {"conferenceId": conference["id"], "children": children, "notes": fields.get("notes", "")}
        for prefix, name, what in (("core-group", "coreGroupOn", "The date of the first core group"), ("next-review", "nextReviewOn", "The date of the next review")):
            answer = _optional_date(fields, prefix, what)
            if answer.problem:
                problems |= FormErrors.one(f"{prefix}-{answer.first_wrong}", answer.problem)
            inputs[name] = answer.value.isoformat() if answer.value else None
        if kind == "LAC_REVIEW":
            inputs["carePlanEndorsed"] = {"yes": True, "no": False}.get(fields.get("endorsed", ""))
            inputs["decisions"] = fields.get("decisions", "")
        if problems:
            return render(request, conference, typed, problems)
        payload = await run_mutation(request, "RecordConferenceOutcome", {"input": inputs})
        if payload["errors"]:
            return render(request, conference, typed, form_errors(payload["errors"], _field_ids(len(children)), "decision-0"))
        return RedirectResponse(f"/chair/conferences/{conference['id']}/outcome?done=recorded", status_code=303)

    async def sent(request: Request) -> Response:
        conference = await load(request)
        what = request.path_params["what"]
        if conference is None or what not in SENT or not conference["outcome"]:
            return not_found(templates, request)
        fields = {k: str(v) for k, v in (await request.form()).items()}
        mutation, label = SENT[what]
        answer = read_date(fields, f"{what}-sent", label)
        typed = {f"{what}-sent-{part}": answer.typed[part] for part in PARTS}
        if answer.value is None:
            return render(request, conference, typed, FormErrors.one(f"{what}-sent-{answer.first_wrong}", str(answer.problem)))
        payload = await run_mutation(request, mutation, {"conference": conference["id"], "sentOn": answer.value.isoformat()})
        if payload["errors"]:
            return render(request, conference, typed, form_errors(payload["errors"], {}, f"{what}-sent-day"))
        return RedirectResponse(f"/chair/conferences/{conference['id']}/outcome?done={what}", status_code=303)

    async def held(request: Request) -> Response:
        conference = await load(request)
        if conference is None or conference["status"] != "SCHEDULED":
            return not_found(templates, request)
        fields = {k: str(v) for k, v in (await request.form()).items()}
        answer = read_date(fields, "held-on", "The date the conference was held")
        typed = {f"held-on-{part}": answer.typed[part] for part in PARTS}
        if answer.value is None:
            return render(request, conference, typed, FormErrors.one(f"held-on-{answer.first_wrong}", str(answer.problem)))
        payload = await run_mutation(request, "RecordConferenceHeld", {"conferenceId": conference["id"], "heldOn": answer.value.isoformat()})
        if payload["errors"]:
            return render(request, conference, typed, form_errors(payload["errors"], {}, "held-on-day"))
        return RedirectResponse(f"/chair/conferences/{conference['id']}/outcome?done=held", status_code=303)

    return [
        OperationRoute(f"{BASE}/outcome", page, operations=("ChairOutcomePage",), methods=["GET"]),
        OperationRoute(f"{BASE}/outcome", record, operations=("RecordConferenceOutcome", "ChairOutcomePage"), methods=["POST"]),
        OperationRoute(f"{BASE}/outcome/{{what}}", sent, operations=("RecordOutcomeSent", "RecordMinutesSent", "ChairOutcomePage"), methods=["POST"]),
        OperationRoute(f"{BASE}/held", held, operations=("RecordConferenceHeld", "ChairOutcomePage"), methods=["POST"]),
    ]

