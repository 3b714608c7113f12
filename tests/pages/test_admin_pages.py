"""The LA administrator's pages in-process: people (invite, roles, suspend, last sign-in), organisations
(add one, its API tokens with the secret shown once, revoke), and the access log with its tamper check.
Every other role, and another council's administrator for this council's people and tokens, gets 404."""

import re

from sqlalchemy import select

from portal.demo_identity import HEADER
from portal.enums import PersonStatus, Role
from portal.identity.people import set_roles
from portal.people.models import Organisation, Person, PersonRole
from tests.support.access_log import tamper
from tests.support.administration import la_administrators

OTHERS = ("chair_a", "bs_a", "sw_a", "gp1_author", "guardian_1", "chair_b", "school_author")


async def get(api, path: str, person: int):
    return await api.client.get(path, headers={HEADER: str(person), "accept": "text/html"})


async def post(api, path: str, person: int, data: dict | None = None):
    return await api.client.post(path, data=data or {}, headers={HEADER: str(person), "accept": "text/html"})


async def test_people_are_listed_invited_given_roles_and_suspended(api, world, database):
    admin_a, _ = await la_administrators(database, world)
    listing = await get(api, "/admin/people", admin_a)
    assert listing.status_code == 200 and "Gp1 Author" in listing.text and "Chair B" not in listing.text and "Never signed in" in listing.text
    assert 'href="/admin/people"' in listing.text and "Administration" in listing.text
    searched = await get(api, "/admin/people?search=school", admin_a)
    assert "School Author" in searched.text and "Gp1 Author" not in searched.text

    assert (await get(api, "/admin/people/invite", admin_a)).status_code == 200
    nothing = await post(api, "/admin/people/invite", admin_a, {"name": "New Gp", "email": "new.gp@example.org", "organisation": world.id("gp1")})
    assert nothing.status_code == 200 and "<title>Error: " in nothing.text and 'href="#roles"' in nothing.text and 'value="new.gp@example.org"' in nothing.text
    taken = await post(api, "/admin/people/invite", admin_a, {"name": "New Gp", "email": "gp1_author@example.org", "organisation": world.id("gp1"), "roles": "CONTRIBUTOR"})
    assert taken.status_code == 200 and 'href="#email"' in taken.text and "already known to the portal" in taken.text
    long_name = await post(api, "/admin/people/invite", admin_a, {"name": "x" * 250, "email": "long@example.org", "organisation": world.id("gp1"), "roles": "CONTRIBUTOR"})
    assert long_name.status_code == 200 and 'href="#name"' in long_name.text
    invited = await post(api, "/admin/people/invite", admin_a, {"name": "New Gp", "email": "new.gp@example.org", "organisation": world.id("gp1"), "roles": "CONTRIBUTOR"})
    assert invited.status_code == 303 and re.fullmatch(r"/admin/people/\d+\?invited=(sent|not-sent)", invited.headers["location"])
    person = invited.headers["location"].split("/")[3].split("?")[0]
    page = await get(api, invited.headers["location"], admin_a)
    assert page.status_code == 200 and "New Gp" in page.text and "Riverside Surgery" in page.text

    roles = await post(api, f"/admin/people/{person}/roles", admin_a, {"roles": ["CONTRIBUTOR", "ORG_ADMIN"]})
    assert roles.status_code == 303 and roles.headers["location"] == f"/admin/people/{person}?done=roles"
    assert re.search(r'value="ORG_ADMIN" checked', (await get(api, roles.headers["location"], admin_a)).text)
    suspended = await post(api, f"/admin/people/{person}/suspend", admin_a)
    assert suspended.status_code == 303
    after = await get(api, suspended.headers["location"], admin_a)
    assert "is suspended" in after.text and "Suspended" in after.text
    async with database.session() as db:
        assert (await db.get(Person, int(person))).status == PersonStatus.SUSPENDED
    mine = await get(api, f"/admin/people/{admin_a}", admin_a)
    assert mine.status_code == 200 and "/suspend" not in mine.text


