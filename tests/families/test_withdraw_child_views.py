"""Withdrawing a link sent for a child's views: whoever may send links for the conference may withdraw one;
it stops opening (through the sign-in route the child uses, and for a child already signed in), leaves
the child's requests, and its email is cancelled if it has not gone; views already given stay with the
chair. Anyone else, another council, or a link withdrawn already: refused, nothing changed."""

import re

import pytest
from sqlalchemy import select

from portal.families.child_views import WITHDRAWN
from portal.families.models import ChildViewsLink
from portal.reminders.models import OutboxStatus
from tests.support.api import Api
from tests.support.child_views import deliver_to, link_in, outbox_rows, send_link
from tests.support.families import person_of
from tests.support.people import EVERYONE
from tests.support.signing_in import SECRET_KEY, browser

CHILD = "young.person@example.org"
LINK = "link { id withdrawnAt withdrawnBy viewsSentAt }"
LINKS = "query($id: ID!) { childViewsLinks(conferenceId: $id) { id sentTo withdrawnAt withdrawnBy viewsSentAt } }"
SUBMIT = "submittedAt"
CHAIR_VIEWS = "query($id: ID!) { childViews(conferenceId: $id) { childGivenName wishes } }"


@pytest.fixture
async def api(database):
    async with Api.running(database, secret_key=SECRET_KEY) as running:
        yield running


def as_(person: int) -> dict[str, str]:
    return {"x-portal-demo-person": str(person), "accept": "text/html"}


async def withdraw(api, link_id: str, person: int) -> dict:
    return await api.mutate("withdrawChildViewsLink", {"linkId": link_id}, LINK, as_=person)


async def emailed_path(database, smtp_port: int, inbox) -> str:
    await deliver_to(database, smtp_port)
    (message,) = [m for m in inbox.messages if m["To"] == CHILD]
    return link_in(message).removeprefix("https://portal.example")


async def stored_link(database, link_id: str) -> ChildViewsLink:
    async with database.session() as session:
        return (await session.execute(select(ChildViewsLink).where(ChildViewsLink.id == int(link_id)))).scalar_one()


async def test_a_withdrawn_link_no_longer_opens_and_says_to_ask_the_social_worker(api, world, database, smtp_port, inbox):
    sent = await send_link(api, world)
    path = await emailed_path(database, smtp_port, inbox)
    done = await withdraw(api, sent["link"]["id"], world.bs_a)  # business support may withdraw what the social worker sent
    assert not done["errors"] and done["link"]["withdrawnAt"] and done["link"]["withdrawnBy"] == "Bs A", done
    shown = (await api(LINKS, {"id": world.id("conf_a")}, as_=world.sw_a))["childViewsLinks"]
    assert shown == [{"id": sent["link"]["id"], "sentTo": CHILD, "withdrawnAt": done["link"]["withdrawnAt"], "withdrawnBy": "Bs A", "viewsSentAt": None}]
    async with browser(database) as client:
        opened = await client.get(path, headers={"accept": "text/html"})
        assert opened.status_code == 404 and "Ask your social worker" in opened.text and "Bs A" not in opened.text
        typed = await client.post(path, data={"code": sent["code"]}, headers={"accept": "text/html"})
        assert typed.status_code == 200 and "no longer works" in typed.text and "Bs A" not in typed.text
        assert "location" not in typed.headers and "session" not in typed.cookies
    assert (await stored_link(database, sent["link"]["id"])).attempts == 0
    child = await person_of(database, CHILD)
    assert (await api("{ childViewsRequests { id } }", as_=child))["childViewsRequests"] == []
    again = await withdraw(api, sent["link"]["id"], world.sw_a)
    assert again["link"] is None and again["errors"][0]["code"] == "CONFLICT" and again["errors"][0]["message"] == "This link has already been withdrawn."


async def test_a_child_already_signed_in_cannot_send_views_with_a_withdrawn_link(api, world, database, smtp_port, inbox):
    sent = await send_link(api, world)
    path = await emailed_path(database, smtp_port, inbox)
    async with browser(database) as client:
        opened = await client.post(path, data={"code": sent["code"]}, headers={"accept": "text/html"})
        assert opened.status_code == 303 and opened.headers["location"] == f"/views/{sent['link']['id']}"
        assert (await client.get(opened.headers["location"], headers={"accept": "text/html"})).status_code == 200
        assert not (await withdraw(api, sent["link"]["id"], world.sw_a))["errors"]
        form = await client.get(opened.headers["location"], headers={"accept": "text/html"})
        assert form.status_code == 404 and "Ask your social worker" in form.text and "What worries you?" not in form.text
        posted = await client.post(opened.headers["location"], data={"wishes": "Stay home."}, headers={"accept": "text/html"})
        assert posted.status_code == 404
    child = await person_of(database, CHILD)
    refused = await api.mutate("submitChildViews", {"linkId": sent["link"]["id"], "wishes": "Stay home."}, SUBMIT, as_=child)
    assert refused["submittedAt"] is None and refused["errors"] == [{"path": ["input", "linkId"], "message": WITHDRAWN, "code": "NOT_FOUND"}]
    assert (await api(CHAIR_VIEWS, {"id": world.id("conf_a")}, as_=world.chair_a))["childViews"] == []


