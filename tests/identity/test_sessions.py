"""One's own sessions: the list, ending one, signing out everywhere; and WebSocket subscriptions that
end when their session does."""

import asyncio
from datetime import timedelta

import pytest
from sqlalchemy import select
from websockets.exceptions import ConnectionClosed, InvalidStatus

from portal.accesslog.models import AccessLogEntry
from portal.edge.actors import ActorChain
from portal.edge.still_signed_in import SESSION_ENDED, still_signed_in
from portal.identity import load_actor
from portal.identity.models import SignInEvent
from portal.identity.people import suspend_person
from portal.identity.sessions import SessionPolicy, end_all_sessions, end_session
from portal.identity.sources import SessionCookieSource
from tests.support.servers import portal_server
from tests.support.signing_in import browser, graphql, session_cookie
from tests.support.wsclient import subscribe

SESSIONS = "{ mySessions { id method current expiresAt } }"
EVERYWHERE = "mutation { signOutEverywhere { ended errors { message } } }"
END = "mutation($id: ID!) { endSession(input: {sessionId: $id}) { session { id } errors { message code } } }"
ME = "{ me { name } }"
READINESS = "subscription($id: ID!) { readiness(conferenceId: $id) { conferenceId status } }"


def _cookie(cookies: dict[str, str]) -> dict[str, str]:
    return {"cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())}


async def test_a_person_lists_their_own_live_sessions(database, world, frozen):
    phone, laptop = await session_cookie(database, world.chair_a), await session_cookie(database, world.chair_a)
    await session_cookie(database, world.bs_a)
    ended = await session_cookie(database, world.chair_a)
    async with database.session() as db:
        await end_session(db, ended["__Host-portal-session"])
        await db.commit()
    async with browser(database) as client:
        listed = (await graphql(client, SESSIONS, **_cookie(laptop))).json()["data"]["mySessions"]
        assert len(listed) == 2 and [s["current"] for s in listed].count(True) == 1
        assert {s["method"] for s in listed} == {"test"}
        # A session left unused past the idle time is not listed, and no longer works.
        frozen.advance(timedelta(minutes=31))
        assert (await graphql(client, SESSIONS, **_cookie(phone))).status_code == 401


async def test_signing_out_everywhere_ends_every_session_at_once(database, world):
    phone, laptop = await session_cookie(database, world.chair_a), await session_cookie(database, world.chair_a)
    others = await session_cookie(database, world.bs_a)
    async with browser(database) as client:
        answer = (await graphql(client, EVERYWHERE, **_cookie(laptop))).json()["data"]["signOutEverywhere"]
        assert answer == {"ended": 2, "errors": []}
        for cookies in (phone, laptop):
            assert (await graphql(client, ME, **_cookie(cookies))).status_code == 401
        assert (await graphql(client, ME, **_cookie(others))).json() == {"data": {"me": {"name": "Bs A"}}}
    async with database.session() as db:
        assert (await db.execute(select(SignInEvent.kind, SignInEvent.person_id))).all() == [("SIGNED_OUT_EVERYWHERE", world.chair_a)]
        rows = (await db.execute(select(AccessLogEntry))).scalars().all()
    assert [(r.person_id, r.action) for r in rows if r.fields == ["signOutEverywhere"]] == [(world.chair_a, "write")]


async def test_ending_one_session_from_another(database, world):
    phone, laptop = await session_cookie(database, world.chair_a), await session_cookie(database, world.chair_a)
    async with browser(database) as client:
        listed = (await graphql(client, SESSIONS, **_cookie(laptop))).json()["data"]["mySessions"]
        other = next(s["id"] for s in listed if not s["current"])
        assert (await graphql(client, END, {"id": other}, **_cookie(laptop))).json()["data"]["endSession"] == {"session": {"id": other}, "errors": []}
        assert (await graphql(client, ME, **_cookie(phone))).status_code == 401
        assert (await graphql(client, ME, **_cookie(laptop))).status_code == 200


@pytest.mark.parametrize("whose", ["someone else's", "no such"])
async def test_nobody_ends_a_session_that_is_not_theirs(database, world, whose):
    mine, theirs = await session_cookie(database, world.chair_a), await session_cookie(database, world.bs_a)
    async with browser(database) as client:
        their_id = (await graphql(client, SESSIONS, **_cookie(theirs))).json()["data"]["mySessions"][0]["id"]
        answer = (await graphql(client, END, {"id": their_id if whose == "someone else's" else "999999"}, **_cookie(mine))).json()
        assert answer["data"]["endSession"]["errors"][0]["code"] == "NOT_FOUND"
        assert (await graphql(client, ME, **_cookie(theirs))).status_code == 200


async def test_a_suspended_person_is_stopped_mid_session(database, world):
    cookies = await session_cookie(database, world.chair_a)
    async with browser(database) as client:
        assert (await graphql(client, ME, **_cookie(cookies))).status_code == 200
        async with database.session() as db:
            await suspend_person(db, world.chair_a)
            await db.commit()
        assert (await graphql(client, ME, **_cookie(cookies))).status_code == 401


async def test_a_websocket_check_notices_an_idle_or_ended_session(database, world, frozen):
    cookies = await session_cookie(database, world.chair_a)
    scope = {"type": "websocket", "scheme": "wss", "server": ("portal.test", 443), "path": "/graphql", "headers": [(b"cookie", _cookie(cookies)["cookie"].encode())]}
    sources = ActorChain([SessionCookieSource(SessionPolicy())])
    async with database.session() as db:
        actor = await load_actor(db, world.chair_a)
    frozen.advance(timedelta(minutes=20))
    assert await still_signed_in(database, sources, scope, actor)
    # Asking again is not use: twenty more minutes and the session has been idle for forty.
    frozen.advance(timedelta(minutes=20))
    assert not await still_signed_in(database, sources, scope, actor)
    frozen.advance(timedelta(minutes=-40))
    assert await still_signed_in(database, sources, scope, actor)
    async with database.session() as db:
        await end_all_sessions(db, world.chair_a)
        await db.commit()
    assert not await still_signed_in(database, sources, scope, actor)


async def test_a_subscription_ends_when_its_session_is_signed_out(database_url, database, world):
    cookies = await session_cookie(database, world.chair_a, https=False)
    with portal_server(database_url, demo=False, session_recheck_seconds="0.2") as base:
        connection, subscription = await subscribe(base, None, READINESS, {"id": world.id("conf_a")}, headers=_cookie(cookies))
        try:
            first = await subscription.next()
            assert first["type"] == "next" and first["payload"]["data"]["readiness"]["conferenceId"] == world.id("conf_a")
            async with database.session() as db:
                await end_all_sessions(db, world.chair_a)
                await db.commit()
            with pytest.raises(ConnectionClosed) as closed:
                while True:
                    await asyncio.wait_for(connection.recv(), 10)
            assert closed.value.rcvd is not None and closed.value.rcvd.code == SESSION_ENDED
        finally:
            await connection.close()
        # The same cookie no longer opens one.
        with pytest.raises(InvalidStatus) as refused:
            await subscribe(base, None, READINESS, {"id": world.id("conf_a")}, headers=_cookie(cookies))
        assert refused.value.response.status_code == 403
