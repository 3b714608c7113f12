"""Signing in through an OpenID Connect provider: /sign-in/oidc/{provider} sends the browser to the
provider with a fresh state, nonce and PKCE challenge (kept in the signed sign-in-in-progress
cookie); the provider sends it back to /sign-in/oidc/{provider}/callback."""

import logging
import secrets

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from portal.edge.middleware import session_of
from portal.edge.routes import EdgeRoute
from portal.identity.config import Provider
from portal.identity.cookies import pending, set_pending
from portal.identity.events import Event, record
from portal.identity.linking import Unlinked, find_person
from portal.identity.oidc import ProviderDown, Refused
from portal.identity.signing_in import SignIn, client_address, finish_sign_in
from portal.unit_of_work import commit_identity_change

log = logging.getLogger(__name__)

DOWN = "{name} did not answer. This is usually brief."
START_AGAIN = "This sign-in could not be completed, so nobody has been signed in. Start again from the sign-in page."
REFUSED_BY_PROVIDER = "{name} did not sign you in ({error}). Start again from the sign-in page."


def method(provider: Provider) -> str:
    return f"oidc:{provider.id}"


def oidc_routes(sign_in: SignIn) -> list[EdgeRoute]:
    key = sign_in.settings.secret_key

    def callback_url(request: Request, provider: Provider) -> str:
        return f"{sign_in.base_url(request)}/sign-in/oidc/{provider.id}/callback"

    def unknown_provider(request: Request) -> Response:
        return sign_in.page(request, "not_signed_in", 404, title="No such way to sign in",
                            message="The portal has no sign-in provider of that name.")

    async def down(request: Request, provider: Provider, error: ProviderDown) -> Response:
        log.warning("provider %s down: %s", provider.id, error)
        db = session_of(request)
        record(db, Event.PROVIDER_DOWN, method=method(provider), client_address=client_address(request), detail=str(error))
        await commit_identity_change(db, request, None)
        return sign_in.page(request, "provider_down", 503, message=DOWN.format(name=provider.name), retry=f"/sign-in/oidc/{provider.id}")

    async def refused(request: Request, provider: Provider, reason: str, message: str = START_AGAIN) -> Response:
        db = session_of(request)
        record(db, Event.PROVIDER_REFUSED, method=method(provider), client_address=client_address(request), detail=reason)
        await commit_identity_change(db, request, None)
        return sign_in.page(request, "not_signed_in", 400, title="You have not been signed in", message=message)

    async def start(request: Request) -> Response:
        provider = sign_in.providers.get(request.path_params["provider"])
        if provider is None:
            return unknown_provider(request)
        try:
            started = await sign_in.oidc.start(provider, callback_url(request, provider))
        except ProviderDown as error:
            return await down(request, provider, error)
        response = RedirectResponse(started.url, status_code=303)
        set_pending(response, request, key, provider=provider.id, state=started.state, nonce=started.nonce, verifier=started.verifier)
        return response

    async def callback(request: Request) -> Response:
        provider = sign_in.providers.get(request.path_params["provider"])
        if provider is None:
            return unknown_provider(request)
        values = pending(request, key)
        params = request.query_params
        if values.get("provider") != provider.id or not secrets.compare_digest(params.get("state", "").encode(), str(values.get("state", "")).encode()):
            return await refused(request, provider, "state does not match the sign-in in progress")
        if "error" in params:
            error = params.get("error", "")[:80]
            return await refused(request, provider, f"provider answered {error}", REFUSED_BY_PROVIDER.format(name=provider.name, error=error))
        if not params.get("code"):
            return await refused(request, provider, "no code")
        try:
            claims = await sign_in.oidc.finish(provider, callback_url(request, provider), params["code"], values["verifier"], values["nonce"])
        except ProviderDown as error:
            return await down(request, provider, error)
        except Refused as error:
            return await refused(request, provider, error.reason)
        db = session_of(request)
        found = await find_person(db, provider, claims)
        if found.person_id is None:
            record(db, Event.UNKNOWN_PERSON, email=found.email, method=method(provider), client_address=client_address(request),
                   detail=f"{found.unlinked} subject={found.subject}")
            await commit_identity_change(db, request, None)
            return sign_in.page(request, "unknown_person", 403, provider=provider.name, allowed=found.unlinked != Unlinked.NOT_ADMITTED)
        return await finish_sign_in(request, db, sign_in, found.person_id, method(provider), found.email)

    return [
        EdgeRoute("/sign-in/oidc/{provider}", start, methods=["GET"]),
        EdgeRoute("/sign-in/oidc/{provider}/callback", callback, methods=["GET"]),
    ]
