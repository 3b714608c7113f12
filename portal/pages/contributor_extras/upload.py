"""/reports/{id}/upload: fill the draft from a PDF (UploadReport), merging with it or replacing it.
The ingestion's typed errors (not a PDF, too large, busy, ...) are shown beside the file field; a
successful upload leads to its review page. One sent after the sign-in ended is held with its file
and uploaded once the person signs in again (held.py)."""

import re
from typing import Any

from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.templating import Jinja2Templates

from portal.edge.operations import run_mutation
from portal.ingest.errors import IngestError, IngestErrorCode, megabytes
from portal.ingest.uploads import FILE
from portal.pages.contributor_extras.held import hold_for_sign_in
from portal.pages.contributor_extras.report import Report, load_report, not_found
from portal.pages.forms import FormErrors, form_errors

TEMPLATE = "contributors/extras/upload.html"
MODES = {"merge": "MERGE", "replace": "REPLACE"}
FIELDS = {FILE: "file", ("input", "mode"): "mode"}
NO_FILE = "Select the PDF of your report"
NO_MODE = "Choose whether to add to your draft or replace it"
SUBMITTED = "This report has been submitted: amend it to change it, then upload again."
TOO_LARGE = "too-large"
UPLOAD_FORM = re.compile(r"/reports/[^/]+/upload")  # a body too large for the edge comes back to this form
BUSY_RETRY_SECONDS = 60


def may_upload(report: Report) -> bool:
    return report.contribution is None or report.contribution["status"] == "DRAFT"


def render(request: Request, templates: Jinja2Templates, report: Report, *, mode: str = "merge",
           errors: FormErrors | None = None, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    if errors is None and request.query_params.get("refused") == TOO_LARGE:
        limit = megabytes(request.app.state.settings.ingest_max_bytes)
        errors = FormErrors.one("file", IngestError(IngestErrorCode.TOO_LARGE, limit=limit).message)
    values: dict[str, Any] = report.context(request) | {
        "mode": mode, "errors": errors or FormErrors(), "may_upload": may_upload(report), "has_draft": report.contribution is not None}
    return templates.TemplateResponse(request, TEMPLATE, values, status_code=status, headers=headers)


async def upload(request: Request, templates: Jinja2Templates) -> Response:
    async with request.form(max_files=1, max_fields=4) as form:
        file, mode = form.get("file"), str(form.get("mode") or "")
        chosen = file if isinstance(file, UploadFile) and file.filename else None
        return await hold_for_sign_in(request, {"mode": mode}, chosen) or await send(request, templates, mode, chosen)


async def send(request: Request, templates: Jinja2Templates, mode: str, file: UploadFile | None) -> Response:
    """The upload as the person sent it: now, or once they have signed in again."""
    report = await load_report(request)
    if report is None:
        return not_found(request, templates)
    errors = FormErrors()
    if file is None:
        errors |= FormErrors.one("file", NO_FILE)
    if mode not in MODES:
        errors |= FormErrors.one("mode", NO_MODE)
    if not (errors or may_upload(report)):
        errors = FormErrors.one("file", SUBMITTED)
    if errors:
        return render(request, templates, report, mode=mode, errors=errors)
    payload = await run_mutation(request, "UploadReport", {"input": {"invitationId": report.id, "file": file, "mode": MODES[mode]}})
    if problems := payload["errors"]:
        busy = any(p.get("ingestCode") == "BUSY" for p in problems)
        headers = {"retry-after": str(BUSY_RETRY_SECONDS)} if busy else None
        return render(request, templates, report, mode=mode, errors=form_errors(problems, FIELDS, "file"),
                      status=503 if busy else 200, headers=headers)
    return RedirectResponse(f"/reports/{report.id}/uploads/{payload['upload']['id']}", status_code=303)
