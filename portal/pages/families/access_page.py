"""GET /conferences/{id}/family: the parents and carers of the conference's children, who has access and who may be given it;
POST /conferences/{id}/family/grant: give one access (email, optional mobile);
POST /conferences/{id}/family/{member}/end: end one family member's access, leaving anyone else's;
POST /conferences/{id}/family/views: send a child, or their advocate, a link for the child's views;
POST /conferences/{id}/family/views/{link}/withdraw: withdraw one, so it no longer opens (views already given stay).

For the social worker and business support of the children's local authority; anyone else gets "not found"."""

from datetime import datetime
from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.templating import Jinja2Templates

from portal import access, clock
from portal.edge.context import require_actor
from portal.edge.operations import run_mutation, run_query
from portal.edge.routes import OperationRoute
from portal.ids import parse_id
from portal.pages.forms import FormErrors, form_errors

NOT_FOUND = "There is no conference with that number whose family you may give access."
CHOOSE = "Select the parent or carer to give access"
MAX_TYPED = 400
CHOOSE_CHILD = "Select the child whose views you are asking for"
CHOOSE_WHO = "Select who the link is for: the child, or their advocate"


def _not_found(templates: Jinja2Templates, request: Request) -> Response:
    return templates.TemplateResponse(request, "message.html", {"title": "Page not found", "message": NOT_FOUND}, status_code=404)


def _live(link: dict[str, Any]) -> bool:
    """A link that still opens, so may be withdrawn."""
    return link["withdrawnAt"] is None and datetime.fromisoformat(link["expiresAt"]) > clock.now()


def access_routes(templates: Jinja2Templates) -> list[OperationRoute]:
    async def load(request: Request) -> dict[str, Any] | None:
        actor = require_actor(request)
        number = parse_id(request.path_params["conference_id"])
        if number is None:
            return None
        data = await run_query(request, "FamilyAccessPage", {"conference": str(number)})
        conference = data["conference"]
        if conference is None or not access.allowed(actor, "family.access.grant", int(conference["localAuthority"]["id"])):
            return None
        return {**conference, "members": data["familyMembers"], "viewsLinks": data["childViewsLinks"]}

    def render(request: Request, conference: dict[str, Any], errors: FormErrors = FormErrors(), entered: dict[str, str] | None = None,
               sent: dict[str, Any] | None = None) -> Response:
        by_person: dict[str, list[dict[str, Any]]] = {}
        for member in conference["members"]:
            by_person.setdefault(member["casePersonId"], []).append(member)
        return templates.TemplateResponse(request, "families/access.html", {
            "conference": conference, "members": by_person, "errors": errors, "entered": entered or {},
            "done": request.query_params.get("done"), "sent": sent, "live": {link["id"] for link in conference["viewsLinks"] if _live(link)},
        })

    async def page(request: Request) -> Response:
        conference = await load(request)
        return render(request, conference) if conference else _not_found(templates, request)

    async def grant(request: Request) -> Response:
        conference = await load(request)
        if conference is None:
            return _not_found(templates, request)
        form = await request.form()
        entered = {name: str(form.get(name, ""))[:MAX_TYPED] for name in ("person", "email", "mobile")}
        people = {p["id"] for child in conference["children"] for p in child["people"] or ()}
        if entered["person"] not in people:
            return render(request, conference, FormErrors.one("person", CHOOSE), entered)
        payload = await run_mutation(request, "GrantFamilyAccess", {"input": {"casePersonId": entered["person"], "email": entered["email"], "mobile": entered["mobile"]}})
        if payload["errors"]:
            fields = {("input", "email"): "email", ("input", "mobile"): "mobile", ("input", "casePersonId"): "person"}
            return render(request, conference, form_errors(payload["errors"], fields, "person"), entered)
        return RedirectResponse(f"/conferences/{conference['id']}/family?done=granted", status_code=303)

    async def end(request: Request) -> Response:
        conference = await load(request)
        member = str(parse_id(request.path_params["member_id"]))
        if conference is None or member not in {m["id"] for m in conference["members"] if m["endedAt"] is None}:
            return _not_found(templates, request)
        payload = await run_mutation(request, "EndFamilyAccess", {"input": {"familyMemberId": member}})
        if payload["errors"]:
            return render(request, conference, form_errors(payload["errors"], {}, f"end-{member}"))
        return RedirectResponse(f"/conferences/{conference['id']}/family?done=ended", status_code=303)

    async def ask_for_views(request: Request) -> Response:
        """The code comes back once: the page shows it rather than redirecting, so it is never in an address."""
        conference = await load(request)
        if conference is None:
            return _not_found(templates, request)
        form = await request.form()
        entered = {"views-" + name: str(form.get(name, ""))[:MAX_TYPED] for name in ("child", "email", "who")}
        children = {c["id"]: c for c in conference["children"]}
        errors = FormErrors()
        if entered["views-child"] not in children:
            errors |= FormErrors.one("views-child", CHOOSE_CHILD)
        if entered["views-who"] not in ("child", "advocate"):
            errors |= FormErrors.one("views-who", CHOOSE_WHO)
        if errors:
            return render(request, conference, errors, entered)
        payload = await run_mutation(request, "SendChildViewsLink", {"input": {
            "conferenceId": conference["id"], "childId": entered["views-child"], "email": entered["views-email"], "forAdvocate": entered["views-who"] == "advocate"}})
        if payload["errors"]:
            fields = {("input", "email"): "views-email", ("input", "childId"): "views-child"}
            return render(request, conference, form_errors(payload["errors"], fields, "views-child"), entered)
        conference["viewsLinks"] = [*conference["viewsLinks"], payload["link"]]
        return render(request, conference, sent={"code": payload["code"], "child": children[entered["views-child"]], **payload["link"]})

    async def withdraw(request: Request) -> Response:
        conference = await load(request)
        link = str(parse_id(request.path_params["link_id"]))
        if conference is None or link not in {v["id"] for v in conference["viewsLinks"]}:
            return _not_found(templates, request)
        payload = await run_mutation(request, "WithdrawChildViewsLink", {"input": {"linkId": link}})
        if payload["errors"]:
            return render(request, conference, form_errors(payload["errors"], {}, "child-views"))
        return RedirectResponse(f"/conferences/{conference['id']}/family?done=withdrawn", status_code=303)

    return [
        OperationRoute("/conferences/{conference_id}/family/views/{link_id}/withdraw", withdraw, operations=("FamilyAccessPage", "WithdrawChildViewsLink"),
                       methods=["POST"]),
        OperationRoute("/conferences/{conference_id}/family/views", ask_for_views, operations=("FamilyAccessPage", "SendChildViewsLink"), methods=["POST"]),
        OperationRoute("/conferences/{conference_id}/family", page, operations=("FamilyAccessPage",), methods=["GET"]),
        OperationRoute("/conferences/{conference_id}/family/grant", grant, operations=("FamilyAccessPage", "GrantFamilyAccess"), methods=["POST"]),
        OperationRoute("/conferences/{conference_id}/family/{member_id}/end", end, operations=("FamilyAccessPage", "EndFamilyAccess"), methods=["POST"]),
    ]
