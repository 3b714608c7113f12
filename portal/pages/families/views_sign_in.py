"""GET /views/start/{token}: the page the emailed link opens, asking for the code the child was given;
POST: a right code signs the child (or their advocate) in and goes to the questions; a wrong one counts
against the link, which stops after five; an unknown or expired link says to ask for a new one."""

import re

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from portal.edge.middleware import session_of
from portal.edge.routes import EdgeRoute
from portal.families.child_views import EXPIRED, WRONG_CODE, link_refusal, open_link
from portal.identity.cookies import set_session_cookie
from portal.identity.events import Event, record
from portal.identity.sessions import start_session
from portal.identity.signing_in import SignIn, client_address
from portal.unit_of_work import commit_identity_change

METHOD = "views-link"
BAD_CODE = "Type the six numbers of your code."
TOO_MANY_TRIES = "Too many codes have been typed. Wait 15 minutes, then try again."
TOKEN = re.compile(r"[A-Za-z0-9_-]{20,100}")


def views_sign_in_routes(sign_in: SignIn) -> list[EdgeRoute]:
    key = sign_in.settings.secret_key

    def page(request: Request, status_code: int = 200, error: str = "", stopped: bool = False) -> Response:
        return sign_in.templates.TemplateResponse(request, "families/views_code.html", {"error": error, "stopped": stopped}, status_code=status_code)

    async def form(request: Request) -> Response:
        token = request.path_params["token"]
        refusal = await link_refusal(session_of(request), token) if TOKEN.fullmatch(token) else EXPIRED
        return page(request, 404, refusal, stopped=True) if refusal else page(request)

    async def check(request: Request) -> Response:
        token = request.path_params["token"]
        if not TOKEN.fullmatch(token):
            return page(request, 404, EXPIRED, stopped=True)
        code = str((await request.form()).get("code", ""))[:50].strip().replace(" ", "")
        if not re.fullmatch(r"\d{6}", code):
            return page(request, error=BAD_CODE)
        db = session_of(request)
        client = client_address(request)
        if not await sign_in.limits.allow_code_check(client):
            record(db, Event.RATE_LIMITED, method=METHOD, client_address=client, detail="views code check")
            await commit_identity_change(db, request, None)
            return page(request, 429, TOO_MANY_TRIES)
        link, refusal = await open_link(db, key, token, code)
        if link is None or refusal is not None:
            record(db, Event.CODE_REFUSED, person_id=link.person_id if link else None, method=METHOD, client_address=client, detail=refusal or "")
            await commit_identity_change(db, request, link.person_id if link else None)
            return page(request, 404 if link is None else 200, refusal or EXPIRED, stopped=refusal != WRONG_CODE)
        secret = await start_session(db, link.person_id, METHOD, sign_in.policy, request.headers.get("user-agent", ""))
        record(db, Event.SIGNED_IN, person_id=link.person_id, method=METHOD, client_address=client)
        await commit_identity_change(db, request, link.person_id)
        response = RedirectResponse(f"/views/{link.id}", status_code=303)
        set_session_cookie(response, request, secret)
        return response

    return [
        EdgeRoute("/views/start/{token}", form, methods=["GET"]),
        EdgeRoute("/views/start/{token}", check, methods=["POST"]),
    ]
