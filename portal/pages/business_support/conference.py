"""One conference as business support arrange it:
GET /business-support/conferences/{id}: its children, meeting, statutory latest date, invitations with their due times;
GET and POST .../schedule: schedule or reschedule it (warned, and asked to confirm, past the statutory latest date);
GET and POST .../invite: find organisations by name or ODS code and invite them, due times from the LA's rules;
GET and POST .../held: record that it was held, which gives the latest date for the next review."""

from datetime import date, datetime
from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.templating import Jinja2Templates

from portal.edge.context import require_actor
from portal.edge.operations import run_mutation, run_query
from portal.edge.routes import OperationRoute
from portal.ids import parse_id
from portal.pages.business_support.access import not_found, own_la, supports
from portal.pages.business_support.moments import ENGLAND, read_moment, typed_moment
from portal.pages.contributor_extras.dates import PARTS, read_date
from portal.pages.forms import FormErrors, form_errors

BASE = "/business-support/conferences/{conference_id}"
LATE = "Confirm you want to hold the meeting after its statutory latest date, or choose an earlier date"


def beyond(scheduled_at: str | None, deadline: str | None) -> bool:
    """The meeting falls after the statutory latest date (days as England counts them)."""
    if not scheduled_at or not deadline:
        return False
    return datetime.fromisoformat(scheduled_at).astimezone(ENGLAND).date() > date.fromisoformat(deadline)


