"""Who belongs where: an LA administrator invites a professional through the API (an email with a
link, then sign-in by emailed code or OpenID Connect), changes roles and suspends; every change logged."""

import asyncio
import copy

import pytest
from sqlalchemy import select

from portal.accesslog.models import AccessLogEntry
from portal.enums import Role
from portal.identity.models import SignInEvent
from portal.identity.people import add_person
from portal.people.models import Person, PersonRole
from tests.support.oidc import identity_file, oidc_browser, provider_now, sign_in_at_provider
from tests.support.signing_in import ask_for_code, browser, code_sent_to, enter_code, graphql, me, session_cookie

INVITE = """mutation($input: InvitePersonInput!) { invitePerson(input: $input) { person { id name } emailSent errors { path message code } } }"""
ROLES = """mutation($input: SetPersonRolesInput!) { setPersonRoles(input: $input) { person { id } errors { path message code } } }"""
SUSPEND = """mutation($id: ID!) { suspendPerson(input: {personId: $id}) { person { id } errors { path message code } } }"""
INVITATIONS = "{ myInvitations(first: 5) { nodes { id } } }"
NEW_GP = "new.gp@example.org"


async def _la_admin(database, world, la: str = "la_a", organisation: str = "social_a") -> int:
    async with database.session() as db:
        person = await add_person(db, name=f"Admin {la}", email=f"admin_{la}@example.org", organisation_id=world.ids[organisation], roles=[(Role.LA_ADMIN, world.ids[la])])
        await db.commit()
        return person.id


