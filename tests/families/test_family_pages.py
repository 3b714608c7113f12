"""The family's pages in-process: a parent signs in with an emailed code and reads the meeting about
their child; every other person, and the parent once their access has ended, gets "not found". The
social worker's and business support's page gives and ends access."""


from sqlalchemy import select

from portal.accesslog.models import AccessLogEntry
from portal.demo_identity import HEADER
from tests.support.families import MEMBER, separated_parents
from tests.support.people import EVERYONE
from tests.support.signing_in import ask_for_code, browser, code_sent_to, enter_code


async def get(api, path: str, person: int):
    return await api.client.get(path, headers={HEADER: str(person), "accept": "text/html"})


async def test_a_parent_signs_in_with_a_code_and_sees_the_meeting_about_their_child(api, world, database, inbox, smtp_port):
    await separated_parents(api, world, database)
    async with browser(database, smtp_port=smtp_port, smtp_host="127.0.0.1") as client:
        assert (await ask_for_code(client, "jodie@example.net")).status_code == 303
        signed_in = await enter_code(client, await code_sent_to(inbox, "jodie@example.net"))
        assert signed_in.status_code == 303
        home = await client.get("/", headers={"accept": "text/html"})
        assert 'href="/family"' in home.text
        listing = await client.get("/family", headers={"accept": "text/html"})
        assert listing.status_code == 200 and f'href="/family/conferences/{world.conf_a}"' in listing.text and "Maisie Ashdown" in listing.text
        meeting = await client.get(f"/family/conferences/{world.conf_a}", headers={"accept": "text/html"})
        assert meeting.status_code == 200 and "Chair A" in meeting.text and "Initial child protection conference" in meeting.text
        assert "Theo" not in meeting.text  # the mother was given access for Maisie only
    (message,) = [m for m in inbox.messages if m["To"] == "jodie@example.net"]
    assert "Maisie" not in message.as_string() and "Ashdown" not in message.as_string()


async def test_every_read_by_a_family_member_is_in_the_access_log(api, world, database):
    family = await separated_parents(api, world, database)
    await get(api, f"/family/conferences/{world.conf_a}", family.mother)
    async with database.session() as session:
        entries = (await session.execute(select(AccessLogEntry).where(AccessLogEntry.person_id == family.mother))).scalars().all()
    assert [e.operation_name for e in entries if e.action == "read"] == ["FamilyConferencePage"]
    assert [e.child_ids for e in entries if e.action == "read"] == [[world.child_a1]]


async def test_anyone_else_and_an_ended_parent_get_not_found(api, world, database):
    family = await separated_parents(api, world, database)
    meeting = f"/family/conferences/{world.conf_a}"
    for name in EVERYONE:
        refused = await get(api, meeting, getattr(world, name))
        assert refused.status_code == 404 and "Who chairs it" not in refused.text, name
        assert meeting not in (await get(api, "/family", getattr(world, name))).text, name
    for path in (f"/family/conferences/{world.conf_b}", "/family/conferences/x", "/family/conferences/0"):
        assert (await get(api, path, family.mother)).status_code == 404, path
    await api.mutate("endFamilyAccess", {"familyMemberId": family.father_access}, MEMBER, as_=world.sw_a)
    assert (await get(api, meeting, family.father)).status_code == 404
    assert (await get(api, meeting, family.mother)).status_code == 200


async def test_the_social_worker_gives_and_ends_access_on_the_family_page(api, world, database):
    family = await separated_parents(api, world, database)
    page = f"/conferences/{world.conf_a}/family"
    shown = await get(api, page, world.sw_a)
    assert shown.status_code == 200 and "jodie@example.net" in shown.text and "Do not share address or contact" in shown.text
    assert 'End access<span class="govuk-visually-hidden"> for ' in shown.text and "&lt;span" not in shown.text
    for name in ("chair_a", "chair_b", "bs_b", "gp1_author", "guardian_1"):
        assert (await get(api, page, getattr(world, name))).status_code == 404, name
    assert (await get(api, page, family.mother)).status_code == 404
    headers = {HEADER: str(world.bs_a)}
    unchosen = await api.client.post(f"{page}/grant", data={"email": "pat@example.net"}, headers=headers)
    assert unchosen.status_code == 200 and 'href="#person"' in unchosen.text and "pat@example.net" in unchosen.text
    bad = await api.client.post(f"{page}/grant", data={"person": family.mother_case, "email": "nope", "mobile": ""}, headers=headers)
    assert bad.status_code == 200 and 'href="#email"' in bad.text
    twice = await api.client.post(f"{page}/grant", data={"person": family.mother_case, "email": "jodie@example.net"}, headers=headers)
    assert twice.status_code == 200 and "already has access" in twice.text
    ended = await api.client.post(f"{page}/{family.father_access}/end", headers=headers)
    assert ended.status_code == 303 and ended.headers["location"] == f"{page}?done=ended"
    after = await get(api, ended.headers["location"], world.bs_a)
    assert "access ended" in after.text and "Anyone else’s access is unchanged" in after.text
    assert (await api.client.post(f"{page}/{family.father_access}/end", headers=headers)).status_code == 404
    assert (await api.client.post(f"{page}/{family.mother_access}/end", headers={HEADER: str(world.chair_b)})).status_code == 404
