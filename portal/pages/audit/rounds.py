"""GET /audit: the region's audit rounds; GET and POST /audit/rounds/new: the lead draws a new round
(CreateAuditRound), with the seed shown afterwards so the sample can be drawn again."""

from typing import Any

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.templating import Jinja2Templates

from portal.edge.context import require_actor
from portal.edge.operations import run_mutation, run_query
from portal.edge.routes import OperationRoute
from portal.pages.audit.access import is_auditor, is_lead, not_found
from portal.pages.contributor_extras.dates import PARTS, read_date
from portal.pages.forms import FormErrors, form_errors

FIELDS = ("name", "per-council", "seed", *(f"period-{end}-{part}" for end in ("start", "end") for part in PARTS))
MAX_TYPED = 200
FIELD_OF = {
    ("input", "name"): "name", ("input", "periodStart"): "period-start-day", ("input", "periodEnd"): "period-end-day",
    ("input", "perCouncil"): "per-council", ("input", "fraction"): "per-council", ("input", "seed"): "seed", ("input",): "name",
}


def whole_number(typed: str, field: str, missing: str | None, wrong: str) -> tuple[int | None, FormErrors]:
    """A whole number typed in a box; an empty box is `missing` (None when it may be left empty)."""
    if not typed:
        return None, FormErrors.one(field, missing) if missing else FormErrors()
    if not (typed.isascii() and typed.isdigit()) or len(typed) > 10:
        return None, FormErrors.one(field, wrong)
    return int(typed), FormErrors()


def round_input(form: FormData) -> tuple[dict[str, Any], dict[str, str], FormErrors, tuple[str, ...]]:
    """CreateAuditRound's input from the form, what was typed, the errors found before asking, and the date boxes to mark."""
    typed = {name: str(form.get(name, "")).strip()[:MAX_TYPED] for name in FIELDS}
    start = read_date(typed, "period-start", "The start of the period")
    end = read_date(typed, "period-end", "The end of the period")
    errors = FormErrors.one("name", "Enter a name for the round") if not typed["name"] else FormErrors()
    wrong = tuple(f"start-{p}" for p in start.wrong) + tuple(f"end-{p}" for p in end.wrong)
    for answer, prefix in ((start, "period-start"), (end, "period-end")):
        if answer.problem:
            errors |= FormErrors.one(f"{prefix}-{answer.first_wrong}", answer.problem)
    per_council, problem = whole_number(typed["per-council"], "per-council", "Enter how many reports to draw from each council",
                                        "The sample size must be a whole number, like 10")
    errors |= problem
    seed, problem = whole_number(typed["seed"], "seed", None, "The seed must be a whole number, like 20261203, or left empty")
    errors |= problem
    values = {
        "name": typed["name"], "periodStart": start.value.isoformat() if start.value else None,
        "periodEnd": end.value.isoformat() if end.value else None, "perCouncil": per_council, "seed": seed,
    }
    return values, typed, errors, wrong


def round_list_routes(templates: Jinja2Templates) -> list[OperationRoute]:
    async def rounds(request: Request) -> Response:
        actor = require_actor(request)
        if not is_auditor(actor):
            return not_found(templates, request)
        found = (await run_query(request, "AuditRoundsPage", {}))["auditRounds"]["nodes"]
        return templates.TemplateResponse(request, "audit/rounds.html", {"rounds": found, "lead": is_lead(actor)})

    def form(request: Request, typed: dict[str, str] | None = None, errors: FormErrors = FormErrors(), wrong: tuple[str, ...] = (),
             latest: dict[str, Any] | None = None) -> Response:
        return templates.TemplateResponse(request, "audit/new_round.html", {
            "typed": typed or dict.fromkeys(FIELDS, ""), "errors": errors, "wrong": wrong, "latest": latest,
        })

    async def new_round(request: Request) -> Response:
        if not is_lead(require_actor(request)):
            return not_found(templates, request)
        drawn = (await run_query(request, "AuditRoundsPage", {}))["auditRounds"]["nodes"]
        return form(request, latest=drawn[0] if drawn else None)  # the hint names the period the newest round covered

    async def create(request: Request) -> Response:
        if not is_lead(require_actor(request)):
            return not_found(templates, request)
        values, typed, errors, wrong = round_input(await request.form())
        if errors:
            return form(request, typed, errors, wrong)
        payload = await run_mutation(request, "CreateAuditRound", {"input": values})
        if payload["errors"]:
            return form(request, typed, form_errors(payload["errors"], FIELD_OF, "name"), wrong)
        return RedirectResponse(f"/audit/rounds/{payload['auditRound']['id']}?created=1", status_code=303)

    return [
        OperationRoute("/audit", rounds, operations=("AuditRoundsPage",), methods=["GET"]),
        OperationRoute("/audit/rounds/new", new_round, operations=("AuditRoundsPage",), methods=["GET"]),
        OperationRoute("/audit/rounds/new", create, operations=("CreateAuditRound",), methods=["POST"]),
    ]
