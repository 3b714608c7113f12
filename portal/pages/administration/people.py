"""GET /admin/people: the people the administrator administers, searchable, with roles, status and last sign-in;
GET and POST /admin/people/invite: invite a professional (emailed a link to sign in);
GET /admin/people/{id}, POST /admin/people/{id}/roles and /suspend: change their roles, suspend them."""

from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.templating import Jinja2Templates

from portal.edge.operations import run_mutation, run_query
from portal.edge.routes import OperationRoute
from portal.enums import Role
from portal.identity import Actor
from portal.ids import parse_id
from portal.pages.administration import roles
from portal.pages.administration.access import administrator, not_found
from portal.pages.forms import FormErrors, form_errors

MAX_SEARCH = 100
INVITE_FIELDS = {("name",): "name", ("email",): "email", ("input", "organisationId"): "organisation", ("organisationId",): "organisation",
                 ("input", "roles"): "roles", ("roles",): "roles"}


async def organisations(request: Request, actor: Actor) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """The organisations whose people the administrator may invite, and the names of the LAs they administer."""
    administered = {str(la) for la in actor.la_ids(frozenset({Role.LA_ADMIN}))}
    nodes: list[dict[str, Any]] = []
    after = None
    while True:
        found = (await run_query(request, "AdminOrganisationsPage", {"after": after} if after else {}))["organisations"]
        nodes += found["nodes"]
        if not found["pageInfo"]["hasNextPage"]:
            break
        after = found["pageInfo"]["endCursor"]
    mine = [o for o in nodes if o["localAuthority"] is None or o["localAuthority"]["id"] in administered]
    names = {o["localAuthority"]["id"]: o["localAuthority"]["name"] for o in mine if o["localAuthority"]}
    return mine, {la: names.get(la, f"Local authority {la}") for la in sorted(administered)}


def people_routes(templates: Jinja2Templates) -> list[OperationRoute]:
    async def listing(request: Request) -> Response:
        if administrator(request) is None:
            return not_found(templates, request)
        search = request.query_params.get("search", "").strip()[:MAX_SEARCH]
        after = request.query_params.get("after") or None
        found = (await run_query(request, "AdminPeoplePage", {"search": search or None, "after": after}))["administeredPeople"]
        return templates.TemplateResponse(request, "administration/people.html", {
            "people": found["nodes"], "page_info": found["pageInfo"], "search": search, "invited": request.query_params.get("invited"),
        })

    async def invite_form(request: Request, actor: Actor, errors: FormErrors = FormErrors(), entered: dict[str, Any] | None = None) -> Response:
        choices, la_names = await organisations(request, actor)
        return templates.TemplateResponse(request, "administration/invite.html", {
            "organisations": choices, "roles": roles.choices(la_names), "errors": errors, "entered": entered or {"roles": []},
        })

    async def invite_page(request: Request) -> Response:
        actor = administrator(request)
        return await invite_form(request, actor) if actor else not_found(templates, request)

    async def invite(request: Request) -> Response:
        actor = administrator(request)
        if actor is None:
            return not_found(templates, request)
        form = await request.form()
        entered = {"name": str(form.get("name", ""))[:300], "email": str(form.get("email", ""))[:400], "organisation": str(form.get("organisation", "")),
                   "roles": [str(v) for v in form.getlist("roles")][:20]}
        if not entered["organisation"]:
            return await invite_form(request, actor, FormErrors.one("organisation", "Select the organisation they work for"), entered)
        if not entered["roles"]:
            return await invite_form(request, actor, FormErrors.one("roles", "Select at least one role"), entered)
        payload = await run_mutation(request, "InvitePerson", {"input": {
            "name": entered["name"], "email": entered["email"], "organisationId": entered["organisation"], "roles": roles.as_input(entered["roles"])}})
        if payload["errors"]:
            return await invite_form(request, actor, form_errors(payload["errors"], INVITE_FIELDS, "name"), entered)
        sent = "sent" if payload["emailSent"] else "not-sent"
        return RedirectResponse(f"/admin/people/{payload['person']['id']}?invited={sent}", status_code=303)

    async def load(request: Request) -> dict[str, Any] | None:
        number = parse_id(request.path_params["person_id"])
        return (await run_query(request, "AdminPersonPage", {"person": str(number)}))["administeredPerson"] if number else None

    async def person_form(request: Request, actor: Actor, person: dict[str, Any], errors: FormErrors = FormErrors(),
                          checked: list[str] | None = None) -> Response:
        _, la_names = await organisations(request, actor)
        held = [roles.value(g) for g in person["roles"]]
        offered = roles.choices(la_names)
        elsewhere = [g for g in person["roles"] if roles.value(g) not in {c.value for c in offered}]
        return templates.TemplateResponse(request, "administration/person.html", {
            "person": person, "roles": offered, "checked": held if checked is None else checked, "elsewhere": elsewhere, "label": roles.label,
            "errors": errors, "done": request.query_params.get("done"), "invited": request.query_params.get("invited"),
            "myself": person["id"] == str(actor.person_id),
        })

    async def person_page(request: Request) -> Response:
        actor = administrator(request)
        person = await load(request) if actor else None
        return await person_form(request, actor, person) if actor and person else not_found(templates, request)

    async def change_roles(request: Request) -> Response:
        actor = administrator(request)
        person = await load(request) if actor else None
        if actor is None or person is None:
            return not_found(templates, request)
        checked = [str(v) for v in (await request.form()).getlist("roles")][:20]
        payload = await run_mutation(request, "SetPersonRoles", {"input": {"personId": person["id"], "roles": roles.as_input(checked)}})
        if payload["errors"]:
            return await person_form(request, actor, person, form_errors(payload["errors"], {("input", "roles"): "roles", ("roles",): "roles"}, "roles"), checked)
        return RedirectResponse(f"/admin/people/{person['id']}?done=roles", status_code=303)

    async def suspend(request: Request) -> Response:
        actor = administrator(request)
        person = await load(request) if actor else None
        if actor is None or person is None:
            return not_found(templates, request)
        payload = await run_mutation(request, "SuspendPerson", {"personId": person["id"]})
        if payload["errors"]:
            return await person_form(request, actor, person, form_errors(payload["errors"], {}, "suspend"))
        return RedirectResponse(f"/admin/people/{person['id']}?done=suspended", status_code=303)

    person = "/admin/people/{person_id}"
    return [
        OperationRoute("/admin/people", listing, operations=("AdminPeoplePage",), methods=["GET"]),
        OperationRoute("/admin/people/invite", invite_page, operations=("AdminOrganisationsPage",), methods=["GET"]),
        OperationRoute("/admin/people/invite", invite, operations=("InvitePerson", "AdminOrganisationsPage"), methods=["POST"]),
        OperationRoute(person, person_page, operations=("AdminPersonPage", "AdminOrganisationsPage"), methods=["GET"]),
        OperationRoute(f"{person}/roles", change_roles, operations=("SetPersonRoles", "AdminPersonPage", "AdminOrganisationsPage"), methods=["POST"]),
        OperationRoute(f"{person}/suspend", suspend, operations=("SuspendPerson", "AdminPersonPage", "AdminOrganisationsPage"), methods=["POST"]),
    ]
