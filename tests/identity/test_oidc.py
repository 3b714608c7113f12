"""Signing in through a real OpenID Connect provider on loopback (npm oidc-provider), driven through
its real redirects, login and consent forms."""

import os
from datetime import timedelta

import pytest
from joserfc import jwt
from joserfc.jwk import RSAKey
from sqlalchemy import select

from portal.identity.config import load_providers
from portal.identity.models import ProviderLink, SignInEvent, SignInSession
from portal.identity.oidc import OidcClients, Refused
from tests.support.mail import free_port
from tests.support.oidc import (
    CLIENT_ID,
    CLIENT_SECRET,
    ID_TOKEN_LIFETIME,
    LEEWAY_SECONDS,
    PROVIDER_ID,
    SECRET_ENV,
    Journey,
    follow,
    form_of,
    identity_file,
    oidc_browser,
    provider_now,
    sign_in_at_provider,
)
from tests.support.signing_in import me


@pytest.fixture(autouse=True)
def at_the_providers_time(frozen):
    """The portal's clock stands at the provider's instant, as a deployment's clocks agree (see tests/support/oidc.py)."""
    frozen.move_to(provider_now())
    return frozen


async def _events(database) -> list[tuple[str, str]]:
    async with database.session() as db:
        return [(e.kind, e.detail) for e in (await db.execute(select(SignInEvent).order_by(SignInEvent.id))).scalars()]


async def test_a_known_person_signs_in_and_is_linked_to_the_providers_subject(database, world, oidc_provider, tmp_path):
    async with oidc_browser(database, identity_file(tmp_path, oidc_provider.issuer)) as client:
        assert (await me(client)).status_code == 401
        journey = await sign_in_at_provider(client, "chair-a")
        assert journey.callback and "code=" in journey.callback and "state=" in journey.callback
        assert "You are signed in as Chair A." in journey.last.text  # the portal's own name, not the provider's
        assert (await me(client)).json() == {"data": {"me": {"name": "Chair A"}}}
    async with database.session() as db:
        link = (await db.execute(select(ProviderLink))).scalar_one()
        session = (await db.execute(select(SignInSession))).scalar_one()
    assert (link.provider_id, link.subject, link.person_id) == (PROVIDER_ID, "chair-a", world.chair_a)
    assert (session.person_id, session.method) == (world.chair_a, f"oidc:{PROVIDER_ID}")
    assert [kind for kind, _ in await _events(database)] == ["SIGNED_IN"]


async def test_after_the_link_the_subject_decides_not_the_address(database, world, oidc_provider, tmp_path):
    async with oidc_browser(database, identity_file(tmp_path, oidc_provider.issuer)) as client:
        assert "signed in as Chair A" in (await sign_in_at_provider(client, "chair-a")).last.text
    async with oidc_browser(database, identity_file(tmp_path, oidc_provider.issuer)) as other:
        # Another account at the provider that gives the chair's address does not become the chair.
        refused = (await sign_in_at_provider(other, "impostor")).last
        assert refused.status_code == 403 and "does not know you yet" in refused.text
        assert (await me(other)).status_code == 401
    assert ("UNKNOWN_PERSON", "LINKED_ELSEWHERE subject=impostor") in await _events(database)


async def test_an_address_is_matched_without_regard_to_case(database, world, oidc_provider, tmp_path):
    async with oidc_browser(database, identity_file(tmp_path, oidc_provider.issuer)) as client:
        await sign_in_at_provider(client, "gp1-author")
        assert (await me(client)).json() == {"data": {"me": {"name": "Gp1 Author"}}}


async def test_an_unknown_person_gets_a_plain_page_saying_who_to_ask(database, world, oidc_provider, tmp_path):
    async with oidc_browser(database, identity_file(tmp_path, oidc_provider.issuer)) as client:
        page = (await sign_in_at_provider(client, "somebody-new")).last
        assert page.status_code == 403
        assert "Loopback sign-in signed you in, but the portal has no record of you." in page.text
        assert "Ask the administrator at the local authority that invited you" in page.text
        assert (await me(client)).status_code == 401
    async with database.session() as db:
        assert (await db.execute(select(ProviderLink))).first() is None
    assert await _events(database) == [("UNKNOWN_PERSON", "UNKNOWN subject=somebody-new")]


async def test_an_address_the_provider_has_not_verified_does_not_link(database, world, oidc_provider, tmp_path):
    async with oidc_browser(database, identity_file(tmp_path, oidc_provider.issuer)) as client:
        assert (await sign_in_at_provider(client, "unverified-bs")).last.status_code == 403
        assert (await me(client)).status_code == 401
    assert await _events(database) == [("UNKNOWN_PERSON", "NOT_VERIFIED subject=unverified-bs")]


