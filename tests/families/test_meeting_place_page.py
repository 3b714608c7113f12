"""The page where business support or a chair of the council sets where the meeting is held, linked from the
conference page with the family access page; the sign-in page is worded for everyone, families included."""

from tests.support.families import separated_parents
from tests.support.people import EVERYONE


def as_(person: int) -> dict[str, str]:
    return {"x-portal-demo-person": str(person), "accept": "text/html"}


async def test_business_support_sets_the_meeting_place_and_the_family_sees_it(api, world, database):
    family = await separated_parents(api, world, database)
    page = f"/conferences/{world.conf_a}/place"
    conference = await api.client.get(f"/business-support/conferences/{world.conf_a}", headers=as_(world.bs_a))
    assert f'href="{page}"' in conference.text and f'href="/conferences/{world.conf_a}/family"' in conference.text
    assert (await api.client.get(page, headers=as_(world.bs_a))).status_code == 200
    wrong = await api.client.post(page, data={"place": "Room 4", "joinUrl": "http://meet.example/abc"}, headers=as_(world.bs_a))
    assert wrong.status_code == 200 and "starting https://" in wrong.text and 'value="Room 4"' in wrong.text
    empty = await api.client.post(page, data={"place": " ", "joinUrl": ""}, headers=as_(world.bs_a))
    assert "Give where the meeting is held, a link to join it online, or both." in empty.text
    long = await api.client.post(page, data={"place": "x" * 400}, headers=as_(world.bs_a))
    assert "at most 300 characters" in long.text
    shown = await api.client.get(f"/family/conferences/{world.conf_a}", headers=as_(family.mother))
    assert "Room 4" not in shown.text and "We will tell you where the meeting is held." in shown.text
    saved = await api.client.post(page, data={"place": "Room 4, Easterby Children's Centre", "joinUrl": "https://meet.example/abc"}, headers=as_(world.bs_a))
    assert saved.status_code == 303
    again = await api.client.get(page, headers=as_(world.chair_a))
    assert "Room 4, Easterby Children" in again.text and "https://meet.example/abc" in again.text
    shown = await api.client.get(f"/family/conferences/{world.conf_a}", headers=as_(family.mother))
    assert "Room 4, Easterby Children" in shown.text and 'href="https://meet.example/abc"' in shown.text


async def test_anyone_else_gets_not_found_and_changes_nothing(api, world, database):
    family = await separated_parents(api, world, database)
    page = f"/conferences/{world.conf_a}/place"
    for name in [n for n in EVERYONE if n not in ("bs_a", "chair_a", "chair_a2")]:
        person = getattr(world, name)
        assert (await api.client.get(page, headers=as_(person))).status_code == 404, name
        assert (await api.client.post(page, data={"place": "Elsewhere"}, headers=as_(person))).status_code == 404, name
    assert (await api.client.post(page, data={"place": "Elsewhere"}, headers=as_(family.mother))).status_code == 404
    assert (await api.client.get("/conferences/nonsense/place", headers=as_(world.bs_a))).status_code == 404
    found = await api('query($id: ID!) { meetingPlace(conferenceId: $id) { place } }', {"id": world.id("conf_a")}, as_=world.bs_a)
    assert found["meetingPlace"] is None


async def test_the_sign_in_page_asks_everyone_for_their_email_address(api):
    page = await api.client.get("/sign-in/email", headers={"accept": "text/html"})
    assert "Your email address" in page.text and "work email" not in page.text and "parent, carer or child" in page.text
