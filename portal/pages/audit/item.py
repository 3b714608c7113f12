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


def moderator_levels(item: dict[str, Any]) -> Entered:
    return {c["criterionId"]: {"level": d["level"], "note": d["note"]} if (d := c["moderatorDecision"]) else {"level": "", "note": ""} for c in item["criteria"]}


def item_routes(templates: Jinja2Templates) -> list[OperationRoute]:
    async def load(request: Request, actor: Actor) -> dict[str, Any] | None:
        round_id, item_id = parse_id(request.path_params["round_id"]), parse_id(request.path_params["item_id"])
        if not is_auditor(actor) or round_id is None or item_id is None:
            return None
        found = (await run_query(request, "AuditItemPage", {"round": str(round_id), "item": str(item_id)}))["auditRound"]
        return found if found and found["item"] else None

    def context(found: dict[str, Any], entered: Entered, errors: FormErrors) -> dict[str, Any]:
        item = found["item"]
        rubric = {c["id"]: c for c in found["criteria"]}
        waiting = {a["criterionId"] for a in found["awaitingModeration"] if a["itemId"] == item["id"]}
        sections = {s["id"]: s["title"] for s in item["contribution"]["sections"]}
        return {"round": found, "item": item, "rubric": rubric, "waiting": waiting, "sections": sections, "entered": entered, "errors": errors}

    def show(request: Request, actor: Actor, found: dict[str, Any], entered: Entered | None = None, errors: FormErrors = FormErrors()) -> Response:
        values = context(found, entered or own_levels(actor, found["item"]), errors) | {"lead": is_lead(actor)}
        return templates.TemplateResponse(request, "audit/item.html", values)

    def show_moderation(request: Request, found: dict[str, Any], entered: Entered | None = None, errors: FormErrors = FormErrors()) -> Response:
        values = context(found, entered or moderator_levels(found["item"]), errors)
        values["disputed"] = [c for c in found["item"]["criteria"] if c["criterionId"] in values["waiting"] or c["moderatorDecision"]]
        return templates.TemplateResponse(request, "audit/moderate.html", values)

    async def page(request: Request) -> Response:
        actor = require_actor(request)
        found = await load(request, actor)
        return show(request, actor, found) if found else not_found(templates, request)

    async def save(request: Request, mutation: str, may: Callable[[Actor], bool], shown: Callable[..., Response],
                   criteria_of: Callable[[dict[str, Any]], list[dict[str, Any]]]) -> tuple[Actor, dict[str, Any] | None, Response | None]:
        """Run `mutation` with the levels chosen on the form; the response when the form is shown again (or refused)."""
        actor = require_actor(request)
        found = await load(request, actor) if may(actor) else None
        if found is None:
            return actor, None, not_found(templates, request)
        criteria = criteria_of(found)
        entered = entered_levels(await request.form(), criteria)
        sent = level_entries(entered)
        first_field = f"level-{criteria[0]['criterionId']}" if criteria else "levels"
        if not sent:
            return actor, found, shown(found, entered, FormErrors.one(first_field, CHOOSE_ONE))
        payload = await run_mutation(request, mutation, {"input": {"itemId": found["item"]["id"], "levels": sent}})
        if payload["errors"]:
            return actor, found, shown(found, entered, level_errors(payload["errors"], sent, first_field))
        return actor, found, None

    async def record(request: Request) -> Response:
        actor, found, shown = await save(
            request, "RecordAuditorLevels", is_auditor, lambda f, e, x: show(request, require_actor(request), f, e, x), lambda f: f["item"]["criteria"],
        )
        if shown is not None:
            return shown
        assert found is not None
        listing = await load_round(request, actor)
        following = next_for(str(actor.person_id), listing["items"]["nodes"], after=found["item"]["id"]) if listing else None
        if following is not None:
            return RedirectResponse(f"/audit/rounds/{found['id']}/items/{following['id']}?saved=1", status_code=303)
        return RedirectResponse(f"/audit/rounds/{found['id']}?done=levels", status_code=303)

    async def moderation(request: Request) -> Response:
        actor = require_actor(request)
        found = await load(request, actor) if is_lead(actor) else None
        return show_moderation(request, found) if found else not_found(templates, request)

    async def moderate(request: Request) -> Response:
        def disputed(found: dict[str, Any]) -> list[dict[str, Any]]:
            waiting = {a["criterionId"] for a in found["awaitingModeration"] if a["itemId"] == found["item"]["id"]}
            return [c for c in found["item"]["criteria"] if c["criterionId"] in waiting or c["moderatorDecision"]]

        _, found, shown = await save(request, "Moderate", is_lead, lambda f, e, x: show_moderation(request, f, e, x), disputed)
        if shown is not None:
            return shown
        assert found is not None
        return RedirectResponse(f"/audit/rounds/{found['id']}?done=moderated#moderation", status_code=303)

    item = "/audit/rounds/{round_id}/items/{item_id}"
    return [
        OperationRoute(item, page, operations=("AuditItemPage",), methods=["GET"]),
        OperationRoute(item, record, operations=("RecordAuditorLevels", "AuditItemPage", "AuditRoundPage"), methods=["POST"]),
        OperationRoute(f"{item}/moderate", moderation, operations=("AuditItemPage",), methods=["GET"]),
        OperationRoute(f"{item}/moderate", moderate, operations=("Moderate", "AuditItemPage"), methods=["POST"]),
    ]
