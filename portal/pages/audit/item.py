"""One sampled report at a time.

GET and POST /audit/rounds/{round}/items/{item}: the report (pseudonymised when it is another
council's), each criterion with the scorer's level, reason and quoted evidence, and your own level
and note to record (RecordAuditorLevels); saving takes you to the next item you have not scored.
GET and POST .../moderate: for the lead, the criteria where auditors disagree, everyone's levels and
notes, and the level that settles each (Moderate)."""

from collections.abc import Callable
from typing import Any

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.templating import Jinja2Templates

from portal.edge.context import require_actor
from portal.edge.operations import run_mutation, run_query
from portal.edge.routes import OperationRoute
from portal.identity import Actor
from portal.ids import parse_id
from portal.pages.audit.access import is_auditor, is_lead, not_found
from portal.pages.audit.round import load_round, next_for
from portal.pages.forms import FormErrors, form_errors

LEVELS = ("MET", "PARTLY_MET", "NOT_MET", "NOT_APPLICABLE")
MAX_NOTE = 4000  # twice what the API accepts, so an over-long note comes back with the API's message
CHOOSE_ONE = "Choose a level for at least one criterion"

Entered = dict[str, dict[str, str]]  # criterion id -> {"level": ..., "note": ...}


def entered_levels(form: FormData, criteria: list[dict[str, Any]]) -> Entered:
    return {
        c["criterionId"]: {"level": str(form.get(f"level-{c['criterionId']}", "")), "note": str(form.get(f"note-{c['criterionId']}", "")).strip()[:MAX_NOTE]}
        for c in criteria
    }


def level_entries(entered: Entered) -> list[dict[str, str]]:
    """The mutation's levels: each criterion given a level, in the page's order (a level not offered is the API's to refuse)."""
    return [{"criterionId": c, "level": e["level"], "note": e["note"]} for c, e in entered.items() if e["level"] in LEVELS]


def level_errors(errors: list[dict[str, Any]], sent: list[dict[str, str]], first_field: str) -> FormErrors:
    """The mutation's errors on the fields of the criteria they are about (by the position each was sent in)."""
    fields: dict[tuple[str, ...], str] = {}
    for n, entry in enumerate(sent):
        criterion = entry["criterionId"]
        fields |= {("input", "levels", str(n)): f"level-{criterion}", ("input", "levels", str(n), "note"): f"note-{criterion}"}
    return form_errors(errors, fields, first_field)


def own_levels(actor: Actor, item: dict[str, Any]) -> Entered:
    """What this person recorded before, to show in the form."""
    me = str(actor.person_id)
    found: Entered = {}
    for c in item["criteria"]:
        mine = next((e for e in c["auditorLevels"] if (e["auditor"] or {}).get("id") == me), None)
        found[c["criterionId"]] = {"level": mine["level"], "note": mine["note"]} if mine else {"level": "", "note": ""}
    return found


def waiting_on(found: dict[str, Any]) -> set[str]:
    """The criteria of the page's item where auditors disagree and the lead has not yet decided."""
    return {a["criterionId"] for a in found["awaitingModeration"] if a["itemId"] == found["item"]["id"]}


def disputed(found: dict[str, Any]) -> list[dict[str, Any]]:
    """The criteria the moderation page settles: those waiting for the lead and those the lead has settled."""
    waiting = waiting_on(found)
    return [c for c in found["item"]["criteria"] if c["criterionId"] in waiting or c["moderatorDecision"]]


def moderator_levels(item: dict[str, Any]) -> Entered:
    return {c["criterionId"]: {"level": d["level"], "note": d["note"]} if (d := c["moderatorDecision"]) else {"level": "", "note": ""} for c in item["criteria"]}


