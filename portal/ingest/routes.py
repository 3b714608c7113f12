"""POST /invitations/{id}/upload: an upload form for scripts, running the UploadReport mutation
in-process as the request's actor and answering with its errors as JSON, or a redirect. A browser's
form post (it asks for HTML) is sent on to the upload page's form, /reports/{id}/upload, which
answers with a page."""

import logging
from urllib.parse import quote

from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response

from portal.edge.context import require_actor
from portal.edge.operations import execute
from portal.edge.routes import OperationRoute
from portal.errors import ErrorCode
from portal.ids import parse_id
from portal.ingest.uploads import FILE

log = logging.getLogger(__name__)
STATUS = {ErrorCode.INVALID: 422, ErrorCode.NOT_FOUND: 404, ErrorCode.FORBIDDEN: 403, ErrorCode.CONFLICT: 409, ErrorCode.UNAVAILABLE: 503}
RETRY_AFTER_SECONDS = 60
MODES = {"merge": "MERGE", "replace": "REPLACE"}
NO_INVITATION = "No invitation with that id exists, or you may not see it."


def _refused(request: Request, errors: list[dict[str, object]]) -> JSONResponse:
    log.info("upload to %s refused: %s", request.url.path, errors[0]["message"])
    status = STATUS[ErrorCode(errors[0]["code"])]
    headers = {"retry-after": str(RETRY_AFTER_SECONDS)} if status == 503 else None
    return JSONResponse({"errors": errors}, status_code=status, headers=headers)


def _problem(path: tuple[str, ...], message: str, code: ErrorCode = ErrorCode.INVALID) -> dict[str, object]:
    return {"path": list(path), "message": message, "code": code.value, "ingestCode": None}


async def upload(request: Request) -> Response:
    if "text/html" in request.headers.get("accept", ""):
        # 307 keeps the POST and its body; the page route checks who is asking and answers with a page.
        return RedirectResponse(f"/reports/{quote(request.path_params['invitation_id'], safe='')}/upload", status_code=307)
    require_actor(request)
    invitation_id = parse_id(request.path_params["invitation_id"])
    if invitation_id is None:
        return _refused(request, [_problem(("input", "invitationId"), NO_INVITATION, ErrorCode.NOT_FOUND)])
    async with request.form(max_files=1, max_fields=4) as form:
        file, mode = form.get("file"), str(form.get("mode") or "merge")
        if not isinstance(file, UploadFile):
            return _refused(request, [_problem(FILE, "Choose a PDF of the report to upload.")])
        if mode not in MODES:
            return _refused(request, [_problem(("input", "mode"), "Choose whether to merge with the draft or replace it.")])
        result = await execute(request, "UploadReport", {"input": {"invitationId": str(invitation_id), "file": file, "mode": MODES[mode]}})
    if result.errors:
        raise RuntimeError(f"UploadReport failed: {result.errors[0].message}")
    assert result.data is not None
    if errors := result.data["uploadReport"]["errors"]:
        return _refused(request, errors)
    return RedirectResponse(f"/invitations/{invitation_id}", status_code=303)


def upload_route() -> OperationRoute:
    return OperationRoute("/invitations/{invitation_id}/upload", upload, operations=("UploadReport",), methods=["POST"])
