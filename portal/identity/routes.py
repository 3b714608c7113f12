"""The sign-in pages every method shares: the choice of methods, the signed-in home and signing out."""

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response

from portal.edge.cookies import clear_cookie
from portal.edge.middleware import actor_of, session_of
from portal.edge.routes import EdgeRoute
from portal.identity.cookies import SESSION_COOKIE, session_secret
from portal.identity.events import Event, record
from portal.identity.sessions import end_session
from portal.identity.signing_in import SignIn, client_address
from portal.unit_of_work import commit_identity_change

OIDC = "oidc:"


def wants_html(request: Request) -> bool:
    return "text/html" in request.headers.get("accept", "")


def sign_in_routes(sign_in: SignIn) -> list[EdgeRoute]:
    async def choose(request: Request) -> Response:
        return sign_in.page(request, "sign_in", providers=sign_in.providers.all())

    async def sign_out(request: Request) -> Response:
        """Ends the portal's session, then, for a provider with an end-session endpoint, sends the browser there to end the provider's too."""
        db = session_of(request)
        secret = session_secret(request)
        ended = await end_session(db, secret) if secret else None
        if ended is not None:
            record(db, Event.SIGNED_OUT, person_id=ended.person_id, method=ended.method, client_address=client_address(request))
        await commit_identity_change(db, request, ended.person_id if ended else None)
        provider = sign_in.providers.get(ended.method.removeprefix(OIDC)) if ended and ended.method.startswith(OIDC) else None
        after = f"{sign_in.base_url(request)}/signed-out"
        elsewhere = await sign_in.oidc.end_session_url(provider, after) if provider else None
        response = RedirectResponse(elsewhere, status_code=303) if elsewhere else sign_in.page(request, "signed_out")
        clear_cookie(response, request, SESSION_COOKIE)
        return response

    async def signed_out(request: Request) -> Response:
        return sign_in.page(request, "signed_out")

    return [
        EdgeRoute("/sign-in", choose, methods=["GET"]),
        EdgeRoute("/sign-out", sign_out, methods=["POST"]),
        EdgeRoute("/signed-out", signed_out, methods=["GET"]),
    ]


async def home(request: Request, sign_in: SignIn) -> Response:
    """Outside demo mode: who is signed in, or the way to sign in."""
    actor = actor_of(request)
    if actor is None:
        return RedirectResponse("/sign-in", status_code=303) if wants_html(request) else JSONResponse({"graphql": "/graphql", "signIn": "/sign-in"})
    return sign_in.page(request, "home", name=actor.name)