async def test_a_provider_for_other_organisations_does_not_admit_a_known_person(database, world, oidc_provider, tmp_path):
    identity = identity_file(tmp_path, oidc_provider.issuer, extra='las = ["westmarsh"]\norganisations = ["GP2"]\n')
    async with oidc_browser(database, identity) as client:
        page = (await sign_in_at_provider(client, "chair-a")).last
        assert page.status_code == 403 and "no record of you that may use Loopback sign-in" in page.text
        assert (await me(client)).status_code == 401
    identity = identity_file(tmp_path, oidc_provider.issuer, extra='las = ["easterby"]\n')
    async with oidc_browser(database, identity) as client:
        assert "signed in as Chair A" in (await sign_in_at_provider(client, "chair-a")).last.text


async def test_a_tampered_state_signs_nobody_in(database, world, oidc_provider, tmp_path):
    async with oidc_browser(database, identity_file(tmp_path, oidc_provider.issuer)) as client:
        journey = await sign_in_at_provider(client, "chair-a", stop_at_callback=True)
        tampered = journey.callback.replace("state=", "state=x")
        page = await client.get(tampered)
        assert page.status_code == 400 and "could not be completed, so nobody has been signed in" in page.text
        assert (await me(client)).status_code == 401
        # The untampered answer still works: the refusal spent nothing.
        assert (await client.get(journey.callback)).headers["location"] == "/"
    assert [e for e in await _events(database)][0] == ("PROVIDER_REFUSED", "state does not match the sign-in in progress")


async def test_a_state_from_another_browser_signs_nobody_in(database, world, oidc_provider, tmp_path):
    identity = identity_file(tmp_path, oidc_provider.issuer)
    async with oidc_browser(database, identity) as victim, oidc_browser(database, identity) as attacker:
        journey = await sign_in_at_provider(attacker, "chair-a", stop_at_callback=True)
        # The attacker's callback link, opened in a browser that did not start this sign-in.
        page = await victim.get(journey.callback)
        assert page.status_code == 400 and (await me(victim)).status_code == 401


async def test_a_replayed_code_is_refused_by_the_provider_and_signs_nobody_in(database, world, oidc_provider, tmp_path):
    async with oidc_browser(database, identity_file(tmp_path, oidc_provider.issuer)) as client:
        journey = await sign_in_at_provider(client, "chair-a", stop_at_callback=True)
        kept = {c.name: c.value for c in client.cookies.jar if c.domain.endswith("portal.test")}
        assert (await client.get(journey.callback)).headers["location"] == "/"
    async with oidc_browser(database, identity_file(tmp_path, oidc_provider.issuer)) as replayer:
        for name, value in kept.items():
            replayer.cookies.set(name, value, domain="portal.test")
        page = await replayer.get(journey.callback)
        assert page.status_code == 400 and "nobody has been signed in" in page.text
        assert (await me(replayer)).status_code == 401
    assert ("PROVIDER_REFUSED", "token endpoint: invalid_grant") in await _events(database)


async def test_an_id_token_for_another_audience_is_refused(database, world, oidc_provider, tmp_path):
    async with oidc_browser(database, identity_file(tmp_path, oidc_provider.issuer)) as client:
        with oidc_provider.issuing_for("some-other-application"):
            page = (await sign_in_at_provider(client, "chair-a")).last
        assert page.status_code == 400 and (await me(client)).status_code == 401
    assert ("PROVIDER_REFUSED", "ID token claim: Invalid claim: 'aud'") in await _events(database)


async def test_an_expired_id_token_is_refused_beyond_the_leeway(database, world, oidc_provider, tmp_path, at_the_providers_time):
    async with oidc_browser(database, identity_file(tmp_path, oidc_provider.issuer)) as client:
        journey = await sign_in_at_provider(client, "chair-a", stop_at_callback=True)
        # The portal's clock is ahead of the provider's by more than the token's lifetime and the leeway.
        at_the_providers_time.advance(ID_TOKEN_LIFETIME + timedelta(seconds=LEEWAY_SECONDS + 5))
        page = await client.get(journey.callback)
        assert page.status_code == 400 and (await me(client)).status_code == 401
    assert ("PROVIDER_REFUSED", "ID token expired (beyond the leeway)") in await _events(database)


async def test_a_clock_behind_the_provider_within_the_leeway_still_signs_in(database, world, oidc_provider, tmp_path, at_the_providers_time):
    async with oidc_browser(database, identity_file(tmp_path, oidc_provider.issuer)) as client:
        at_the_providers_time.advance(-timedelta(seconds=LEEWAY_SECONDS - 15))
        journey = await sign_in_at_provider(client, "chair-a", stop_at_callback=True)
        assert (await client.get(journey.callback)).headers["location"] == "/"


