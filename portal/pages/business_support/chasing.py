"""Chasing reports:
GET /business-support/chasing?days=N: every open report of the LA overdue or due within N working days, by organisation,
with the last reminder sent, when the next goes out and the last phone call;
GET and POST /business-support/invitations/{id}/due: override the due times the LA's rules gave, with a reason;
GET and POST /business-support/invitations/{id}/chase: record a phone chase (who, when, a note), with the calls before."""

from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.templating import Jinja2Templates

from portal import clock
from portal.edge.context import require_actor
from portal.edge.operations import run_mutation, run_query
from portal.edge.routes import OperationRoute
from portal.ids import parse_id
from portal.pages.business_support.access import not_found, own_la, supports
from portal.pages.business_support.moments import MomentAnswer, read_moment, typed_moment
from portal.pages.forms import FormErrors, form_errors

DAYS = 5
MAX_DAYS = 60
BAD_DAYS = f"Enter a number of working days from 0 to {MAX_DAYS}"
INVITATION = "/business-support/invitations/{invitation_id}"
REASON_CHARS = 500
NOTE_CHARS = 2000


def chasing_routes(templates: Jinja2Templates) -> list[OperationRoute]:
    async def chasing(request: Request) -> Response:
        la = own_la(require_actor(request))
        if la is None:
            return not_found(templates, request)
        typed = request.query_params.get("days", str(DAYS)).strip()
        days = int(typed) if typed.isascii() and typed.isdigit() and int(typed) <= MAX_DAYS else None
        errors = FormErrors() if days is not None else FormErrors.one("days", BAD_DAYS)
        found = (await run_query(request, "BusinessSupportChasingPage", {"la": str(la), "days": DAYS if days is None else days}))["chasing"]
        return templates.TemplateResponse(request, "business_support/chasing.html", {
            "chasing": found, "typed": typed[:10], "errors": errors,
        })

    async def load(request: Request) -> dict[str, Any] | None:
        number = parse_id(request.path_params["invitation_id"])
        if number is None:
            return None
        chase = (await run_query(request, "BusinessSupportInvitationPage", {"invitation": str(number)}))["invitationChase"]
        return chase if chase and supports(request, chase["invitation"]["conference"]["localAuthority"]["id"]) else None

    # Overriding the due times

    def render_due(request: Request, chase: dict[str, Any], typed: dict[str, Any], errors: FormErrors = FormErrors(),
                   wrong: dict[str, tuple[str, ...]] | None = None) -> Response:
        return templates.TemplateResponse(request, "business_support/due.html", {
            "chase": chase, "invitation": chase["invitation"], "typed": typed, "errors": errors, "wrong": wrong or {},
            "reason_chars": REASON_CHARS,
        })

    async def due_page(request: Request) -> Response:
        chase = await load(request)
        if chase is None or chase["invitation"]["conference"]["status"] not in ("DRAFT", "SCHEDULED"):
            return not_found(templates, request)
        invitation = chase["invitation"]
        typed = {"report": typed_moment(invitation["reportDueAt"]), "family": typed_moment(invitation["familyDueAt"]),
                 "reason": (chase["dueOverride"] or {}).get("reason", "")}
        return render_due(request, chase, typed)

    async def override(request: Request) -> Response:
        chase = await load(request)
        if chase is None:
            return not_found(templates, request)
        fields = {k: str(v) for k, v in (await request.form()).items()}
        report = read_moment(fields, "report-due", "the report is due")
        family_given = any(fields.get(f"family-due-{part}", "").strip() for part in ("day", "month", "year", "time"))
        family = read_moment(fields, "family-due", "the family must have the report") if family_given else None
        reason = fields.get("reason", "").strip()
        typed = {"report": report.typed, "family": family.typed if family else typed_moment(None), "reason": reason}
        errors, wrong = FormErrors(), {}
        for prefix, answer in (("report-due", report), ("family-due", family)):
            if answer is not None and answer.value is None:
                errors |= FormErrors.one(f"{prefix}-{answer.field}", str(answer.problem))
                wrong[prefix] = answer.wrong
        if not reason:
            errors |= FormErrors.one("reason", "Enter why the due time is changing")
        if errors:
            return render_due(request, chase, typed, errors, wrong)
        inputs = {"invitationId": chase["invitation"]["id"], "reportDueAt": report.value.isoformat(), "reason": reason}  # type: ignore[union-attr]
        if family is not None and family.value is not None:
            inputs["familyDueAt"] = family.value.isoformat()
        payload = await run_mutation(request, "OverrideDueTimes", {"input": inputs})
        if payload["errors"]:
            fields_for = {("input", "reportDueAt"): "report-due-day", ("input", "familyDueAt"): "family-due-day", ("input", "reason"): "reason"}
            return render_due(request, chase, typed, form_errors(payload["errors"], fields_for, "report-due-day"))
        invitation, conference = chase["invitation"]["id"], chase["invitation"]["conference"]["id"]
        return RedirectResponse(f"/business-support/conferences/{conference}?done=due&changed={invitation}#invitation-{invitation}", status_code=303)

    # Recording a phone chase

    def render_chase(request: Request, chase: dict[str, Any], typed: dict[str, Any], errors: FormErrors = FormErrors(),
                     wrong: tuple[str, ...] = ()) -> Response:
        return templates.TemplateResponse(request, "business_support/chase.html", {
            "chase": chase, "invitation": chase["invitation"], "typed": typed, "errors": errors, "wrong": wrong,
            "done": request.query_params.get("done") == "1", "note_chars": NOTE_CHARS,
        })

    async def chase_page(request: Request) -> Response:
        chase = await load(request)
        if chase is None:
            return not_found(templates, request)
        return render_chase(request, chase, {"spoke_to": "", "note": "", "called": typed_moment(clock.now().isoformat())})

    async def record(request: Request) -> Response:
        chase = await load(request)
        if chase is None:
            return not_found(templates, request)
        fields = {k: str(v) for k, v in (await request.form()).items()}
        called: MomentAnswer = read_moment(fields, "called", "of the call")
        typed = {"spoke_to": fields.get("spoke-to", "").strip(), "note": fields.get("note", "").strip(), "called": called.typed}
        errors = FormErrors()
        if not typed["spoke_to"]:
            errors |= FormErrors.one("spoke-to", "Enter who you spoke to, or who you left a message for")
        if called.value is None:
            errors |= FormErrors.one(f"called-{called.field}", str(called.problem))
        if errors:
            return render_chase(request, chase, typed, errors, called.wrong)
        inputs = {"invitationId": chase["invitation"]["id"], "spokeTo": typed["spoke_to"], "chasedAt": called.value.isoformat(), "note": typed["note"]}  # type: ignore[union-attr]
        payload = await run_mutation(request, "RecordPhoneChase", {"input": inputs})
        if payload["errors"]:
            fields_for = {("input", "spokeTo"): "spoke-to", ("input", "chasedAt"): "called-day", ("input", "note"): "note"}
            return render_chase(request, chase, typed, form_errors(payload["errors"], fields_for, "spoke-to"))
        return RedirectResponse(f"/business-support/invitations/{chase['invitation']['id']}/chase?done=1", status_code=303)

    return [
        OperationRoute("/business-support/chasing", chasing, operations=("BusinessSupportChasingPage",), methods=["GET"]),
        OperationRoute(f"{INVITATION}/due", due_page, operations=("BusinessSupportInvitationPage",), methods=["GET"]),
        OperationRoute(f"{INVITATION}/due", override, operations=("OverrideDueTimes", "BusinessSupportInvitationPage"), methods=["POST"]),
        OperationRoute(f"{INVITATION}/chase", chase_page, operations=("BusinessSupportInvitationPage",), methods=["GET"]),
        OperationRoute(f"{INVITATION}/chase", record, operations=("RecordPhoneChase", "BusinessSupportInvitationPage"), methods=["POST"]),
    ]