async def test_views_given_before_the_link_was_withdrawn_stay_with_the_chair(api, world, database, smtp_port, inbox):
    sent = await send_link(api, world)
    child = await person_of(database, CHILD)
    given = await api.mutate("submitChildViews", {"linkId": sent["link"]["id"], "wishes": "Stay with Mum."}, SUBMIT, as_=child)
    assert given["submittedAt"], given
    done = await withdraw(api, sent["link"]["id"], world.sw_a)
    assert not done["errors"] and done["link"]["viewsSentAt"] == given["submittedAt"] and done["link"]["withdrawnBy"] == "Sw A"
    assert (await api(CHAIR_VIEWS, {"id": world.id("conf_a")}, as_=world.chair_a))["childViews"] == [{"childGivenName": "Maisie", "wishes": "Stay with Mum."}]
    replaced = await api.mutate("submitChildViews", {"linkId": sent["link"]["id"], "wishes": "Changed."}, SUBMIT, as_=child)
    assert replaced["errors"][0]["message"] == WITHDRAWN
    assert (await api(CHAIR_VIEWS, {"id": world.id("conf_a")}, as_=world.chair_a))["childViews"][0]["wishes"] == "Stay with Mum."


async def test_only_whoever_may_send_links_for_the_conference_may_withdraw_one(api, world, database):
    sent = await send_link(api, world)
    link = sent["link"]["id"]
    child = await person_of(database, CHILD)
    for person in [getattr(world, name) for name in EVERYONE if name not in ("sw_a", "bs_a")] + [child]:
        refused = await withdraw(api, link, person)
        assert refused["link"] is None and refused["errors"][0]["code"] == "NOT_FOUND", person
    for bad in ("999999", "not-a-link", "-1"):
        refused = await withdraw(api, bad, world.sw_a)
        assert refused["link"] is None and refused["errors"][0]["code"] == "NOT_FOUND", bad
    assert (await stored_link(database, link)).withdrawn_at is None
    assert (await api("{ childViewsRequests { id } }", as_=child))["childViewsRequests"] == [{"id": link}]


async def test_another_councils_sender_is_refused_as_not_found(api, world, database):
    sent = await send_link(api, world)
    for name in ("bs_b", "chair_b"):
        refused = await withdraw(api, sent["link"]["id"], getattr(world, name))
        assert refused["errors"] == [{"path": ["input", "linkId"], "message": "No link with that id exists, or you may not see it.", "code": "NOT_FOUND"}]
    assert (await stored_link(database, sent["link"]["id"])).withdrawn_at is None


async def test_an_email_not_yet_sent_is_cancelled(api, world, database, smtp_port, inbox):
    sent = await send_link(api, world)
    other = await send_link(api, world, "second.child@example.org", child="child_a2")
    assert not (await withdraw(api, sent["link"]["id"], world.sw_a))["errors"]
    rows = {row.key: row.status for row in await outbox_rows(database)}
    assert rows == {f"CHILD_VIEWS:{sent['link']['id']}": OutboxStatus.CANCELLED, f"CHILD_VIEWS:{other['link']['id']}": OutboxStatus.PENDING}
    await deliver_to(database, smtp_port)
    assert [m["To"] for m in inbox.messages] == ["second.child@example.org"]


async def test_a_withdrawn_link_gives_no_say_after_the_meeting(api, world, database):
    sent = await send_link(api, world)
    child = await person_of(database, CHILD)
    assert not (await withdraw(api, sent["link"]["id"], world.sw_a))["errors"]
    held = await api.mutate("recordConferenceHeld", {"conferenceId": world.id("conf_a"), "heldOn": "2026-10-12"}, "conference { id }", as_=world.bs_a)
    assert not held["errors"], held
    assert f'href="/feedback/{world.conf_a}"' not in (await api.client.get("/family", headers=as_(child))).text
    refused = await api.mutate("sendMeetingFeedback", {"conferenceId": world.id("conf_a"), "helped": "My nan came."}, "sentAt", as_=child)
    assert refused["errors"][0]["code"] == "NOT_FOUND"


async def test_the_social_worker_withdraws_a_link_on_the_family_access_page(api, world, database):
    page = f"/conferences/{world.conf_a}/family"
    sent = await send_link(api, world)
    link = sent["link"]["id"]
    shown = await api.client.get(page, headers=as_(world.sw_a))
    assert f'action="{page}/views/{link}/withdraw"' in shown.text and f'id="withdraw-{link}"' in shown.text
    assert "Withdraw link<span class=\"govuk-visually-hidden\"> sent to young.person@example.org for Maisie</span>" in shown.text
    for name in ("chair_a", "bs_b", "gp1_author", "guardian_1"):
        refused = await api.client.post(f"{page}/views/{link}/withdraw", headers=as_(getattr(world, name)))
        assert refused.status_code == 404, name
    forged = await api.client.post(f"{page}/views/{link}/withdraw", headers={**as_(world.sw_a), "sec-fetch-site": "cross-site"})
    assert forged.status_code == 403
    assert (await stored_link(database, link)).withdrawn_at is None
    done = await api.client.post(f"{page}/views/{link}/withdraw", headers=as_(world.sw_a))
    assert done.status_code == 303 and done.headers["location"] == f"{page}?done=withdrawn"
    after = await api.client.get(done.headers["location"], headers=as_(world.bs_a))
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", after.text))
    assert "Link withdrawn. It no longer opens" in text and "Any views already given with it stay with the chair." in text
    assert "Withdrawn by Sw A on" in text and f'id="withdraw-{link}"' not in after.text
    twice = await api.client.post(f"{page}/views/{link}/withdraw", headers=as_(world.sw_a))
    assert twice.status_code == 200 and "There is a problem" in twice.text and "This link has already been withdrawn." in twice.text
    assert (await api.client.post(f"{page}/views/999999/withdraw", headers=as_(world.sw_a))).status_code == 404
