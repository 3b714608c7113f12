"""GET /audit/rounds/{id}: a round's sample (period, size, seed), its progress (items scored, items with
auditors' levels, disagreements waiting for the lead) and its items, each marked with whether you
have recorded your levels for it."""

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.templating import Jinja2Templates

from portal.edge.context import require_actor
from portal.edge.operations import run_query
from portal.edge.routes import OperationRoute
from portal.identity import Actor
from portal.ids import parse_id
from portal.pages.audit.access import is_auditor, is_lead, not_found


def levels_by(person_id: str, item: dict[str, Any]) -> int:
    """How many of the item's criteria this person has recorded a level for."""
    return sum(any((entry["auditor"] or {}).get("id") == person_id for entry in c["auditorLevels"]) for c in item["criteria"])


def next_for(person_id: str, items: list[dict[str, Any]], after: str | None = None) -> dict[str, Any] | None:
    """The first item (after the one with id `after`, when given) that this person has recorded no level for."""
    start = next((n + 1 for n, item in enumerate(items) if item["id"] == after), 0) if after else 0
    return next((item for item in items[start:] if not levels_by(person_id, item)), None)


async def load_round(request: Request, actor: Actor, after: str | None = None) -> dict[str, Any] | None:
    number = parse_id(request.path_params["round_id"])
    if not is_auditor(actor) or number is None:
        return None
    variables = {"id": str(number), **({"after": after} if after else {})}
    return (await run_query(request, "AuditRoundPage", variables))["auditRound"]


def round_route(templates: Jinja2Templates) -> OperationRoute:
    async def page(request: Request) -> Response:
        actor = require_actor(request)
        after = request.query_params.get("after") or None
        found = await load_round(request, actor, after[:32] if after else None)
        if found is None:
            return not_found(templates, request)
        me = str(actor.person_id)
        items = [item | {"mine": levels_by(me, item)} for item in found["items"]["nodes"]]
        waiting: dict[str, list[str]] = {}
        titles = {c["id"]: c["title"] for c in found["criteria"]}
        for entry in found["awaitingModeration"]:
            waiting.setdefault(entry["itemId"], []).append(titles.get(entry["criterionId"], entry["criterionId"]))
        return templates.TemplateResponse(request, "audit/round.html", {
            "round": found, "items": items, "criteria_count": len(found["criteria"]), "next": next_for(me, items),
            "waiting": waiting, "lead": is_lead(actor), "created": request.query_params.get("created") == "1",
            "notice": request.query_params.get("done"),
        })

    return OperationRoute("/audit/rounds/{round_id}", page, operations=("AuditRoundPage",), methods=["GET"])