async def test_a_clock_behind_the_provider_beyond_the_leeway_refuses(database, world, oidc_provider, tmp_path, at_the_providers_time):
    async with oidc_browser(database, identity_file(tmp_path, oidc_provider.issuer)) as client:
        at_the_providers_time.advance(-timedelta(seconds=LEEWAY_SECONDS + 30))
        journey = await sign_in_at_provider(client, "chair-a", stop_at_callback=True)
        assert (await client.get(journey.callback)).status_code == 400
    assert ("PROVIDER_REFUSED", "ID token claim: The token was issued in the future") in await _events(database)


async def test_after_a_key_rotation_the_portal_fetches_the_new_keys(database, world, oidc_provider, tmp_path):
    async with oidc_browser(database, identity_file(tmp_path, oidc_provider.issuer)) as client:
        await sign_in_at_provider(client, "chair-a")
        assert (await me(client)).status_code == 200
        old = oidc_provider.kid()
        new = oidc_provider.rotate_keys()
        assert new != old and oidc_provider.kid() == new
        await client.post("/sign-out")
        # The same app still holds the old JWKS: the unknown kid makes it fetch the provider's keys again.
        journey = await sign_in_at_provider(client, "chair-a")
        assert "signed in as Chair A" in journey.last.text
        assert (await me(client)).status_code == 200


async def test_a_provider_that_does_not_answer_gets_a_plain_page_with_a_retry(database, world, tmp_path):
    async with oidc_browser(database, identity_file(tmp_path, f"http://127.0.0.1:{free_port()}")) as client:
        page = await client.get(f"/sign-in/oidc/{PROVIDER_ID}")
        assert page.status_code == 503 and "Sign-in is not working right now" in page.text
        assert f'href="/sign-in/oidc/{PROVIDER_ID}">Try again' in page.text
    assert [kind for kind, _ in await _events(database)] == ["PROVIDER_DOWN"]


async def test_an_unknown_provider_is_a_plain_not_found(database, world, oidc_provider, tmp_path):
    async with oidc_browser(database, identity_file(tmp_path, oidc_provider.issuer)) as client:
        assert (await client.get("/sign-in/oidc/nowhere")).status_code == 404
        assert (await client.get("/sign-in/oidc/nowhere/callback?code=x&state=y")).status_code == 404


async def test_the_sign_in_page_lists_the_provider(database, world, oidc_provider, tmp_path):
    async with oidc_browser(database, identity_file(tmp_path, oidc_provider.issuer)) as client:
        assert f'href="/sign-in/oidc/{PROVIDER_ID}">Loopback sign-in</a>' in (await client.get("/sign-in")).text


async def test_sign_out_ends_the_session_and_the_providers(database, world, oidc_provider, tmp_path):
    async with oidc_browser(database, identity_file(tmp_path, oidc_provider.issuer)) as client:
        await sign_in_at_provider(client, "chair-a")
        out = await client.post("/sign-out")
        assert out.status_code == 303
        location = out.headers["location"]
        assert location.startswith(f"{oidc_provider.issuer}/session/end?") and "post_logout_redirect_uri=https%3A%2F%2Fportal.test%2Fsigned-out" in location
        assert (await me(client)).status_code == 401
        # The provider asks to confirm, then sends the browser back to the portal's signed-out page.
        ended = await client.get(location)
        action, fields = form_of(ended)
        journey = await follow(client, await client.post(ended.url.join(action), data={**fields, "logout": "yes"}), Journey())
        assert str(journey.last.url) == "https://portal.test/signed-out" and "You have signed out" in journey.last.text
    async with database.session() as db:
        assert (await db.execute(select(SignInSession))).scalar_one().ended_at is not None


async def test_a_token_signed_with_a_key_the_provider_does_not_publish_is_refused_after_one_fresh_fetch(oidc_provider, tmp_path):
    os.environ[SECRET_ENV] = CLIENT_SECRET
    provider = load_providers(identity_file(tmp_path, oidc_provider.issuer)).get(PROVIDER_ID)
    now = int(provider_now().timestamp())
    forged = jwt.encode({"alg": "RS256", "kid": "not-the-providers"}, {
        "iss": oidc_provider.issuer, "aud": CLIENT_ID, "sub": "chair-a", "iat": now, "exp": now + 300, "nonce": "n",
    }, RSAKey.generate_key(2048))
    clients = OidcClients()
    with pytest.raises(Refused, match="a key the provider does not publish"):
        await clients.id_token_claims(provider, forged, "n")
    same_kid = jwt.encode({"alg": "RS256", "kid": oidc_provider.kid()}, {
        "iss": oidc_provider.issuer, "aud": CLIENT_ID, "sub": "chair-a", "iat": now, "exp": now + 300, "nonce": "n",
    }, RSAKey.generate_key(2048))
    with pytest.raises(Refused, match="ID token signature"):
        await clients.id_token_claims(provider, same_kid, "n")
