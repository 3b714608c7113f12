"""The contributor's journey: /reports (the task list), /reports/{invitation} (write and save a draft),
/check (check your answers, then submit), /submitted, /amend and /withdraw.

Each page reads with WriteReportPage or TaskListPage and writes with one mutation; a form with
errors is shown again with everything the person typed. Anyone who may not write the organisation's
report gets the same 404 on every one of these routes as for an invitation that does not exist."""

from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route
from starlette.templating import Jinja2Templates

from portal import access
from portal.edge.context import require_actor
from portal.edge.operations import execute, run_mutation, run_query
from portal.edge.routes import OperationRoute
from portal.held_forms.store import Posted
from portal.ids import parse_id
from portal.pages.contributor_extras.held import Send, hold_for_sign_in
from portal.pages.contributors.formatting import govuk_datetime
from portal.pages.contributors.report_form import REPORT, SCALE_ITEMS, ReportForm
from portal.pages.forms import FormErrors, form_errors

PAGE_SIZE = 20
SUBMITTED = ("SUBMITTED", "AMENDED")
NOT_YOURS = {"NOT_FOUND", "FORBIDDEN"}
NO_DRAFT = "Write your report and save it as a draft before you submit it."

Invitation = dict[str, Any]


def contributor_routes(templates: Jinja2Templates) -> tuple[list[OperationRoute], list[tuple[Route, Send]]]:
    """The routes, and the form that is held when it arrives after the sign-in ended (held.py)."""
    templates.env.filters["govuk_datetime"] = govuk_datetime

    def not_found(request: Request) -> Response:
        return templates.TemplateResponse(request, "contributors/not_found.html", {}, status_code=404)

    def render(request: Request, template: str, invitation: Invitation, **context: Any) -> Response:
        """A form shown again with its errors answers 200 like any page: the error summary says what is wrong."""
        agency = invitation["organisation"]["agency"]
        context.setdefault("errors", FormErrors())
        context.setdefault("summary", context["errors"].summary())
        context.setdefault("form", ReportForm.from_contribution(invitation["contribution"]))
        return templates.TemplateResponse(
            request, template,
            {"invitation": invitation, "sections": agency["sections"], "children": invitation["conference"]["children"],
             "contribution": invitation["contribution"], "scores": SCALE_ITEMS, **context})

    async def own_report(request: Request) -> Invitation | None:
        """The invitation with its report, if this person may write it; None means 404."""
        actor = require_actor(request)
        number = parse_id(request.path_params["invitation"])
        if number is None:
            return None
        invitation = (await run_query(request, "WriteReportPage", {"invitation": str(number)}))["invitation"]
        if invitation is None or not access.allowed(actor, "contribution.write", int(invitation["organisation"]["id"])):
            return None
        return invitation

    def status_of(invitation: Invitation) -> str | None:
        contribution = invitation["contribution"]
        return contribution["status"] if contribution else None

    def to(invitation: Invitation, page: str = "") -> RedirectResponse:
        return RedirectResponse(f"/reports/{invitation['id']}{page}", status_code=303)

    def refused(errors: list[Mapping[str, Any]]) -> bool:
        return any(error.get("code") in NOT_YOURS for error in errors)

    async def posted(request: Request, invitation: Invitation) -> tuple[ReportForm, str]:
        """What the form sent, and which of its buttons sent it."""
        sections, children = invitation["organisation"]["agency"]["sections"], invitation["conference"]["children"]
        async with request.form(max_files=0) as form:
            return ReportForm.from_post(form, sections, children), str(form.get("action") or "")

    async def task_list(request: Request) -> Response:
        require_actor(request)
        after = request.query_params.get("after") or None
        result = await execute(request, "TaskListPage", {"first": PAGE_SIZE, "after": after})
        if result.errors or result.data is None:
            return not_found(request)
        return templates.TemplateResponse(request, "contributors/task_list.html", {"invitations": result.data["myInvitations"]})

    async def write(request: Request) -> Response:
        invitation = await own_report(request)
        if invitation is None:
            return not_found(request)
        if status_of(invitation) in SUBMITTED:
            return to(invitation, "/submitted")
        if status_of(invitation) == "WITHDRAWN":
            return render(request, "contributors/withdrawn.html", invitation)
        return render(request, "contributors/write.html", invitation, saved=request.query_params.get("saved") == "1")

    async def save(request: Request) -> Response:
        """A draft posted after the sign-in ended is held for the person and saved once they are back."""
        async with request.form(max_files=0) as form:
            fields = {key: str(value) for key, value in form.items()}
        return await hold_for_sign_in(request, fields) or await save_fields(request, fields)

    async def save_held(request: Request, posted: Posted) -> Response:
        return await save_fields(request, posted.fields)

    async def save_fields(request: Request, fields: dict[str, str]) -> Response:
        invitation = await own_report(request)
        if invitation is None:
            return not_found(request)
        sections = invitation["organisation"]["agency"]["sections"]
        typed = ReportForm.from_post(fields, sections, invitation["conference"]["children"])
        action = fields.get("action", "")
        errors = typed.own_errors()
        if not errors:
            payload = await run_mutation(request, "SaveDraft", {"input": {"invitationId": invitation["id"], **typed.content(sections)}})
            if refused(payload["errors"]):
                return not_found(request)
            errors = form_errors(payload["errors"], typed.fields(sections), REPORT)
        if errors:
            return render(request, "contributors/write.html", invitation, form=typed, errors=errors)
        return to(invitation, "/check" if action == "check" else "?saved=1")

    async def check_answers(request: Request) -> Response:
        invitation = await own_report(request)
        if invitation is None:
            return not_found(request)
        if status_of(invitation) != "DRAFT" and status_of(invitation) is not None:
            return to(invitation)
        return render(request, "contributors/check.html", invitation)

    async def submit(request: Request) -> Response:
        invitation = await own_report(request)
        if invitation is None:
            return not_found(request)
        contribution = invitation["contribution"]
        if contribution is None:
            errors = FormErrors.one(REPORT, NO_DRAFT)
        else:
            payload = await run_mutation(request, "SubmitContribution", {"input": {"contributionId": contribution["id"]}})
            if refused(payload["errors"]):
                return not_found(request)
            if not payload["errors"]:
                return to(invitation, "/submitted")
            sections = invitation["organisation"]["agency"]["sections"]
            errors = form_errors(payload["errors"], ReportForm().fields(sections), REPORT)
        return render(request, "contributors/check.html", invitation, errors=errors, summary=check_summary(errors, invitation["id"]))

    def submitted_page(template: str) -> Callable[[Request], Awaitable[Response]]:
        """A page about a submitted report (the confirmation, the amend and withdraw forms)."""
        async def page(request: Request) -> Response:
            invitation = await own_report(request)
            if invitation is None:
                return not_found(request)
            if status_of(invitation) not in SUBMITTED:
                return to(invitation)
            return render(request, template, invitation)

        return page

    async def amend(request: Request) -> Response:
        invitation = await own_report(request)
        if invitation is None:
            return not_found(request)
        if status_of(invitation) not in SUBMITTED:
            return to(invitation)
        sections = invitation["organisation"]["agency"]["sections"]
        typed, _ = await posted(request, invitation)
        errors = typed.own_errors()
        if not errors:
            change = {"contributionId": invitation["contribution"]["id"], "reason": typed.reason, **typed.content(sections)}
            payload = await run_mutation(request, "AmendContribution", {"input": change})
            if refused(payload["errors"]):
                return not_found(request)
            errors = form_errors(payload["errors"], typed.fields(sections), REPORT)
        if errors:
            return render(request, "contributors/amend.html", invitation, form=typed, errors=errors)
        return to(invitation, "/submitted")

    async def withdraw(request: Request) -> Response:
        invitation = await own_report(request)
        if invitation is None:
            return not_found(request)
        if status_of(invitation) not in SUBMITTED:
            return to(invitation)
        typed, _ = await posted(request, invitation)
        payload = await run_mutation(request, "WithdrawContribution", {"input": {"contributionId": invitation["contribution"]["id"], "reason": typed.reason}})
        if refused(payload["errors"]):
            return not_found(request)
        if payload["errors"]:
            errors = form_errors(payload["errors"], {("input", "reason"): "reason"}, REPORT)
            return render(request, "contributors/withdraw.html", invitation, form=typed, errors=errors)
        return to(invitation)

    report = "/reports/{invitation}"
    saving = OperationRoute(report, save, operations=("WriteReportPage", "SaveDraft"), methods=["POST"])
    return [
        OperationRoute("/reports", task_list, operations=("TaskListPage",), methods=["GET"]),
        OperationRoute(report, write, operations=("WriteReportPage",), methods=["GET"]),
        saving,
        OperationRoute(report + "/check", check_answers, operations=("WriteReportPage",), methods=["GET"]),
        OperationRoute(report + "/check", submit, operations=("WriteReportPage", "SubmitContribution"), methods=["POST"]),
        OperationRoute(report + "/submitted", submitted_page("contributors/submitted.html"), operations=("WriteReportPage",), methods=["GET"]),
        OperationRoute(report + "/amend", submitted_page("contributors/amend.html"), operations=("WriteReportPage",), methods=["GET"]),
        OperationRoute(report + "/amend", amend, operations=("WriteReportPage", "AmendContribution"), methods=["POST"]),
        OperationRoute(report + "/withdraw", submitted_page("contributors/withdraw.html"), operations=("WriteReportPage",), methods=["GET"]),
        OperationRoute(report + "/withdraw", withdraw, operations=("WriteReportPage", "WithdrawContribution"), methods=["POST"]),
    ], [(saving, save_held)]


def check_summary(errors: FormErrors, invitation_id: str) -> list[dict[str, str]]:
    """The check page's error summary: a missing section links back to its field on the report page."""
    return [
        {"text": item["text"], "href": f"/reports/{invitation_id}{item['href']}" if item["href"].startswith("#section-") else item["href"]}
        for item in errors.summary()
    ]