def item_routes(templates: Jinja2Templates) -> list[OperationRoute]:
    async def load(request: Request, actor: Actor) -> dict[str, Any] | None:
        round_id, item_id = parse_id(request.path_params["round_id"]), parse_id(request.path_params["item_id"])
        if not is_auditor(actor) or round_id is None or item_id is None:
            return None
        found = (await run_query(request, "AuditItemPage", {"round": str(round_id), "item": str(item_id)}))["auditRound"]
        return found if found and found["item"] else None

    def render(request: Request, template: str, found: dict[str, Any], entered: Entered, errors: FormErrors, **extra: Any) -> Response:
        item = found["item"]
        return templates.TemplateResponse(request, template, {
            "round": found, "item": item, "rubric": {c["id"]: c for c in found["criteria"]}, "waiting": waiting_on(found),
            "sections": {s["id"]: s["title"] for s in item["contribution"]["sections"]}, "entered": entered, "errors": errors, **extra,
        })

    def scoring(request: Request, actor: Actor, found: dict[str, Any], entered: Entered | None = None, errors: FormErrors = FormErrors()) -> Response:
        return render(request, "audit/item.html", found, entered or own_levels(actor, found["item"]), errors, lead=is_lead(actor))

    def moderating(request: Request, found: dict[str, Any], entered: Entered | None = None, errors: FormErrors = FormErrors()) -> Response:
        return render(request, "audit/moderate.html", found, entered or moderator_levels(found["item"]), errors, disputed=disputed(found))

    async def save(request: Request, found: dict[str, Any], mutation: str, criteria: list[dict[str, Any]],
                   again: Callable[[Entered, FormErrors], Response]) -> Response | None:
        """Run `mutation` with the levels chosen for `criteria`: None once saved, or the form again with its errors."""
        entered = entered_levels(await request.form(), criteria)
        sent = level_entries(entered)
        first_field = f"level-{criteria[0]['criterionId']}" if criteria else "levels"
        if not sent:
            return again(entered, FormErrors.one(first_field, CHOOSE_ONE))
        payload = await run_mutation(request, mutation, {"input": {"itemId": found["item"]["id"], "levels": sent}})
        return again(entered, level_errors(payload["errors"], sent, first_field)) if payload["errors"] else None

    async def page(request: Request) -> Response:
        actor = require_actor(request)
        found = await load(request, actor)
        return scoring(request, actor, found) if found else not_found(templates, request)

    async def record(request: Request) -> Response:
        actor = require_actor(request)
        found = await load(request, actor)
        if found is None:
            return not_found(templates, request)
        if shown := await save(request, found, "RecordAuditorLevels", found["item"]["criteria"], lambda e, x: scoring(request, actor, found, e, x)):
            return shown
        listing = await load_round(request, actor)
        following = next_for(str(actor.person_id), listing["items"]["nodes"], after=found["item"]["id"]) if listing else None
        if following is not None:
            return RedirectResponse(f"/audit/rounds/{found['id']}/items/{following['id']}?saved=1", status_code=303)
        return RedirectResponse(f"/audit/rounds/{found['id']}?done=levels", status_code=303)

    async def moderation(request: Request) -> Response:
        actor = require_actor(request)
        found = await load(request, actor) if is_lead(actor) else None
        return moderating(request, found) if found else not_found(templates, request)

    async def moderate(request: Request) -> Response:
        actor = require_actor(request)
        found = await load(request, actor) if is_lead(actor) else None
        if found is None:
            return not_found(templates, request)
        if shown := await save(request, found, "Moderate", disputed(found), lambda e, x: moderating(request, found, e, x)):
            return shown
        return RedirectResponse(f"/audit/rounds/{found['id']}?done=moderated#moderation", status_code=303)

    item = "/audit/rounds/{round_id}/items/{item_id}"
    return [
        OperationRoute(item, page, operations=("AuditItemPage",), methods=["GET"]),
        OperationRoute(item, record, operations=("RecordAuditorLevels", "AuditItemPage", "AuditRoundPage"), methods=["POST"]),
        OperationRoute(f"{item}/moderate", moderation, operations=("AuditItemPage",), methods=["GET"]),
        OperationRoute(f"{item}/moderate", moderate, operations=("Moderate", "AuditItemPage"), methods=["POST"]),
    ]
