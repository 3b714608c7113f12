"""GET /admin/organisations: the region's organisations; GET and POST /admin/organisations/add: add a GP
practice by its ODS code, a school or a service; GET and POST /admin/organisations/{id}/tokens and
POST .../tokens/{token}/revoke: the API tokens of an organisation the administrator manages (their own
council's): create one (its secret shown on this answer only), revoke one, see when each was last used."""

from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.templating import Jinja2Templates

from portal.access.token_scopes import TOKEN_SCOPES
from portal.edge.operations import run_mutation, run_query
from portal.edge.routes import OperationRoute
from portal.enums import Role
from portal.identity import Actor
from portal.ids import parse_id
from portal.pages.administration.access import administrator, not_found
from portal.pages.forms import FormErrors, form_errors

NOT_OFFERED = "social_care"  # comes with its council
KINDS = ("gp", "school")  # the rest are services
ADD_FIELDS = {("input", "agencyId"): "kind", ("input", "name"): "name", ("input", "code"): "code", ("input", "localAuthorityId"): "kind"}
TOKEN_FIELDS = {("input", "name"): "token-name", ("input", "scopes"): "scopes", ("input", "organisationId"): "token-name"}
SCOPE_LABELS = {
    "invitations:read": "Read the organisation’s invitations and the conferences they are for",
    "contributions:read": "Read the organisation’s reports",
    "contributions:write": "Write, submit and amend the organisation’s reports",
}


def manages(actor: Actor, organisation: dict[str, Any]) -> bool:
    """An LA administrator manages the API tokens of their own council's organisations."""
    la = organisation["localAuthority"]
    return la is not None and int(la["id"]) in actor.la_ids(frozenset({Role.LA_ADMIN}))


def organisation_routes(templates: Jinja2Templates) -> list[OperationRoute]:
    async def listing(request: Request) -> Response:
        actor = administrator(request)
        if actor is None:
            return not_found(templates, request)
        after = request.query_params.get("after") or None
        data = await run_query(request, "AdminOrganisationsPage", {"after": after} if after else {})
        return templates.TemplateResponse(request, "administration/organisations.html", {
            "organisations": data["organisations"]["nodes"], "page_info": data["organisations"]["pageInfo"], "manages": lambda o: manages(actor, o),
            "added": request.query_params.get("added"),
        })

    async def add_form(request: Request, errors: FormErrors = FormErrors(), entered: dict[str, str] | None = None) -> Response:
        agencies = (await run_query(request, "AdminOrganisationsPage", {}))["agencies"]
        services = [a for a in agencies if a["id"] not in (*KINDS, NOT_OFFERED)]
        return templates.TemplateResponse(request, "administration/add_organisation.html", {
            "services": services, "errors": errors, "entered": entered or {},
        })

    async def add_page(request: Request) -> Response:
        return await add_form(request) if administrator(request) else not_found(templates, request)

    async def add(request: Request) -> Response:
        if administrator(request) is None:
            return not_found(templates, request)
        form = await request.form()
        entered = {k: str(form.get(k, ""))[:300] for k in ("kind", "service", "name", "code")}
        if not entered["kind"]:
            return await add_form(request, FormErrors.one("kind", "Select what kind of organisation it is"), entered)
        agency = entered["service"] if entered["kind"] == "service" else entered["kind"]
        if not agency:
            return await add_form(request, FormErrors.one("service", "Select the kind of service"), entered)
        payload = await run_mutation(request, "AddOrganisation", {"input": {"agencyId": agency, "name": entered["name"], "code": entered["code"]}})
        if payload["errors"]:
            return await add_form(request, form_errors(payload["errors"], ADD_FIELDS, "kind"), entered)
        return RedirectResponse(f"/admin/organisations?added={payload['organisation']['id']}#organisation-{payload['organisation']['id']}", status_code=303)

    async def load(request: Request, actor: Actor) -> dict[str, Any] | None:
        number = parse_id(request.path_params["organisation_id"])
        organisation = (await run_query(request, "AdminOrganisationPage", {"organisation": str(number)}))["organisation"] if number else None
        return organisation if organisation and manages(actor, organisation) else None

    async def tokens_page(request: Request, organisation: dict[str, Any], errors: FormErrors = FormErrors(), entered: dict[str, Any] | None = None,
                          created: dict[str, Any] | None = None) -> Response:
        tokens = (await run_query(request, "ApiTokens", {"organisationId": organisation["id"]}))["apiTokens"]
        return templates.TemplateResponse(request, "administration/tokens.html", {
            "organisation": organisation, "tokens": tokens[::-1], "scopes": SCOPE_LABELS, "errors": errors, "entered": entered or {"scopes": []},
            "created": created, "revoked": request.query_params.get("revoked"),
        })

    async def tokens(request: Request) -> Response:
        actor = administrator(request)
        organisation = await load(request, actor) if actor else None
        return await tokens_page(request, organisation) if organisation else not_found(templates, request)

    async def create(request: Request) -> Response:
        actor = administrator(request)
        organisation = await load(request, actor) if actor else None
        if organisation is None:
            return not_found(templates, request)
        form = await request.form()
        entered = {"name": str(form.get("name", ""))[:300], "scopes": [s for s in form.getlist("scopes") if s in TOKEN_SCOPES]}
        if not entered["scopes"]:
            return await tokens_page(request, organisation, FormErrors.one("scopes", "Select what the token may do"), entered)
        payload = await run_mutation(request, "CreateApiToken", {"input": {"name": entered["name"], "scopes": entered["scopes"], "organisationId": organisation["id"]}})
        if payload["errors"]:
            return await tokens_page(request, organisation, form_errors(payload["errors"], TOKEN_FIELDS, "token-name"), entered)
        return await tokens_page(request, organisation, created=payload)

    async def revoke(request: Request) -> Response:
        actor = administrator(request)
        organisation = await load(request, actor) if actor else None
        token = parse_id(request.path_params["token_id"])
        if organisation is None or token is None:
            return not_found(templates, request)
        payload = await run_mutation(request, "RevokeApiToken", {"tokenId": str(token)})
        if payload["errors"]:
            return not_found(templates, request)
        return RedirectResponse(f"/admin/organisations/{organisation['id']}/tokens?revoked={token}", status_code=303)

    tokens_path = "/admin/organisations/{organisation_id}/tokens"
    return [
        OperationRoute("/admin/organisations", listing, operations=("AdminOrganisationsPage",), methods=["GET"]),
        OperationRoute("/admin/organisations/add", add_page, operations=("AdminOrganisationsPage",), methods=["GET"]),
        OperationRoute("/admin/organisations/add", add, operations=("AddOrganisation", "AdminOrganisationsPage"), methods=["POST"]),
        OperationRoute(tokens_path, tokens, operations=("AdminOrganisationPage", "ApiTokens"), methods=["GET"]),
        OperationRoute(tokens_path, create, operations=("CreateApiToken", "AdminOrganisationPage", "ApiTokens"), methods=["POST"]),
        OperationRoute(f"{tokens_path}/{{token_id}}/revoke", revoke, operations=("RevokeApiToken", "AdminOrganisationPage"), methods=["POST"]),
    ]
