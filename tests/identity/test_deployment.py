"""A new deployment, started without PORTAL_DEMO as a real `portal serve` process, is signed into
through the loopback OpenID Connect provider and by an emailed code, over real HTTP."""

import httpx

from tests.support.mail import free_port
from tests.support.oidc import CLIENT_SECRET, SECRET_ENV, identity_file, loopback_provider, provider_now, sign_in_at_provider
from tests.support.servers import portal_server
from tests.support.signing_in import ask_for_code, code_sent_to, enter_code, me


async def test_a_real_server_without_demo_mode_signs_people_in_both_ways(database_url, world, frozen, tmp_path, inbox, smtp_port, monkeypatch):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    # The server's clock stands at the provider's instant (see tests/support/oidc.py).
    frozen.move_to(provider_now())
    monkeypatch.setenv(SECRET_ENV, CLIENT_SECRET)
    with loopback_provider(base) as provider, portal_server(
        database_url, demo=False, port=port, base_url=base, identity_file=str(identity_file(tmp_path, provider.issuer)),
        smtp_host="127.0.0.1", smtp_port=str(smtp_port),
    ) as served:
        assert served == base
        async with httpx.AsyncClient(base_url=base, timeout=10) as nobody:
            assert (await me(nobody)).status_code == 401
            assert (await nobody.get("/", headers={"accept": "text/html"})).headers["location"] == "/sign-in"
        async with httpx.AsyncClient(base_url=base, timeout=10) as chair:
            assert "You are signed in as Chair A." in (await sign_in_at_provider(chair, "chair-a")).last.text
            assert (await me(chair)).json() == {"data": {"me": {"name": "Chair A"}}}
        async with httpx.AsyncClient(base_url=base, timeout=10) as gp:
            assert (await ask_for_code(gp, "gp1_author@example.org")).headers["location"] == "/sign-in/code"
            assert (await enter_code(gp, await code_sent_to(inbox, "gp1_author@example.org"))).headers["location"] == "/"
            assert (await me(gp)).json() == {"data": {"me": {"name": "Gp1 Author"}}}
