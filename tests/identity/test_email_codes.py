"""Signing in with an emailed code, through the real pages and a real SMTP server on loopback."""

import logging
import re
from datetime import timedelta

from sqlalchemy import select

from portal.identity.models import OneTimeCode, SignInEvent, SignInSession
from portal.identity.people import suspend_person
from tests.support.signing_in import ask_for_code, browser, code_sent_to, enter_code, me

CHAIR = "chair_a@example.org"


async def _events(database) -> list[tuple[str, str]]:
    async with database.session() as db:
        return [(e.kind, e.email) for e in (await db.execute(select(SignInEvent).order_by(SignInEvent.id))).scalars()]


async def _signed_in(client, inbox, email=CHAIR) -> None:
    assert (await ask_for_code(client, email)).headers["location"] == "/sign-in/code"
    signed_in = await enter_code(client, await code_sent_to(inbox, email))
    assert signed_in.status_code == 303 and signed_in.headers["location"] == "/"


async def test_a_known_address_gets_a_code_that_signs_in_with_a_session_cookie(database, world, inbox, smtp_port):
    async with browser(database, smtp_port=smtp_port, smtp_host="127.0.0.1") as client:
        assert (await me(client)).status_code == 401
        asked = await ask_for_code(client, "  Chair_A@Example.org ")
        assert asked.status_code == 303
        page = await client.get("/sign-in/code")
        assert "chair_a@example.org belongs to someone the portal knows" in page.text
        code = await code_sent_to(inbox, CHAIR)
        signed_in = await enter_code(client, code)
        cookie = signed_in.headers["set-cookie"]
        assert cookie.startswith("__Host-portal-session=") and "HttpOnly" in cookie and "Secure" in cookie and "SameSite=lax" in cookie and "Path=/" in cookie
        assert "Domain" not in cookie
        assert (await me(client)).json() == {"data": {"me": {"name": "Chair A"}}}
        assert "signed in as Chair A" in (await client.get("/", headers={"accept": "text/html"})).text
        secret = client.cookies["__Host-portal-session"]
    async with database.session() as db:
        stored = (await db.execute(select(SignInSession))).scalar_one()
        codes = (await db.execute(select(OneTimeCode))).scalars().all()
    assert stored.person_id == world.chair_a and secret not in stored.secret_hash and stored.method == "email-code"
    assert [c.code_hash for c in codes if code in c.code_hash] == [] and codes[0].used_at is not None
    assert await _events(database) == [("CODE_REQUESTED", CHAIR), ("SIGNED_IN", CHAIR)]


async def test_an_unknown_address_gets_the_same_answer_and_no_email(database, world, inbox, smtp_port):
    async with browser(database, smtp_port=smtp_port, smtp_host="127.0.0.1") as client:
        known, known_page = await ask_for_code(client, CHAIR), (await client.get("/sign-in/code")).text
        unknown, unknown_page = await ask_for_code(client, "nobody@example.org"), (await client.get("/sign-in/code")).text
        assert (known.status_code, known.headers["location"]) == (unknown.status_code, unknown.headers["location"])
        assert known_page.replace(CHAIR, "nobody@example.org") == unknown_page
        await code_sent_to(inbox, CHAIR)
        assert [m["To"] for m in inbox.messages] == [CHAIR]
        assert "There is a problem" in (await enter_code(client, "123456")).text
        assert (await me(client)).status_code == 401
    assert ("CODE_FOR_UNKNOWN_ADDRESS", "nobody@example.org") in await _events(database)


