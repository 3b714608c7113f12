"""After the meeting: the family sees when it was held and the next review, and tells us what helped and what
we should do differently, as may the child who gave their views; the head of service and the IRO manager
read the counts and the comments, without names; anyone else, another meeting or bad input: refused, nothing stored."""

import re

from sqlalchemy import func, select

from portal.families.models import MeetingFeedback
from tests.history.conftest import add_managers
from tests.support.child_views import send_link
from tests.support.families import person_of, separated_parents
from tests.support.people import EVERYONE

SENT = "sentAt"
SUMMARY = """query($la: ID!) { meetingFeedback(laId: $la) { responses fromFamily fromChildren conferences comments { helped differently fromChild } } }"""


def as_(person: int) -> dict[str, str]:
    return {"x-portal-demo-person": str(person), "accept": "text/html"}


async def held(api, world) -> None:
    done = await api.mutate("recordConferenceHeld", {"conferenceId": world.id("conf_a"), "heldOn": "2026-10-12"}, "conference { id }", as_=world.bs_a)
    assert not done["errors"], done


async def stored(database) -> int:
    async with database.session() as session:
        return (await session.execute(select(func.count()).select_from(MeetingFeedback))).scalar_one()


async def test_the_family_sees_the_meeting_held_and_tells_us_how_it_went(api, world, database):
    family = await separated_parents(api, world, database)
    meeting = f"/family/conferences/{world.conf_a}"
    before = await api.client.get(meeting, headers=as_(family.mother))
    assert "After the meeting" not in before.text
    refused = await api.mutate("sendMeetingFeedback", {"conferenceId": world.id("conf_a"), "helped": "Early."}, SENT, as_=family.mother)
    assert refused["errors"][0]["code"] == "NOT_FOUND" and await stored(database) == 0  # not held yet
    await held(api, world)
    after = await api.client.get(meeting, headers=as_(family.mother))
    assert "After the meeting" in after.text and "12 October 2026" in after.text and "Next review by" in after.text
    assert f'href="/feedback/{world.conf_a}"' in after.text
    form = f"/feedback/{world.conf_a}"
    empty = await api.client.post(form, data={}, headers=as_(family.mother))
    assert empty.status_code == 200 and "Tell us what helped, what we should do differently, or both." in empty.text
    long = await api.client.post(form, data={"helped": "a" * 2500, "differently": "Shorter reports."}, headers=as_(family.mother))
    assert "at most 2,000 characters. It is 2,500." in long.text and "Shorter reports." in long.text
    assert await stored(database) == 0
    sent = await api.client.post(form, data={"helped": "Reading the reports first.", "differently": "Start on time."}, headers=as_(family.mother))
    assert sent.status_code == 303 and sent.headers["location"] == f"{form}?sent=1"
    assert await stored(database) == 1


async def test_the_child_who_gave_their_views_may_tell_us_too_and_no_one_else(api, world, database):
    family = await separated_parents(api, world, database)
    assert not (await send_link(api, world))["errors"]
    child = await person_of(database, "young.person@example.org")
    await held(api, world)
    listing = await api.client.get("/family", headers=as_(child))
    assert f'href="/feedback/{world.conf_a}"' in listing.text
    sent = await api.mutate("sendMeetingFeedback", {"conferenceId": world.id("conf_a"), "helped": "My nan came."}, SENT, as_=child)
    assert sent["sentAt"] and not sent["errors"]
    for name in EVERYONE:
        person = getattr(world, name)
        refused = await api.mutate("sendMeetingFeedback", {"conferenceId": world.id("conf_a"), "helped": "x"}, SENT, as_=person)
        assert refused["sentAt"] is None and refused["errors"][0]["code"] == "NOT_FOUND", name
        assert (await api.client.get(f"/feedback/{world.conf_a}", headers=as_(person))).status_code == 404, name
    other = await api.mutate("sendMeetingFeedback", {"conferenceId": world.id("conf_b"), "helped": "x"}, SENT, as_=family.mother)
    assert other["errors"][0]["code"] == "NOT_FOUND"
    assert (await api.client.get(f"/feedback/{world.conf_b}", headers=as_(family.mother))).status_code == 404
    async with database.session() as session:
        (kept,) = (await session.execute(select(MeetingFeedback))).scalars().all()
    assert kept.from_child is True and kept.helped == "My nan came."


