"""/reports/{id}/uploads/{upload}: what an uploaded PDF put in the draft. Each section with the pages
it came from, what went to "other information", and the paragraphs placed with low confidence to
settle (DecidePlacement, one at a time or all kept where they are on accepting)."""

from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.templating import Jinja2Templates

from portal.edge.operations import run_mutation
from portal.ingest.draft import OTHER
from portal.pages.contributor_extras.report import Report
from portal.pages.forms import FormErrors, form_errors

TEMPLATE = "contributors/extras/review.html"
NOT_ON_LIST = "That paragraph is not on the list to check"
FIELDS = {("input", "sectionId"): "section", ("input", "item"): "section"}


def found_upload(report: Report, upload_id: str) -> dict[str, Any] | None:
    uploads = report.contribution["uploads"] if report.contribution else []
    return next((u for u in uploads if u["id"] == upload_id), None)


def render(request: Request, templates: Jinja2Templates, report: Report, upload: dict[str, Any], *,
           errors: FormErrors | None = None, status: int = 200) -> Response:
    assert report.contribution is not None
    pages = {s["sectionId"]: s["pages"] for s in upload["sectionPages"]}
    written = [s | {"pages": pages.get(s["id"], [])} for s in report.contribution["sections"] if s["text"]["source"].strip()]
    latest = report.contribution["uploads"][-1]["id"] == upload["id"]
    values: dict[str, Any] = report.context(request) | {
        "choices": {item["item"]: choices(report, item["sectionId"]) for item in upload["toReview"]},
        "upload": upload, "errors": errors or FormErrors(), "latest": latest,
        "sections_filled": [s for s in written if s["id"] != OTHER], "other": next((s for s in written if s["id"] == OTHER), None),
        "can_decide": latest and report.contribution["status"] == "DRAFT",
        "done": request.query_params.get("done"),
    }
    return templates.TemplateResponse(request, TEMPLATE, values, status_code=status)


def choices(report: Report, current: str) -> list[dict[str, Any]]:
    return [{"value": s["id"], "text": s["title"] + (" (keep here)" if s["id"] == current else ""), "selected": s["id"] == current}
            for s in report.sections]


def item_number(value: str) -> int | None:
    return int(value) if value.isascii() and value.isdigit() and len(value) <= 9 else None


async def decide(request: Request, templates: Jinja2Templates, report: Report, upload: dict[str, Any], fields: dict[str, str]) -> Response:
    item = item_number(fields.get("item", ""))
    if item is None or all(p["item"] != item for p in upload["toReview"]):
        return render(request, templates, report, upload, errors=FormErrors.one("check", NOT_ON_LIST))
    field = f"section-{item}"
    payload = await run_mutation(request, "DecidePlacement", {"input": {"uploadId": upload["id"], "item": item, "sectionId": fields.get("section", "")}})
    if payload["errors"]:
        errors = form_errors(payload["errors"], dict.fromkeys(FIELDS, field), field)
        return render(request, templates, report, upload, errors=errors)
    return RedirectResponse(f"/reports/{report.id}/uploads/{upload['id']}?done=checked#check", status_code=303)


async def accept(request: Request, templates: Jinja2Templates, report: Report, upload: dict[str, Any], fields: dict[str, str]) -> Response:
    """Keeps every paragraph still to check where the upload put it; the draft already holds the text."""
    for placement in upload["toReview"]:
        variables = {"input": {"uploadId": upload["id"], "item": placement["item"], "sectionId": placement["sectionId"]}}
        payload = await run_mutation(request, "DecidePlacement", variables)
        if payload["errors"]:
            field = f"section-{placement['item']}"
            return render(request, templates, report, upload, errors=form_errors(payload["errors"], {}, field))
    return RedirectResponse(f"/reports/{report.id}/uploads/{upload['id']}?done=accepted", status_code=303)
