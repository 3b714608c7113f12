"""/reports/{id}/withholding: ask the chair to withhold a section from the family, with the reason
(RequestWithholding), and each request's status with the chair's decision and note."""

from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.templating import Jinja2Templates

from portal.edge.operations import run_mutation
from portal.pages.contributor_extras.report import Report
from portal.pages.forms import FormErrors, form_errors

TEMPLATE = "contributors/extras/withholding.html"
FIELDS = {("input", "sectionId"): "section", ("input", "reason"): "reason"}
NO_SECTION = "Choose the section to withhold from the family"
NO_REPORT = "Write the report first: a section can be withheld once there is a draft."


def render(request: Request, templates: Jinja2Templates, report: Report, *, typed: dict[str, str] | None = None,
           errors: FormErrors | None = None, status: int = 200) -> Response:
    typed = typed or {}
    requests = report.contribution["withholdingRequests"] if report.contribution else []
    held_back = {r["sectionId"] for r in requests if r["decision"] != "REFUSED"}
    choices = [{"value": s["id"], "text": s["title"], "checked": s["id"] == typed.get("section")} for s in report.sections if s["id"] not in held_back]
    values: dict[str, Any] = report.context(request) | {
        "choices": choices,
        "typed": typed, "errors": errors or FormErrors(), "done": request.query_params.get("done") == "requested",
        "open": report.contribution is not None and report.contribution["status"] != "WITHDRAWN",
    }
    return templates.TemplateResponse(request, TEMPLATE, values, status_code=status)


async def request_withholding(request: Request, templates: Jinja2Templates, report: Report, fields: dict[str, str]) -> Response:
    typed = {"section": fields.get("section", ""), "reason": fields.get("reason", "")}
    if report.contribution is None:
        return render(request, templates, report, typed=typed, errors=FormErrors.one("section", NO_REPORT))
    errors = FormErrors() if typed["section"] else FormErrors.one("section", NO_SECTION)
    if not typed["reason"].strip():
        errors |= FormErrors.one("reason", "Say why this section should be withheld from the family")
    if errors:
        return render(request, templates, report, typed=typed, errors=errors)
    variables = {"input": {"contributionId": report.contribution["id"], "sectionId": typed["section"], "reason": typed["reason"]}}
    payload = await run_mutation(request, "RequestWithholding", variables)
    if payload["errors"]:
        return render(request, templates, report, typed=typed, errors=form_errors(payload["errors"], FIELDS, "section"))
    return RedirectResponse(f"/reports/{report.id}/withholding?done=requested", status_code=303)