async def test_the_head_of_service_reads_what_families_and_children_told_us(api, world, database):
    managers = await add_managers(database, world)
    family = await separated_parents(api, world, database)
    await send_link(api, world)
    child = await person_of(database, "young.person@example.org")
    await held(api, world)
    await api.mutate("sendMeetingFeedback", {"conferenceId": world.id("conf_a"), "helped": "Reading the reports first."}, SENT, as_=family.mother)
    await api.mutate("sendMeetingFeedback", {"conferenceId": world.id("conf_a"), "differently": "Ask me first."}, SENT, as_=child)
    for name in ("hos_a", "irom_a"):
        found = (await api(SUMMARY, {"la": world.id("la_a")}, as_=managers[name]))["meetingFeedback"]
        assert {k: found[k] for k in ("responses", "fromFamily", "fromChildren", "conferences")} == {
            "responses": 2, "fromFamily": 1, "fromChildren": 1, "conferences": 1}, name
        page = await api.client.get("/what-families-told-us", headers=as_(managers[name]))
        assert page.status_code == 200 and "Reading the reports first." in page.text and "Ask me first." in page.text and "A child" in page.text
        assert "Jodie" not in page.text and 'href="/what-families-told-us"' in page.text
    assert (await api(SUMMARY, {"la": world.id("la_a")}, as_=managers["hos_b"]))["meetingFeedback"] is None
    for person in [getattr(world, n) for n in EVERYONE] + [family.mother, child]:
        assert (await api(SUMMARY, {"la": world.id("la_a")}, as_=person))["meetingFeedback"] is None
        assert (await api.client.get("/what-families-told-us", headers=as_(person))).status_code == 404
    other = (await api.client.get("/what-families-told-us", headers=as_(managers["hos_b"])))
    assert other.status_code == 200 and "Reading the reports first." not in other.text


async def test_a_family_member_is_told_by_a_link_only_email_when_given_access_and_when_a_report_is_shared(api, world, database, smtp_port, inbox):
    from tests.families.test_before_the_meeting import shared_report
    from tests.support.child_views import deliver_to

    family = await separated_parents(api, world, database)
    await deliver_to(database, smtp_port)
    told = {m["To"]: m for m in inbox.messages}
    assert set(told) == {"jodie@example.net", "carl@example.net"}  # the inbox refuses any message naming a child
    body = told["jodie@example.net"].get_payload(decode=True).decode()
    assert "https://portal.example/family" in body and "Ashdown" not in body and "Riverside" not in body
    await api.mutate("endFamilyAccess", {"familyMemberId": family.father_access}, "familyMember { id }", as_=world.sw_a)
    report = await shared_report(api, world)
    await api.mutate("recordSharedWithFamily", {"contributionId": report, "sharedOn": "2026-10-10"}, "contribution { id }", as_=world.gp1_author)
    await deliver_to(database, smtp_port)
    later = [m["To"] for m in inbox.messages[2:]]
    assert later == ["jodie@example.net"]  # once per report, and not to the father whose access has ended
    assert "GP" not in inbox.messages[2].get_payload(decode=True).decode()


async def test_the_family_sees_the_outcome_for_their_own_child_and_when_the_minutes_were_sent_never_the_chairs_notes(api, world, database):
    from tests.support.outcomes import hold, icpc, record

    family = await separated_parents(api, world, database)
    await hold(database, world.conf_a)
    assert (await record(api, world, icpc(world), world.chair_a))["errors"] == []
    meeting = f"/family/conferences/{world.conf_a}"
    page = await api.client.get(meeting, headers=as_(family.mother))
    assert "The outcome" in page.text and "Decided for Maisie" in page.text and "Child protection plan" in page.text
    assert "Theo" not in page.text and "Father did not attend" not in page.text and "23 October 2026" in page.text
    assert re.search(r"Minutes\s*</dt>", page.text) and "Not sent yet" in page.text
    sent = await api('mutation($input: RecordSentInput!) { recordMinutesSent(input: $input) { errors { message } } }',
                     {"input": {"conferenceId": world.id("conf_a"), "sentOn": "2026-10-12"}}, as_=world.chair_a)
    assert not sent["recordMinutesSent"]["errors"], sent
    after = await api.client.get(meeting, headers=as_(family.mother))
    assert "Sent 12 October 2026" in after.text
    found = await api('query($id: ID!) { familyConference(id: $id) { outcome { children { givenName } minutesSentOn } } }', {"id": world.id("conf_a")}, as_=family.mother)
    assert found["familyConference"]["outcome"] == {"children": [{"givenName": "Maisie"}], "minutesSentOn": "2026-10-12"}
