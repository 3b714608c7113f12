"""/reports/{id}/sharing: the date the report was shared with the family (RecordSharedWithFamily)."""

from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.templating import Jinja2Templates

from portal.edge.operations import run_mutation
from portal.pages.contributor_extras.dates import PARTS, DateAnswer, read_date
from portal.pages.contributor_extras.report import Report
from portal.pages.forms import FormErrors, form_errors

TEMPLATE = "contributors/extras/sharing.html"
FIELD = "shared-on"
WHAT = "The date you shared the report"
NOT_SUBMITTED = "Only a submitted report can be recorded as shared with the family."


def render(request: Request, templates: Jinja2Templates, report: Report, *, typed: dict[str, str] | None = None,
           errors: FormErrors | None = None, wrong: tuple[str, ...] = (), status: int = 200) -> Response:
    shared = report.contribution["sharedWithFamilyOn"] if report.contribution else None
    if typed is None and shared:
        year, month, day = shared.split("-")
        typed = {"day": str(int(day)), "month": str(int(month)), "year": year}
    values: dict[str, Any] = report.context(request) | {
        "typed": typed or dict.fromkeys(PARTS, ""), "errors": errors or FormErrors(), "wrong": wrong,
        "done": request.query_params.get("done") == "shared",
    }
    return templates.TemplateResponse(request, TEMPLATE, values, status_code=status)


async def record(request: Request, templates: Jinja2Templates, report: Report, fields: dict[str, str]) -> Response:
    answer: DateAnswer = read_date(fields, FIELD, WHAT)
    if report.contribution is None:
        return render(request, templates, report, typed=answer.typed, errors=FormErrors.one(f"{FIELD}-day", NOT_SUBMITTED))
    if answer.value is None:
        assert answer.problem is not None
        errors = FormErrors.one(f"{FIELD}-{answer.first_wrong}", answer.problem)
        return render(request, templates, report, typed=answer.typed, errors=errors, wrong=answer.wrong)
    payload = await run_mutation(request, "RecordSharedWithFamily", {"input": {"contributionId": report.contribution["id"], "sharedOn": answer.value.isoformat()}})
    if payload["errors"]:
        errors = form_errors(payload["errors"], {("input", "sharedOn"): f"{FIELD}-day"}, f"{FIELD}-day")
        return render(request, templates, report, typed=answer.typed, errors=errors, wrong=PARTS)
    return RedirectResponse(f"/reports/{report.id}/sharing?done=shared", status_code=303)