async def test_the_sign_in_log_lines_name_the_event_and_person_but_never_the_address(database, world, inbox, smtp_port, caplog):
    caplog.set_level(logging.INFO, logger="portal.sign_in")
    async with browser(database, smtp_port=smtp_port, smtp_host="127.0.0.1") as client:
        await _signed_in(client, inbox)
        await ask_for_code(client, "nobody@example.org")
    lines = [record.getMessage() for record in caplog.records if record.name == "portal.sign_in"]
    assert [line.split()[0] for line in lines] == ["CODE_REQUESTED", "SIGNED_IN", "CODE_FOR_UNKNOWN_ADDRESS"]
    assert f"person={world.chair_a}" in lines[1]
    assert not [line for line in lines if "@" in line or "chair_a" in line.lower() or "nobody" in line]
    assert ("CODE_FOR_UNKNOWN_ADDRESS", "nobody@example.org") in await _events(database)


async def test_a_code_works_once(database, world, inbox, smtp_port):
    async with browser(database, smtp_port=smtp_port, smtp_host="127.0.0.1") as first, browser(database, smtp_port=smtp_port, smtp_host="127.0.0.1") as second:
        await ask_for_code(first, CHAIR)
        second.cookies = first.cookies
        code = await code_sent_to(inbox, CHAIR)
        assert (await enter_code(first, code)).status_code == 303
        reused = await enter_code(second, code)
        assert reused.status_code == 200 and "expired or has been used" in reused.text
        assert (await me(second)).status_code == 401


async def test_a_code_for_another_address_does_not_sign_in(database, world, inbox, smtp_port):
    async with browser(database, smtp_port=smtp_port, smtp_host="127.0.0.1") as client:
        await ask_for_code(client, CHAIR)
        chairs_code = await code_sent_to(inbox, CHAIR)
        await ask_for_code(client, "bs_a@example.org")
        await code_sent_to(inbox, "bs_a@example.org")
        refused = await enter_code(client, chairs_code)
        assert refused.status_code == 200 and "not right" in refused.text
        assert (await me(client)).status_code == 401


async def test_a_code_expires_after_ten_minutes(database, world, inbox, smtp_port, frozen):
    async with browser(database, smtp_port=smtp_port, smtp_host="127.0.0.1") as client:
        await ask_for_code(client, CHAIR)
        code = await code_sent_to(inbox, CHAIR)
        frozen.advance(timedelta(minutes=10, seconds=1))
        refused = await enter_code(client, code)
        assert refused.status_code == 200 and "expired" in refused.text
        assert (await me(client)).status_code == 401


async def test_five_wrong_codes_end_the_code(database, world, inbox, smtp_port):
    async with browser(database, smtp_port=smtp_port, smtp_host="127.0.0.1") as client:
        await ask_for_code(client, CHAIR)
        code = await code_sent_to(inbox, CHAIR)
        wrong = f"{(int(code) + 1) % 10**6:06d}"
        answers = [await enter_code(client, wrong) for _ in range(5)]
        assert all(a.status_code == 200 for a in answers)
        assert "not right" in answers[3].text and "5 times" in answers[4].text
        late = await enter_code(client, code)
        assert "5 times" in late.text and (await me(client)).status_code == 401
    assert [kind for kind, _ in await _events(database)].count("CODE_REFUSED") == 6


async def test_codes_are_rate_limited_per_address_and_per_client(database, world, inbox, smtp_port):
    settings = {"smtp_port": smtp_port, "smtp_host": "127.0.0.1", "code_requests_per_address": "2/15 minutes", "code_requests_per_client": "4/15 minutes"}
    async with browser(database, **settings) as client:
        assert [(await ask_for_code(client, CHAIR)).status_code for _ in range(3)] == [303, 303, 429]
        # The client has asked three times; a fourth address is its last.
        assert [(await ask_for_code(client, f"someone{n}@example.org")).status_code for n in range(3)] == [303, 429, 429]
    assert [kind for kind, _ in await _events(database)].count("RATE_LIMITED") == 3


