"""A form post that arrives after the person's sign-in has ended loses nothing: its fields are held
for the person the ended session named (portal.held_forms), they are sent to sign in, and signing in
again as that person sends the post on (/held/resume) and brings them back to the page with a
banner. An upload is held with its file. Anyone else who signs in on that browser gets nothing of it."""

from collections.abc import Awaitable, Callable, Sequence
from io import BytesIO
from urllib.parse import urlsplit, urlunsplit

from starlette.datastructures import Headers, UploadFile
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Match, Route
from starlette.templating import Jinja2Templates

from portal.edge.context import require_actor
from portal.edge.middleware import actor_of, session_of
from portal.edge.routes import EdgeRoute, OperationRoute
from portal.held_forms.cookie import RESUME, clear_held, held_token, set_held
from portal.held_forms.store import Held, HeldFile, Posted, hold, session_owner, take
from portal.identity.cookies import session_secret
from portal.unit_of_work import commit_held_form

Send = Callable[[Request, Posted], Awaitable[Response]]
SAVED = "saved"
SHOWN = "shown"


def held_notice(request: Request) -> str | None:
    """Which banner the page shows: the held post was saved, or it is shown again with what was wrong."""
    if request.query_params.get("held") == SAVED:
        return SAVED
    return SHOWN if getattr(request.state, "held", False) else None


def uploaded(file: HeldFile) -> UploadFile:
    """A held file as the upload form's post brings one."""
    return UploadFile(BytesIO(file.data), size=len(file.data), filename=file.name, headers=Headers({"content-type": file.content_type}))


async def hold_for_sign_in(request: Request, fields: dict[str, str], file: UploadFile | None = None) -> Response | None:
    """For a post whose session has ended: hold its fields (and file) and send the person to sign in.
    None when someone is signed in, or no session names who posted it (then it is refused as any other)."""
    if actor_of(request) is not None or not (secret := session_secret(request)):
        return None
    db = session_of(request)
    person_id = await session_owner(db, secret)
    if person_id is None:
        return None
    held_file = HeldFile((file.filename or "")[:300], (file.content_type or "")[:200], await file.read()) if file is not None else None
    token = await hold(db, person_id, request.url.path, Posted(fields, held_file))
    await commit_held_form(db, request, person_id)
    response = RedirectResponse("/sign-in", status_code=303)
    set_held(response, request, request.app.state.settings.secret_key, token)
    return response


def with_banner(response: Response) -> Response:
    if isinstance(response, RedirectResponse):
        parts = urlsplit(response.headers["location"])
        query = f"{parts.query}&held={SAVED}" if parts.query else f"held={SAVED}"
        response.headers["location"] = urlunsplit(parts._replace(query=query))
    return response


def resume_routes(templates: Jinja2Templates, forms: Sequence[tuple[Route, Send]], operations: Sequence[str]) -> list[Route]:
    async def confirm(request: Request) -> Response:
        """Arriving by a GET (after an identity provider's redirect): one button sends the post on."""
        return templates.TemplateResponse(request, "contributors/extras/resume.html", {})

    async def send_on(request: Request, held: Held) -> Response:
        for route, send in forms:
            match, child = route.matches({"type": "http", "path": held.path, "method": "POST"})
            if match == Match.FULL:
                request.scope["path_params"] = child["path_params"]
                request.state.held = True
                return with_banner(await send(request, held.posted))
        return RedirectResponse("/", status_code=303)

    async def resume(request: Request) -> Response:
        actor = require_actor(request)
        token = held_token(request, request.app.state.settings.secret_key)
        held = None
        if token is not None:
            db = session_of(request)
            held = await take(db, token)
            await commit_held_form(db, request, actor.person_id)
        if held is not None and held.person_id == actor.person_id:
            response = await send_on(request, held)
        else:
            response = RedirectResponse("/", status_code=303)
        clear_held(response, request)
        return response

    return [EdgeRoute(RESUME, confirm, methods=["GET"]), OperationRoute(RESUME, resume, operations=tuple(operations), methods=["POST"])]
