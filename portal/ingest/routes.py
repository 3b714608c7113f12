"""POST /invitations/{id}/upload: the plain form post for the web pages, running the same
upload as the uploadReport mutation, with the same actor resolution as /graphql."""

from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from portal.agencies import AgencyRegistry
from portal.api.context import Context
from portal.api.view import resolve_actor, sign_in_message
from portal.csrf import cross_site
from portal.db import Database
from portal.errors import ErrorCode, Problem
from portal.ingest.errors import IngestError, IngestErrorCode, megabytes
from portal.ingest.uploads import (
    FILE,
    FileProblem,
    IncomingFile,
    body_too_large,
    clean_file_name,
    ingest_worker,
    read_capped,
    upload_report,
)
from portal.readiness.notifier import Notifier
from portal.settings import Settings

STATUS = {ErrorCode.INVALID: 422, ErrorCode.NOT_FOUND: 404, ErrorCode.FORBIDDEN: 403, ErrorCode.CONFLICT: 409}
MODES = ("merge", "replace")


def _name(code: IngestErrorCode | None) -> str | None:
    """As the GraphQL IngestErrorCode enum spells it."""
    return code.name if code else None


def _errors(problems: tuple[Problem, ...] | list[Problem], status: int | None = None) -> JSONResponse:
    body = [
        {"path": list(p.path), "message": p.message, "code": p.code.value, "ingestCode": _name(getattr(p, "ingest_code", None))}
        for p in problems
    ]
    return JSONResponse({"errors": body}, status_code=status or STATUS[problems[0].code])


def upload_route(database: Database, agencies: AgencyRegistry, settings: Settings, notifier: Notifier) -> Route:
    async def upload(request: Request) -> Response:
        if cross_site(request):
            return _errors([Problem((), "Uploads are accepted only from the portal's own pages.", ErrorCode.FORBIDDEN)])
        worker = ingest_worker(request)
        if body_too_large(request, worker.limits.max_bytes):
            return _errors([FileProblem(FILE, IngestError(IngestErrorCode.TOO_LARGE, limit=megabytes(worker.limits.max_bytes)).message,
                                        ErrorCode.INVALID, IngestErrorCode.TOO_LARGE)], status=413)
        async with database.session() as session:
            actor = await resolve_actor(request, session, settings)
            await session.commit()
            if actor is None:
                return _errors([Problem((), sign_in_message(settings), ErrorCode.FORBIDDEN)], status=401)
            async with request.form(max_files=1, max_fields=4) as form:
                file, mode = form.get("file"), str(form.get("mode") or "merge")
                if not isinstance(file, UploadFile):
                    return _errors([Problem(FILE, "Choose a PDF of the report to upload.")])
                if mode not in MODES:
                    return _errors([Problem(("input", "mode"), "Choose whether to merge with the draft or replace it.")])
                incoming = IncomingFile(clean_file_name(file.filename), await read_capped(file, worker.limits.max_bytes))
            context = Context(
                actor=actor, session=session, agencies=agencies, settings=settings, rules=request.app.state.rules, request=request, notifier=notifier
            )
            outcome, problems = await upload_report(context, worker, request.path_params["invitation_id"], incoming, mode)  # type: ignore[arg-type]
        if outcome is None:
            return _errors(problems)
        return RedirectResponse(f"/invitations/{request.path_params['invitation_id']}", status_code=303)

    return Route("/invitations/{invitation_id}/upload", upload, methods=["POST"])