async def test_the_iro_service_roles_are_granted_on_the_page_and_a_save_keeps_roles_not_offered(api, world, database):
    admin_a, _ = await la_administrators(database, world)
    la_a = world.id("la_a")
    page = (await get(api, f"/admin/people/{world.sw_a}", admin_a)).text
    for role in ("TEAM_MANAGER", "SERVICE_MANAGER", "IRO_MANAGER", "HEAD_OF_SERVICE", "DIRECTOR"):
        assert f'value="{role}@{la_a}"' in page
    async with database.session() as db:
        await set_roles(db, world.sw_a, [(Role.SOCIAL_WORKER, int(la_a)), (Role.AUDITOR, None)])
        await db.commit()
    saved = await post(api, f"/admin/people/{world.sw_a}/roles", admin_a, {"roles": [f"SOCIAL_WORKER@{la_a}", f"TEAM_MANAGER@{la_a}"]})
    assert saved.status_code == 303
    async with database.session() as db:
        held = {(r.role, r.la_id) for r in (await db.execute(select(PersonRole).where(PersonRole.person_id == world.sw_a))).scalars()}
    assert held == {(Role.SOCIAL_WORKER, int(la_a)), (Role.TEAM_MANAGER, int(la_a)), (Role.AUDITOR, None)}
    assert re.search(rf'value="TEAM_MANAGER@{la_a}" checked', (await get(api, saved.headers["location"], admin_a)).text)


async def test_organisations_are_added_and_their_tokens_created_once_and_revoked(api, world, database):
    admin_a, _ = await la_administrators(database, world)
    listing = await get(api, "/admin/organisations", admin_a)
    assert listing.status_code == 200 and f'href="/admin/organisations/{world.social_a}/tokens"' in listing.text
    assert re.search(r'href="/admin/people" aria-current="true"', listing.text)  # the header's Administration link
    assert f"/admin/organisations/{world.gp1}/tokens" not in listing.text and f"/admin/organisations/{world.social_b}/tokens" not in listing.text
    unchosen = await post(api, "/admin/organisations/add", admin_a, {"name": "Castle Surgery", "code": "B81009"})
    assert unchosen.status_code == 200 and 'href="#kind"' in unchosen.text
    bad = await post(api, "/admin/organisations/add", admin_a, {"kind": "gp", "name": "Castle Surgery", "code": "81009"})
    assert bad.status_code == 200 and 'href="#code"' in bad.text and "ODS code" in bad.text and 'value="Castle Surgery"' in bad.text
    no_service = await post(api, "/admin/organisations/add", admin_a, {"kind": "service", "name": "Recovery"})
    assert no_service.status_code == 200 and 'href="#service"' in no_service.text
    added = await post(api, "/admin/organisations/add", admin_a, {"kind": "gp", "name": "Castle Surgery", "code": "B81009"})
    assert added.status_code == 303
    service = await post(api, "/admin/organisations/add", admin_a, {"kind": "service", "service": "police", "name": "Northmoor Police"})
    assert service.status_code == 303
    async with database.session() as db:
        found = {o.name: (o.agency_id, o.code) for o in (await db.execute(select(Organisation))).scalars()}
    assert found["Castle Surgery"] == ("gp", "B81009") and found["Northmoor Police"] == ("police", None)

    tokens = f"/admin/organisations/{world.social_a}/tokens"
    assert "no API tokens" in (await get(api, tokens, admin_a)).text
    unscoped = await post(api, tokens, admin_a, {"name": "Case system"})
    assert unscoped.status_code == 200 and 'href="#scopes"' in unscoped.text and 'value="Case system"' in unscoped.text
    created = await post(api, tokens, admin_a, {"name": "Case system", "scopes": ["invitations:read", "contributions:read"]})
    secret = re.search(r'<code class="app-secret" id="secret">(ptk_[^<]+)</code>', created.text)
    assert created.status_code == 200 and secret and "shown only this once" in created.text
    again = await get(api, tokens, admin_a)
    assert secret.group(1) not in again.text and "Case system" in again.text and "Never used" in again.text
    assert (await api.client.post("/graphql", json={"query": "{ me { name } }"}, headers={"authorization": f"Bearer {secret.group(1)}"})).status_code == 200
    token = re.search(r'id="token-(\d+)"', again.text).group(1)
    revoked = await post(api, f"{tokens}/{token}/revoke", admin_a)
    assert revoked.status_code == 303 and "Revoked" in (await get(api, revoked.headers["location"], admin_a)).text
    assert (await api.client.post("/graphql", json={"query": "{ me { name } }"}, headers={"authorization": f"Bearer {secret.group(1)}"})).status_code == 401
    for path in (f"/admin/organisations/{world.gp1}/tokens", f"/admin/organisations/{world.social_b}/tokens", "/admin/organisations/x/tokens"):
        assert (await get(api, path, admin_a)).status_code == 404, path


