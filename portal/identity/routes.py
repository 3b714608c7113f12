"""The sign-in pages every method shares: the choice of methods, the signed-in home and signing out."""

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response

from portal.edge.middleware import actor_of, session_of
from portal.edge.routes import EdgeRoute
from portal.identity.cookies import SESSION_COOKIE, clear_cookie
from portal.identity.events import Event, record
from portal.identity.sessions import end_session
from portal.identity.signing_in import SignIn, client_address


def wants_html(request: Request) -> bool:
    return "text/html" in request.headers.get("accept", "")


def sign_in_routes(sign_in: SignIn) -> list[EdgeRoute]:
    async def choose(request: Request) -> Response:
        return sign_in.page(request, "sign_in", providers=sign_in.providers.all())

    async def sign_out(request: Request) -> Response:
        db = session_of(request)
        secret = request.cookies.get(SESSION_COOKIE)
        person_id = await end_session(db, secret) if secret else None
        if person_id is not None:
            record(db, Event.SIGNED_OUT, person_id=person_id, client_address=client_address(request))
        await db.commit()
        response = sign_in.page(request, "signed_out")
        clear_cookie(response, request, SESSION_COOKIE)
        return response

    return [
        EdgeRoute("/sign-in", choose, methods=["GET"]),
        EdgeRoute("/sign-out", sign_out, methods=["POST"]),
    ]


async def home(request: Request, sign_in: SignIn) -> Response:
    """Outside demo mode: who is signed in, or the way to sign in."""
    actor = actor_of(request)
    if actor is None:
        return RedirectResponse("/sign-in", status_code=303) if wants_html(request) else JSONResponse({"graphql": "/graphql", "signIn": "/sign-in"})
    return sign_in.page(request, "home", name=actor.name)
