"""POST /invitations/{id}/placements: the review list's form, running the DecidePlacement mutation
in-process as the request's actor; back to the invitation page, or a page saying what was wrong."""

import logging

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.templating import Jinja2Templates

from portal.edge.context import require_actor
from portal.edge.operations import execute
from portal.edge.routes import OperationRoute
from portal.errors import ErrorCode
from portal.ids import parse_id

log = logging.getLogger(__name__)
STATUS = {ErrorCode.INVALID: 422, ErrorCode.NOT_FOUND: 404, ErrorCode.FORBIDDEN: 403, ErrorCode.CONFLICT: 409}
NOT_FOUND = "There is no invitation with that number, or it is not one you may see."
NO_SECTION = "Choose the section the paragraph belongs in, then save."
NO_ITEM = "That paragraph is not on the list to check."


def placements_route(templates: Jinja2Templates) -> OperationRoute:
    def refused(request: Request, message: str, status: int, invitation_id: int | None) -> Response:
        log.info("placement decision at %s refused: %s", request.url.path, message)
        back = f"/invitations/{invitation_id}" if invitation_id else None
        return templates.TemplateResponse(
            request, "message.html", {"title": "The paragraph was not moved", "message": message, "back": back}, status_code=status)

    async def decide(request: Request) -> Response:
        require_actor(request)
        invitation_id = parse_id(request.path_params["invitation_id"])
        if invitation_id is None:
            return refused(request, NOT_FOUND, 404, None)
        async with request.form(max_files=0, max_fields=4) as form:
            upload, item, section = (str(form.get(k) or "") for k in ("upload", "item", "section"))
        number = int(item) if item.isascii() and item.isdigit() and len(item) <= 9 else None
        if number is None or not upload:
            return refused(request, NO_ITEM, 404, invitation_id)
        if not section:
            return refused(request, NO_SECTION, 422, invitation_id)
        result = await execute(request, "DecidePlacement", {"input": {"uploadId": upload, "item": number, "sectionId": section}})
        if result.errors:
            raise RuntimeError(f"DecidePlacement failed: {result.errors[0].message}")
        assert result.data is not None
        if errors := result.data["decidePlacement"]["errors"]:
            return refused(request, errors[0]["message"], STATUS[ErrorCode(errors[0]["code"])], invitation_id)
        return RedirectResponse(f"/invitations/{invitation_id}#check", status_code=303)

    return OperationRoute("/invitations/{invitation_id}/placements", decide, operations=("DecidePlacement",), methods=["POST"])