async def test_the_access_log_is_searched_and_verified(api, world, database):
    admin_a, _ = await la_administrators(database, world)
    await api("""query($id: ID!) { child(id: $id) { givenName } }""", {"id": world.id("child_a1")}, as_=world.chair_a)
    log = await get(api, "/admin/access-log", admin_a)
    assert log.status_code == 200 and "Chair A" in log.text and "Maisie Ashdown" in log.text
    assert "Maisie" in (await get(api, "/admin/access-log?child=Ashdown&person=chair", admin_a)).text
    assert "No rows match." in (await get(api, "/admin/access-log?child=Ashdown&person=nobody", admin_a)).text
    wrong = await get(api, "/admin/access-log?since-day=31&since-month=9&since-year=2026", admin_a)
    assert wrong.status_code == 200 and "<title>Error: " in wrong.text and "The first day must be a real date" in wrong.text
    backwards = await get(api, "/admin/access-log?since-day=12&since-month=10&since-year=2026&until-day=1&until-month=10&until-year=2026", admin_a)
    assert 'href="#until-day"' in backwards.text
    dated = await get(api, "/admin/access-log?since-day=12&since-month=10&since-year=2026&until-day=12&until-month=10&until-year=2026", admin_a)
    assert "Maisie Ashdown" in dated.text
    assert "No rows match." in (await get(api, "/admin/access-log?until-day=11&until-month=10&until-year=2026", admin_a)).text
    verified = await post(api, "/admin/access-log/verify", admin_a)
    assert verified.status_code == 200 and "The log is intact" in verified.text
    await tamper(database, "UPDATE access_log SET person_id = person_id WHERE 0 = 1", "DELETE FROM access_log WHERE id = (SELECT MIN(id) FROM access_log)")
    broken = await post(api, "/admin/access-log/verify", admin_a)
    assert "The log has been tampered with" in broken.text and "does not hold" in broken.text


async def test_nobody_else_reaches_the_administration_pages(api, world, database):
    admin_a, admin_b = await la_administrators(database, world)
    gets = ["/admin/people", "/admin/people/invite", f"/admin/people/{world.gp1_author}", "/admin/organisations", "/admin/organisations/add",
            f"/admin/organisations/{world.social_a}/tokens", "/admin/access-log"]
    posts = ["/admin/people/invite", f"/admin/people/{world.gp1_author}/roles", f"/admin/people/{world.gp1_author}/suspend", "/admin/organisations/add",
             f"/admin/organisations/{world.social_a}/tokens", f"/admin/organisations/{world.social_a}/tokens/1/revoke", "/admin/access-log/verify"]
    data = {"name": "Sneaky", "email": "sneaky@example.org", "organisation": world.id("gp1"), "roles": "LA_ADMIN@" + world.id("la_a"), "kind": "gp", "code": "C81001",
            "scopes": "contributions:read"}
    for name in OTHERS:
        person = world.ids[name]
        for path in gets:
            answer = await get(api, path, person)
            assert answer.status_code == 404 and "@example.org" not in answer.text, (name, path)
        for path in posts:
            assert (await post(api, path, person, data)).status_code == 404, (name, path)
        assert 'href="/admin/people"' not in (await get(api, "/reports", person)).text, name
    for path in (f"/admin/people/{world.chair_a}", f"/admin/organisations/{world.social_a}/tokens"):
        assert (await get(api, path, admin_b)).status_code == 404, path
    for path in (f"/admin/people/{world.chair_a}/roles", f"/admin/people/{world.chair_a}/suspend", f"/admin/organisations/{world.social_a}/tokens"):
        assert (await post(api, path, admin_b, data)).status_code == 404, path
    async with database.session() as db:
        assert (await db.execute(select(Person).where(Person.email == "sneaky@example.org"))).first() is None
        assert (await db.get(Person, world.chair_a)).status == PersonStatus.ACTIVE
        assert (await db.execute(select(Organisation).where(Organisation.code == "C81001"))).first() is None
