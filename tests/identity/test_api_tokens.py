"""API tokens: an organisation's administrator creates and revokes them through the API; a clinical
system submits its GP report with one, end to end, and every refusal says what is wrong."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from portal import clock
from portal.accesslog.models import AccessLogEntry
from portal.enums import Role
from portal.identity.models import ApiToken
from portal.identity.people import add_person, suspend_person
from tests.support.contributions import REQUIRED_GP, sections
from tests.support.signing_in import browser, graphql, session_cookie

CREATE = """mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) {
  secret token { id name scopes organisationId expiresAt lastUsedAt revokedAt } errors { path message code } } }"""
REVOKE = "mutation($id: ID!) { revokeApiToken(input: {tokenId: $id}) { token { id revokedAt } errors { message code } } }"
TOKENS = "query($org: ID) { apiTokens(organisationId: $org) { id name scopes lastUsedAt revokedAt } }"
INVITATIONS = "{ myInvitations(first: 10) { nodes { id conference { id children { givenName nhsNumber } } } } }"
SAVE = """mutation($input: SaveDraftInput!) { saveDraft(input: $input) { contribution { id status } errors { path message code } } }"""
SUBMIT = """mutation($id: ID!) { submitContribution(input: {contributionId: $id}) { contribution { id status } errors { message code } } }"""
CONFERENCE = "query($id: ID!) { conference(id: $id) { id } }"


async def _admin(database, world, organisation: str = "gp1", role: Role = Role.ORG_ADMIN, la: str | None = None) -> int:
    async with database.session() as db:
        person = await add_person(db, name=f"{organisation} admin", email=f"{organisation}_admin@example.org", organisation_id=world.ids[organisation],
                                  roles=[(role, world.ids[la] if la else None)])
        await db.commit()
        return person.id


async def _create(client, cookies, **fields) -> dict:
    answer = await graphql(client, CREATE, {"input": {"name": "Riverside clinical system", "scopes": ["invitations:read", "contributions:write"], **fields}},
                           cookie="; ".join(f"{k}={v}" for k, v in cookies.items()))
    return answer.json()["data"]["createApiToken"]


def _bearer(secret: str) -> dict[str, str]:
    return {"authorization": f"Bearer {secret}"}


async def test_a_clinical_system_submits_a_gp_report_with_a_token(database, world):
    admin = await _admin(database, world)
    async with browser(database) as client:
        created = await _create(client, await session_cookie(database, admin))
        assert created["errors"] == [] and created["secret"].startswith("ptk_")
        token = created["token"]
        assert (token["name"], token["scopes"], token["organisationId"]) == ("Riverside clinical system", ["contributions:write", "invitations:read"], world.id("gp1"))
        secret = created["secret"]
    async with browser(database) as system:  # no cookies: the token alone
        invitations = (await graphql(system, INVITATIONS, **_bearer(secret))).json()["data"]["myInvitations"]["nodes"]
        assert [i["id"] for i in invitations] == [world.id("inv_gp1")]
        assert {c["nhsNumber"] for c in invitations[0]["conference"]["children"]} == {"9990000018", "9990000026"}
        saved = (await graphql(system, SAVE, {"input": {"invitationId": world.id("inv_gp1"), "sections": sections(REQUIRED_GP)}}, **_bearer(secret))).json()
        assert saved["data"]["saveDraft"]["errors"] == []
        contribution = saved["data"]["saveDraft"]["contribution"]["id"]
        submitted = (await graphql(system, SUBMIT, {"id": contribution}, **_bearer(secret))).json()["data"]["submitContribution"]
        assert submitted == {"contribution": {"id": contribution, "status": "SUBMITTED"}, "errors": []}
        # Relationship rules as for a person: the practice is not invited to the other council's conference.
        assert (await graphql(system, CONFERENCE, {"id": world.id("conf_b")}, **_bearer(secret))).json()["data"]["conference"] is None
    async with database.session() as db:
        stored = (await db.execute(select(ApiToken))).scalar_one()
        rows = (await db.execute(select(AccessLogEntry).where(AccessLogEntry.api_token_id.is_not(None)).order_by(AccessLogEntry.id))).scalars().all()
    assert secret not in stored.secret_hash and len(stored.secret_hash) == 64 and stored.last_used_at == clock.now()
    assert {(r.operation_name or r.fields[0], r.action, r.api_token_id, r.person_id) for r in rows} >= {
        ("saveDraft", "write", stored.id, admin), ("submitContribution", "write", stored.id, admin)}


async def test_the_secret_is_shown_once_and_tokens_are_listed_without_it(database, world):
    admin = await _admin(database, world)
    async with browser(database) as client:
        cookies = await session_cookie(database, admin)
        created = await _create(client, cookies)
        listed = (await graphql(client, TOKENS, cookie=f"__Host-portal-session={cookies['__Host-portal-session']}")).json()
        assert listed["data"]["apiTokens"] == [{"id": created["token"]["id"], "name": "Riverside clinical system",
                                                "scopes": ["contributions:write", "invitations:read"], "lastUsedAt": None, "revokedAt": None}]
        assert created["secret"] not in str(listed)


async def test_a_revoked_token_is_refused_with_a_clear_message(database, world):
    admin = await _admin(database, world)
    async with browser(database) as client:
        cookies = await session_cookie(database, admin)
        created = await _create(client, cookies)
        cookie = f"__Host-portal-session={cookies['__Host-portal-session']}"
        revoked = (await graphql(client, REVOKE, {"id": created["token"]["id"]}, cookie=cookie)).json()["data"]["revokeApiToken"]
        assert revoked["errors"] == [] and revoked["token"]["revokedAt"]
    async with browser(database) as system:
        refused = await graphql(system, INVITATIONS, **_bearer(created["secret"]))
        assert refused.status_code == 401
        assert refused.json()["errors"][0]["message"].startswith("This API token was revoked on 12 October 2026 at 09:00 UTC.")


async def test_an_expired_token_is_refused(database, world, frozen):
    admin = await _admin(database, world)
    async with browser(database) as client:
        created = await _create(client, await session_cookie(database, admin), expiresAt=(clock.now() + timedelta(days=30)).isoformat())
        assert created["errors"] == []
        assert (await graphql(client, INVITATIONS, **_bearer(created["secret"]))).status_code == 200
        frozen.advance(timedelta(days=30))
        refused = await graphql(client, INVITATIONS, **_bearer(created["secret"]))
        assert refused.status_code == 401 and refused.json()["errors"][0]["message"].startswith("This API token expired on 11 November 2026")


async def test_a_token_without_the_scope_is_refused_what_it_lacks(database, world):
    admin = await _admin(database, world)
    async with browser(database) as client:
        created = await _create(client, await session_cookie(database, admin), scopes=["invitations:read"])
        saved = (await graphql(client, SAVE, {"input": {"invitationId": world.id("inv_gp1"), "sections": sections(REQUIRED_GP)}},
                               **_bearer(created["secret"]))).json()["data"]["saveDraft"]
        assert saved == {"contribution": None, "errors": [{"path": ["input", "invitationId"], "code": "FORBIDDEN",
                                                           "message": "This API token's scopes do not allow this: it needs contributions:write."}]}
        # Nor may a token make tokens, whatever its scopes.
        made = (await graphql(client, CREATE, {"input": {"name": "x", "scopes": ["invitations:read"]}}, **_bearer(created["secret"]))).json()
        assert made["data"]["createApiToken"]["errors"][0]["message"] == "API tokens may not do this; a person must."
    async with database.session() as db:
        refused = (await db.execute(select(AccessLogEntry).where(AccessLogEntry.action == "refused"))).scalars().all()
    assert {r.api_token_id for r in refused} == {int(created["token"]["id"])}


async def test_a_suspended_administrators_tokens_stop_at_once(database, world):
    admin = await _admin(database, world)
    async with browser(database) as client:
        created = await _create(client, await session_cookie(database, admin))
        assert (await graphql(client, INVITATIONS, **_bearer(created["secret"]))).status_code == 200
        async with database.session() as db:
            await suspend_person(db, admin)
            await db.commit()
        refused = await graphql(client, INVITATIONS, **_bearer(created["secret"]))
        assert refused.status_code == 401
        assert refused.json()["errors"][0]["message"].startswith("This API token no longer works: the administrator who created it has been suspended.")


@pytest.mark.parametrize("secret", ["ptk_not-a-real-one", "not even the form", "ptk_" + "x" * 300])
async def test_an_unknown_token_is_refused(database, world, secret):
    async with browser(database) as client:
        refused = await graphql(client, INVITATIONS, **_bearer(secret))
        assert refused.status_code == 401 and refused.json()["errors"][0]["message"].startswith("This API token is not known to the portal.")


async def test_only_the_organisations_administrators_manage_its_tokens(database, world):
    gp2_admin = await _admin(database, world, "gp2")
    la_admin = await _admin(database, world, "social_a", Role.LA_ADMIN, "la_a")
    async with browser(database) as client:
        for person, organisation in ((gp2_admin, "gp1"), (world.gp1_author, "gp1"), (la_admin, "gp1"), (world.chair_a, "social_a")):
            made = await _create(client, await session_cookie(database, person), organisationId=world.id(organisation))
            assert made["token"] is None and made["secret"] is None
            assert made["errors"][0]["message"] == "Only the organisation's administrator (or its local authority's) may manage its API tokens."
        # An LA administrator manages the tokens of the LA's own organisations.
        made = await _create(client, await session_cookie(database, la_admin), organisationId=world.id("social_a"), name="Case system")
        assert made["errors"] == [] and made["token"]["organisationId"] == world.id("social_a")
        # Another organisation's administrator cannot revoke it, and learns nothing of it.
        cookie = f"__Host-portal-session={(await session_cookie(database, gp2_admin))['__Host-portal-session']}"
        revoked = (await graphql(client, REVOKE, {"id": made["token"]["id"]}, cookie=cookie)).json()["data"]["revokeApiToken"]
        assert revoked["token"] is None and revoked["errors"][0]["code"] == "NOT_FOUND"


@pytest.mark.parametrize(("fields", "message"), [
    ({"name": "  "}, "Give the token a name"),
    ({"scopes": []}, "Choose one or more scopes"),
    ({"scopes": ["everything"]}, "Choose one or more scopes"),
    ({"expiresAt": "2026-10-11T09:00:00+00:00"}, "The expiry must be in the future."),
    ({"organisationId": "99999"}, "No organisation with that id exists"),
    ({"organisationId": "x"}, "No organisation with that id exists"),
])
async def test_bad_token_input_is_refused_and_nothing_is_made(database, world, fields, message):
    admin = await _admin(database, world)
    async with browser(database) as client:
        made = await _create(client, await session_cookie(database, admin), **fields)
        assert made["token"] is None and made["errors"][0]["message"].startswith(message)
    async with database.session() as db:
        assert (await db.execute(select(ApiToken))).first() is None