def conference_routes(templates: Jinja2Templates) -> list[OperationRoute]:
    async def load(request: Request, name: str, **variables: Any) -> dict[str, Any] | None:
        number = parse_id(request.path_params["conference_id"])
        if number is None:
            return None
        data = await run_query(request, name, {"conference": str(number), **variables})
        conference = data["conference"]
        return data if conference and supports(request, conference["localAuthority"]["id"]) else None

    async def page(request: Request) -> Response:
        data = await load(request, "BusinessSupportConferencePage")
        if data is None:
            return not_found(templates, request)
        conference = data["conference"]
        return templates.TemplateResponse(request, "business_support/conference.html", {
            "conference": conference, "chases": data["invitationChases"], "late": beyond(conference["scheduledAt"], conference["statutoryDeadline"]),
            "done": request.query_params.get("done"), "changed": request.query_params.get("changed"),
        })

    # Scheduling

    async def load_schedule(request: Request) -> dict[str, Any] | None:
        la = own_la(require_actor(request))
        return await load(request, "BusinessSupportSchedulePage", la=str(la or 0)) if la else None

    def render_schedule(request: Request, data: dict[str, Any], typed: dict[str, str], chair: str, errors: FormErrors = FormErrors(),
                        wrong: tuple[str, ...] = (), late: bool = False) -> Response:
        conference = data["conference"]
        return templates.TemplateResponse(request, "business_support/schedule.html", {
            "conference": conference, "chairs": data["chairs"], "typed": typed, "chair": chair, "errors": errors, "wrong": wrong,
            "late": late, "overridden": sum(1 for c in data["invitationChases"] if c["dueOverride"]),
            "created": request.query_params.get("created") == "1",
        })

    async def schedule_page(request: Request) -> Response:
        data = await load_schedule(request)
        if data is None or data["conference"]["status"] not in ("DRAFT", "SCHEDULED"):
            return not_found(templates, request)
        conference = data["conference"]
        return render_schedule(request, data, typed_moment(conference["scheduledAt"]), (conference["chair"] or {}).get("id", ""))

    async def schedule(request: Request) -> Response:
        data = await load_schedule(request)
        if data is None:
            return not_found(templates, request)
        conference = data["conference"]
        fields = {k: str(v) for k, v in (await request.form()).items()}
        answer = read_moment(fields, "when", "of the meeting")
        chair = fields.get("chair", "")
        if answer.value is None:
            return render_schedule(request, data, answer.typed, chair, FormErrors.one(f"when-{answer.field}", str(answer.problem)), answer.wrong)
        deadline = conference["statutoryDeadline"]
        if beyond(answer.value.isoformat(), deadline) and fields.get("confirm-late") != "yes":
            return render_schedule(request, data, answer.typed, chair, FormErrors.one("confirm-late", LATE), late=True)
        inputs: dict[str, Any] = {"conferenceId": conference["id"], "scheduledAt": answer.value.isoformat()}
        if chair:
            inputs["chairId"] = chair
        payload = await run_mutation(request, "ScheduleConference", {"input": inputs})
        if payload["errors"]:
            errors = form_errors(payload["errors"], {("input", "scheduledAt"): "when-day", ("input", "chairId"): "chair"}, "when-day")
            return render_schedule(request, data, answer.typed, chair, errors, (*PARTS, "time"))
        return RedirectResponse(f"/business-support/conferences/{conference['id']}?done=scheduled", status_code=303)

    # Inviting

    def render_invite(request: Request, data: dict[str, Any], search: str, errors: FormErrors = FormErrors()) -> Response:
        conference = data["conference"]
        invited = {i["organisation"]["id"] for i in conference["invitations"]}
        return templates.TemplateResponse(request, "business_support/invite.html", {
            "conference": conference, "search": search, "found": data["organisations"]["nodes"] if search else [],
            "invited": invited, "errors": errors,
        })

    async def invite_page(request: Request) -> Response:
        search = request.query_params.get("search", "").strip()[:100]
        data = await load(request, "BusinessSupportInvitePage", search=search)
        if data is None:
            return not_found(templates, request)
        return render_invite(request, data, search)

    async def invite(request: Request) -> Response:
        fields = {k: str(v) for k, v in (await request.form()).items()}
        search = fields.get("search", "").strip()[:100]
        data = await load(request, "BusinessSupportInvitePage", search=search)
        if data is None:
            return not_found(templates, request)
        conference = data["conference"]
        payload = await run_mutation(request, "InviteOrganisation", {"input": {"conferenceId": conference["id"], "organisationId": fields.get("organisation", "")}})
        if payload["errors"]:
            return render_invite(request, data, search, form_errors(payload["errors"], {}, "search"))
        invitation = payload["invitation"]["id"]
        return RedirectResponse(f"/business-support/conferences/{conference['id']}?done=invited&changed={invitation}#invitation-{invitation}", status_code=303)

    # Recording it held

    def render_held(request: Request, conference: dict[str, Any], typed: dict[str, str], errors: FormErrors = FormErrors(), wrong: tuple[str, ...] = ()) -> Response:
        return templates.TemplateResponse(request, "business_support/held.html", {"conference": conference, "typed": typed, "errors": errors, "wrong": wrong})

    async def held_page(request: Request) -> Response:
        data = await load(request, "BusinessSupportConferencePage")
        if data is None or data["conference"]["status"] != "SCHEDULED":
            return not_found(templates, request)
        return render_held(request, data["conference"], typed_moment(data["conference"]["scheduledAt"]))

    async def held(request: Request) -> Response:
        data = await load(request, "BusinessSupportConferencePage")
        if data is None:
            return not_found(templates, request)
        conference = data["conference"]
        fields = {k: str(v) for k, v in (await request.form()).items()}
        answer = read_date(fields, "held-on", "The date the conference was held")
        if answer.value is None:
            return render_held(request, conference, answer.typed, FormErrors.one(f"held-on-{answer.first_wrong}", str(answer.problem)), answer.wrong)
        payload = await run_mutation(request, "RecordConferenceHeld", {"conferenceId": conference["id"], "heldOn": answer.value.isoformat()})
        if payload["errors"]:
            errors = form_errors(payload["errors"], {("input", "heldOn"): "held-on-day"}, "held-on-day")
            return render_held(request, conference, answer.typed, errors, PARTS)
        return RedirectResponse(f"/business-support/conferences/{conference['id']}?done=held", status_code=303)

    return [
        OperationRoute(BASE, page, operations=("BusinessSupportConferencePage",), methods=["GET"]),
        OperationRoute(f"{BASE}/schedule", schedule_page, operations=("BusinessSupportSchedulePage",), methods=["GET"]),
        OperationRoute(f"{BASE}/schedule", schedule, operations=("ScheduleConference", "BusinessSupportSchedulePage"), methods=["POST"]),
        OperationRoute(f"{BASE}/invite", invite_page, operations=("BusinessSupportInvitePage",), methods=["GET"]),
        OperationRoute(f"{BASE}/invite", invite, operations=("InviteOrganisation", "BusinessSupportInvitePage"), methods=["POST"]),
        OperationRoute(f"{BASE}/held", held_page, operations=("BusinessSupportConferencePage",), methods=["GET"]),
        OperationRoute(f"{BASE}/held", held, operations=("RecordConferenceHeld", "BusinessSupportConferencePage"), methods=["POST"]),
    ]
