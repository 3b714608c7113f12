"""GET /business-support: the LA's conferences, latest first, to arrange;
GET and POST /business-support/conferences/new: a conference for one or more children (siblings), or the
review that follows a conference held (?previous=)."""

from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.templating import Jinja2Templates

from portal.edge.context import require_actor
from portal.edge.operations import run_mutation, run_query
from portal.edge.routes import OperationRoute
from portal.ids import parse_id
from portal.pages.business_support.access import not_found, own_la
from portal.pages.contributor_extras.dates import PARTS, read_date
from portal.pages.forms import FormErrors, form_errors

KINDS = ("ICPC", "TRANSFER_IN_ICPC", "RCPC", "LAC_REVIEW")
NEEDS_STRATEGY = ("ICPC", "TRANSFER_IN_ICPC")
REVIEW_OF = {"ICPC": "RCPC", "TRANSFER_IN_ICPC": "RCPC", "RCPC": "RCPC", "LAC_REVIEW": "LAC_REVIEW"}
FIELDS = {("input", "childIds"): "children", ("input", "strategyDiscussionOn"): "strategy-day",
          ("input", "becameLookedAfterOn"): "looked-after-day", ("input", "previousConferenceId"): "kind", ("input", "kind"): "kind"}


def conferences_routes(templates: Jinja2Templates) -> list[OperationRoute]:
    async def listing(request: Request) -> Response:
        la = own_la(require_actor(request))
        if la is None:
            return not_found(templates, request)
        after = request.query_params.get("after") or None
        connection = (await run_query(request, "BusinessSupportConferencesPage", {"la": str(la), "after": after}))["conferences"]
        return templates.TemplateResponse(request, "business_support/conferences.html", {
            "conferences": connection["nodes"], "page_info": connection["pageInfo"],
        })

    async def load(request: Request, la: int, search: str, previous: str) -> dict[str, Any]:
        data = await run_query(request, "BusinessSupportNewConferencePage", {"la": str(la), "search": search, "previous": previous or "0"})
        before = data["conference"]
        data["previous"] = before if before and before["status"] == "HELD" and before["localAuthority"]["id"] == str(la) else None
        return data

    def render(request: Request, data: dict[str, Any], search: str, entered: dict[str, Any], errors: FormErrors = FormErrors(),
               wrong: tuple[str, ...] = ()) -> Response:
        previous = data["previous"]
        listed = {c["id"]: c for c in (previous["children"] if previous else data["children"])}
        return templates.TemplateResponse(request, "business_support/new.html", {
            "children": list(listed.values()), "previous": previous, "search": search, "entered": entered, "errors": errors,
            "wrong": wrong, "kinds": KINDS,
        })

    async def new(request: Request) -> Response:
        la = own_la(require_actor(request))
        if la is None:
            return not_found(templates, request)
        search = request.query_params.get("search", "")[:100]
        data = await load(request, la, search, str(parse_id(request.query_params.get("previous", "")) or ""))
        previous = data["previous"]
        entered: dict[str, Any] = {"kind": REVIEW_OF[previous["kind"]] if previous else "",
                                   "children": [c["id"] for c in previous["children"]] if previous else [],
                                   "strategy": dict.fromkeys(PARTS, ""), "looked_after": dict.fromkeys(PARTS, "")}
        return render(request, data, search, entered)

    async def create(request: Request) -> Response:
        la = own_la(require_actor(request))
        if la is None:
            return not_found(templates, request)
        form = await request.form()
        fields = {k: str(v) for k, v in form.items()}
        data = await load(request, la, "", str(parse_id(fields.get("previous", "")) or ""))
        previous = data["previous"]
        kind = REVIEW_OF[previous["kind"]] if previous else fields.get("kind", "")
        chosen = [str(c) for c in form.getlist("children")]
        strategy, looked_after = read_date(fields, "strategy", "The date of the strategy discussion"), read_date(fields, "looked-after", "The date the child became looked after")
        entered = {"kind": kind, "children": chosen, "strategy": strategy.typed, "looked_after": looked_after.typed}
        errors, wrong = FormErrors(), ()
        if kind not in KINDS:
            errors |= FormErrors.one("kind", "Select the kind of conference")
        if not chosen:
            errors |= FormErrors.one("children", "Select the child or children the conference is about")
        inputs: dict[str, Any] = {"laId": str(la), "kind": kind, "childIds": chosen}
        if previous:
            inputs["previousConferenceId"] = previous["id"]
            if previous["becameLookedAfterOn"]:
                inputs["becameLookedAfterOn"] = previous["becameLookedAfterOn"]
        elif kind in NEEDS_STRATEGY:
            if strategy.value is None:
                errors |= FormErrors.one(f"strategy-{strategy.first_wrong}", str(strategy.problem))
                wrong = strategy.wrong
            else:
                inputs["strategyDiscussionOn"] = strategy.value.isoformat()
        elif kind == "LAC_REVIEW":
            if looked_after.value is None:
                errors |= FormErrors.one(f"looked-after-{looked_after.first_wrong}", str(looked_after.problem))
                wrong = looked_after.wrong
            else:
                inputs["becameLookedAfterOn"] = looked_after.value.isoformat()
        if errors:
            return render(request, data, "", entered, errors, wrong)
        payload = await run_mutation(request, "CreateConference", {"input": inputs})
        if payload["errors"]:
            return render(request, data, "", entered, form_errors(payload["errors"], FIELDS, "kind"))
        return RedirectResponse(f"/business-support/conferences/{payload['conference']['id']}/schedule?created=1", status_code=303)

    return [
        OperationRoute("/business-support", listing, operations=("BusinessSupportConferencesPage",), methods=["GET"]),
        OperationRoute("/business-support/conferences/new", new, operations=("BusinessSupportNewConferencePage",), methods=["GET"]),
        OperationRoute("/business-support/conferences/new", create, operations=("CreateConference", "BusinessSupportNewConferencePage"), methods=["POST"]),
    ]