async def test_bad_input_gets_a_clear_answer(database, world, inbox, smtp_port):
    async with browser(database, smtp_port=smtp_port, smtp_host="127.0.0.1") as client:
        for typed in ("", "not an address", "a@b", "x" * 400 + "@example.org"):
            answer = await ask_for_code(client, typed)
            assert answer.status_code == 200 and "right format" in answer.text
        assert (await client.get("/sign-in/code")).headers["location"] == "/sign-in/email"
        assert (await enter_code(client, "123456")).headers["location"] == "/sign-in/email"
        await ask_for_code(client, CHAIR)
        for typed in ("", "12345", "abcdef", "1234567"):
            answer = await enter_code(client, typed)
            assert answer.status_code == 200 and "six-digit code" in answer.text
        assert (await enter_code(client, await code_sent_to(inbox, CHAIR))).status_code == 303


async def test_sessions_end_when_idle_at_their_lifetime_and_at_sign_out(database, world, inbox, smtp_port, frozen):
    async with browser(database, smtp_port=smtp_port, smtp_host="127.0.0.1") as client:
        await _signed_in(client, inbox)
        frozen.advance(timedelta(minutes=29))
        assert (await me(client)).status_code == 200
        frozen.advance(timedelta(minutes=30))
        assert (await me(client)).status_code == 401
    async with browser(database, smtp_port=smtp_port, smtp_host="127.0.0.1") as client:
        await _signed_in(client, inbox, "bs_a@example.org")
        for _ in range(29):
            frozen.advance(timedelta(minutes=20))
            assert (await me(client)).status_code == 200
        frozen.advance(timedelta(minutes=21))
        assert (await me(client)).status_code == 401
    async with browser(database, smtp_port=smtp_port, smtp_host="127.0.0.1") as client:
        await _signed_in(client, inbox, "sw_a@example.org")
        secret = client.cookies["__Host-portal-session"]
        out = await client.post("/sign-out")
        assert out.status_code == 200 and "signed out" in out.text and '__Host-portal-session=""' in out.headers["set-cookie"]
        client.cookies.set("__Host-portal-session", secret)
        assert (await me(client)).status_code == 401


async def test_a_suspended_person_is_stopped_mid_session(database, world, inbox, smtp_port):
    async with browser(database, smtp_port=smtp_port, smtp_host="127.0.0.1") as client:
        await _signed_in(client, inbox)
        async with database.session() as db:
            await suspend_person(db, world.chair_a)
            await db.commit()
        assert (await me(client)).status_code == 401
        assert (await ask_for_code(client, CHAIR)).status_code == 303
        await client.get("/sign-in/code")
    assert [m["To"] for m in inbox.messages] == [CHAIR]


async def test_over_plain_http_the_cookies_are_not_secure_and_so_not_named_host_only(database, world, inbox, smtp_port):
    """Browsers drop a `__Host-` cookie that is not Secure (httpx does not), and plain HTTP cannot be Secure."""
    async with browser(database, smtp_port=smtp_port, smtp_host="127.0.0.1") as client:
        client.base_url = "http://portal.test"
        asked = await ask_for_code(client, CHAIR)
        signed_in = await enter_code(client, await code_sent_to(inbox, CHAIR))
        assert signed_in.status_code == 303
        for cookie in asked.headers.get_list("set-cookie") + signed_in.headers.get_list("set-cookie"):
            assert cookie.startswith("portal-") and "Secure" not in cookie, cookie
        assert (await me(client)).json() == {"data": {"me": {"name": "Chair A"}}}


async def test_browsers_without_a_session_are_sent_to_sign_in(database, world):
    async with browser(database) as client:
        for path in ("/", "/invitations/1"):
            answer = await client.get(path, headers={"accept": "text/html"})
            assert (answer.status_code, answer.headers["location"]) == (303, "/sign-in")
        page = await client.get("/sign-in")
        assert page.status_code == 200 and 'href="/sign-in/email"' in page.text
        assert re.findall(r"<script[^>]*>", page.text) and all('src="/static/assets/' in tag for tag in re.findall(r"<script[^>]*>", page.text))