def _cookie(cookies: dict[str, str]) -> dict[str, str]:
    return {"cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())}


def _invite(world, **fields) -> dict:
    return {"input": {"name": "New Gp", "email": NEW_GP, "organisationId": world.id("gp1"), "roles": [{"role": "CONTRIBUTOR"}], **fields}}


async def _invitation_link(inbox, address: str) -> str:
    for _ in range(200):
        for message in inbox.messages:
            if message["To"] == address and "invited" in message["Subject"]:
                return message.get_payload(decode=True).decode()
        await asyncio.sleep(0.02)
    raise AssertionError(f"no invitation reached {address}")


async def test_an_invited_professional_gets_an_email_and_signs_in_with_a_code(database, world, inbox, smtp_port):
    admin = await _la_admin(database, world)
    settings = {"smtp_port": smtp_port, "smtp_host": "127.0.0.1", "base_url": "https://portal.test"}
    async with browser(database, **settings) as client:
        invited = (await graphql(client, INVITE, _invite(world), **_cookie(await session_cookie(database, admin)))).json()["data"]["invitePerson"]
        assert invited["errors"] == [] and invited["emailSent"] is True and invited["person"]["name"] == "New Gp"
        body = await _invitation_link(inbox, NEW_GP)
        assert "Admin la_a has added you to the multi-agency conference portal for Riverside Surgery." in body
        assert "Sign in at https://portal.test/sign-in with this email address" in body
    async with browser(database, **settings) as invitee:
        await ask_for_code(invitee, NEW_GP)
        assert (await enter_code(invitee, await code_sent_to(inbox, NEW_GP))).headers["location"] == "/"
        assert (await me(invitee)).json() == {"data": {"me": {"name": "New Gp"}}}
        assert (await graphql(invitee, INVITATIONS)).json()["data"]["myInvitations"]["nodes"] == [{"id": world.id("inv_gp1")}]
    async with database.session() as db:
        events = (await db.execute(select(SignInEvent.kind, SignInEvent.email).order_by(SignInEvent.id))).all()
        logged = [(r.person_id, r.action) for r in (await db.execute(select(AccessLogEntry))).scalars() if r.fields == ["invitePerson"]]
    assert events[0] == ("INVITED", NEW_GP) and ("SIGNED_IN", NEW_GP) in events
    assert logged == [(admin, "write")]


async def test_an_invited_professional_signs_in_through_their_provider(database, world, oidc_provider, tmp_path, frozen):
    admin = await _la_admin(database, world)
    async with browser(database) as client:
        invited = (await graphql(client, INVITE, _invite(world), **_cookie(await session_cookie(database, admin)))).json()["data"]["invitePerson"]
        assert invited["errors"] == []
    frozen.move_to(provider_now())  # see tests/support/oidc.py
    async with oidc_browser(database, identity_file(tmp_path, oidc_provider.issuer)) as invitee:
        assert "You are signed in as New Gp." in (await sign_in_at_provider(invitee, "new-gp")).last.text


@pytest.mark.parametrize(("who", "fields", "code", "message"), [
    ("chair_a", {}, "FORBIDDEN", "Only an LA administrator may invite people"),
    ("admin", {"organisationId": "social_b"}, "FORBIDDEN", "Only an LA administrator may invite people"),
    ("admin", {"roles": [{"role": "CHAIR", "laId": "la_b"}]}, "FORBIDDEN", "You may grant CHAIR only in a local authority you administer."),
    ("admin", {"roles": [{"role": "AUDITOR"}]}, "FORBIDDEN", "An LA administrator may not grant AUDITOR across the region."),
    ("admin", {"email": "gp1_author@example.org"}, "INVALID", "Someone with that email address is already known to the portal."),
    ("admin", {"email": "not an address"}, "INVALID", "Enter an email address in the right format"),
    ("admin", {"organisationId": "999999"}, "NOT_FOUND", "No organisation with that id exists"),
])
async def test_an_invitation_that_may_not_be_made_adds_nobody(database, world, inbox, smtp_port, who, fields, code, message):
    admin = await _la_admin(database, world)
    fields = copy.deepcopy(fields)
    for key in ("organisationId",):
        if fields.get(key) in world.ids:
            fields[key] = world.id(fields[key])
    for role in fields.get("roles", []):
        if role.get("laId") in world.ids:
            role["laId"] = world.id(role["laId"])
    person = admin if who == "admin" else world.ids[who]
    async with browser(database, smtp_port=smtp_port, smtp_host="127.0.0.1") as client:
        answer = (await graphql(client, INVITE, _invite(world, **fields), **_cookie(await session_cookie(database, person)))).json()["data"]["invitePerson"]
    assert answer["person"] is None and answer["emailSent"] is False
    assert answer["errors"][0]["code"] == code and answer["errors"][0]["message"].startswith(message)
    async with database.session() as db:
        assert (await db.execute(select(Person).where(Person.email == NEW_GP))).first() is None
    assert [m for m in inbox.messages if "invited" in m["Subject"]] == []


async def test_a_suspended_person_stops_at_once_with_their_tokens(database, world):
    admin = await _la_admin(database, world)
    async with database.session() as db:
        gp_admin = (await add_person(db, name="Gp Admin", email="gp_admin@example.org", organisation_id=world.gp1, roles=[(Role.ORG_ADMIN, None)])).id
        await db.commit()
    gp_cookies = await session_cookie(database, gp_admin)
    async with browser(database) as client:
        created = (await graphql(client, """mutation { createApiToken(input: {name: "EHR", scopes: ["invitations:read"]}) { secret } }""",
                                 **_cookie(gp_cookies))).json()["data"]["createApiToken"]
        bearer = {"authorization": f"Bearer {created['secret']}"}
        assert (await graphql(client, INVITATIONS, **bearer)).status_code == 200
        answer = (await graphql(client, SUSPEND, {"id": str(gp_admin)}, **_cookie(await session_cookie(database, admin)))).json()["data"]["suspendPerson"]
        assert answer == {"person": {"id": str(gp_admin)}, "errors": []}
        assert (await graphql(client, "{ me { name } }", **_cookie(gp_cookies))).status_code == 401
        assert (await graphql(client, INVITATIONS, **bearer)).status_code == 401
    async with database.session() as db:
        assert ("SUSPENDED", gp_admin) in (await db.execute(select(SignInEvent.kind, SignInEvent.person_id))).all()


async def test_roles_are_changed_and_logged(database, world):
    admin = await _la_admin(database, world)
    cookies = _cookie(await session_cookie(database, admin))
    async with browser(database) as client:
        answer = (await graphql(client, ROLES, {"input": {"personId": world.id("chair_a2"), "roles": [{"role": "BUSINESS_SUPPORT", "laId": world.id("la_a")}]}},
                                **cookies)).json()["data"]["setPersonRoles"]
        assert answer["errors"] == []
        # Another council's people are not this administrator's.
        refused = (await graphql(client, ROLES, {"input": {"personId": world.id("chair_b"), "roles": []}}, **cookies)).json()["data"]["setPersonRoles"]
        assert refused["errors"][0]["code"] == "FORBIDDEN" and refused["errors"][0]["message"].startswith("You may administer only")
        mine = (await graphql(client, ROLES, {"input": {"personId": str(admin), "roles": []}}, **cookies)).json()["data"]["setPersonRoles"]
        assert mine["errors"][0]["message"] == "You cannot take away your own administrator role; ask another administrator."
        itself = (await graphql(client, SUSPEND, {"id": str(admin)}, **cookies)).json()["data"]["suspendPerson"]
        assert itself["errors"][0]["message"] == "You cannot suspend yourself; ask another administrator."
    async with database.session() as db:
        held = (await db.execute(select(PersonRole.role, PersonRole.la_id).where(PersonRole.person_id.in_([world.chair_a2, world.chair_b])).order_by(PersonRole.person_id))).all()
        events = (await db.execute(select(SignInEvent.kind, SignInEvent.person_id))).all()
    assert held == [("BUSINESS_SUPPORT", world.la_a), ("CHAIR", world.la_b)]
    assert events == [("ROLES_CHANGED", world.chair_a2)]
