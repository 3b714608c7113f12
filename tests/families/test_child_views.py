"""The child's own views: the social worker sends a link (the email holds only the link; the code is shown
to them once), the child or their advocate types the code, answers in words, pictures or a drawing, and
the chair reads it; the consultation it records feeds readiness and the SSDA903 participation code.
Every refusal stores nothing."""

import io
import re
from datetime import timedelta

import pytest
from PIL import Image
from sqlalchemy import func, select

from portal.accesslog.models import AccessLogEntry
from portal.conferences.models import ChildConsultation
from portal.families.drawings import MAX_BYTES
from portal.families.models import ChildViews
from portal.families.plain_english import reading_age
from tests.support.api import Api
from tests.support.child_views import deliver_to, link_in, outbox_rows, picture, send_link
from tests.support.families import person_of, separated_parents
from tests.support.people import EVERYONE
from tests.support.signing_in import SECRET_KEY, browser

CHILD = "young.person@example.org"
CHAIR_VIEWS = """query($id: ID!) { childViews(conferenceId: $id) {
  childGivenName forAdvocate goingWell worries wishes whoThere pictures { id label } drawingDataUrl viewsConveyed participationCode } }"""
READINESS = """query($id: ID!) { conference(id: $id) { readiness { checks { id status explanation } } } }"""
SUBMIT = "submittedAt viewsConveyed participationCode"


@pytest.fixture
async def api(database):
    """The app with the same secret key as the one the child signs in to (codes are keyed with it)."""
    async with Api.running(database, secret_key=SECRET_KEY) as running:
        yield running


async def signed_in_child(client, database, smtp_port, inbox, api, world, **sent):
    """The link sent, its email delivered, and the child signed in with the code through the link."""
    sent = await send_link(api, world, **sent)
    assert not sent["errors"], sent
    await deliver_to(database, smtp_port)
    (message,) = [m for m in inbox.messages if m["To"] == sent["link"]["sentTo"]]
    path = link_in(message).removeprefix("https://portal.example")
    opened = await client.post(path, data={"code": sent["code"]}, headers={"accept": "text/html"})
    assert opened.status_code == 303 and opened.headers["location"] == f"/views/{sent['link']['id']}", opened.text
    return sent, path


async def stored(database) -> tuple[int, int]:
    async with database.session() as session:
        views = (await session.execute(select(func.count()).select_from(ChildViews))).scalar_one()
        consulted = (await session.execute(select(func.count()).select_from(ChildConsultation))).scalar_one()
    return views, consulted


async def test_the_social_worker_sends_a_link_whose_email_holds_only_the_link(api, world, database, smtp_port, inbox):
    sent = await send_link(api, world)
    assert not sent["errors"] and re.fullmatch(r"\d{6}", sent["code"])
    assert sent["link"]["sentTo"] == CHILD and sent["link"]["viewsSentAt"] is None
    await deliver_to(database, smtp_port)
    (message,) = [m for m in inbox.messages if m["To"] == CHILD]  # the inbox refuses any message naming a child
    body = message.get_payload(decode=True).decode()
    assert "/views/start/" in link_in(message) and sent["code"] not in body and "Ashdown" not in body
    shown = await api('query($id: ID!) { childViewsLinks(conferenceId: $id) { sentTo forAdvocate } }', {"id": world.id("conf_a")}, as_=world.bs_a)
    assert shown["childViewsLinks"] == [{"sentTo": CHILD, "forAdvocate": False}]


async def test_only_the_social_worker_or_business_support_of_the_council_may_send_one_or_see_them(api, world, database):
    assert not (await send_link(api, world, by="bs_a", email="advocate@example.org", advocate=True))["errors"]
    for name in EVERYONE:
        if name in ("sw_a", "bs_a"):
            continue
        refused = await send_link(api, world, f"{name}@example.org", by=name)
        assert refused["link"] is None and refused["code"] is None and refused["errors"][0]["code"] in ("NOT_FOUND", "FORBIDDEN"), name
        seen = await api('query($id: ID!) { childViewsLinks(conferenceId: $id) { id } }', {"id": world.id("conf_a")}, as_=getattr(world, name))
        assert seen["childViewsLinks"] == [], name
    assert len(await outbox_rows(database)) == 1
    wrong_child = await send_link(api, world, child="child_b1")
    assert wrong_child["errors"][0]["code"] == "NOT_FOUND"
    staff = await send_link(api, world, "gp1_author@example.org")
    assert staff["link"] is None and staff["errors"][0]["path"] == ["input", "email"] and staff["errors"][0]["code"] == "CONFLICT"
    assert len(await outbox_rows(database)) == 1


async def test_the_child_types_the_code_sends_their_views_and_the_chair_reads_them(api, world, database, smtp_port, inbox):
    await api.mutate("recordChildConsultation", {"conferenceId": world.id("conf_a"), "childId": world.id("child_a1"), "seen": True,
                                                 "viewsConveyed": "NOT_CONVEYED", "note": "Seen at school."}, "consultation { seen }", as_=world.sw_a)
    before = {c["id"]: c for c in (await api(READINESS, {"id": world.id("conf_a")}, as_=world.chair_a))["conference"]["readiness"]["checks"]}
    assert "No way of conveying the views of child" in before["children_consulted"]["explanation"]
    async with browser(database) as client:
        sent, _ = await signed_in_child(client, database, smtp_port, inbox, api, world)
        form = await client.get(f"/views/{sent['link']['id']}", headers={"accept": "text/html"})
        assert form.status_code == 200 and "Hello Maisie" in form.text and "What worries you?" in form.text
        assert 'src="/static/assets/picture-happy-' in form.text
        answers = {"goingWell": "I like my new bike.", "worries": "When Dad shouts.", "wishes": "Stay with Mum.", "whoThere": "My nan.",
                   "pictures": ["happy", "home"]}
        done = await client.post(f"/views/{sent['link']['id']}", data=answers, files={"drawing": ("me.jpg", picture(), "image/jpeg")},
                                 headers={"accept": "text/html"})
        assert done.status_code == 303 and done.headers["location"] == f"/views/{sent['link']['id']}/sent", done.text
        thanks = await client.get(done.headers["location"], headers={"accept": "text/html"})
        assert "Thank you" in thanks.text
    (views,) = (await api(CHAIR_VIEWS, {"id": world.id("conf_a")}, as_=world.chair_a))["childViews"]
    assert views["childGivenName"] == "Maisie" and views["worries"] == "When Dad shouts." and views["whoThere"] == "My nan."
    assert [p["label"] for p in views["pictures"]] == ["Happy", "Home"]
    assert views["viewsConveyed"] == "CONSULTATION_FORM" and views["participationCode"] == "PN6"
    assert views["drawingDataUrl"].startswith("data:image/jpeg;base64,")
    after = {c["id"]: c for c in (await api(READINESS, {"id": world.id("conf_a")}, as_=world.chair_a))["conference"]["readiness"]["checks"]}
    assert "No way of conveying the views of child" not in after["children_consulted"]["explanation"]
    async with database.session() as session:
        consultation = (await session.execute(select(ChildConsultation).where(ChildConsultation.child_id == world.child_a1))).scalar_one()
    assert consultation.views_conveyed == "CONSULTATION_FORM" and consultation.seen is True and "Seen at school." in consultation.note
    page = await api.client.get(f"/chair/conferences/{world.conf_a}", headers={"x-portal-demo-person": str(world.chair_a), "accept": "text/html"})
    assert "What the children said" in page.text and "When Dad shouts." in page.text and "Happy, Home" in page.text
    for name in EVERYONE:
        if name != "chair_a":
            assert (await api(CHAIR_VIEWS, {"id": world.id("conf_a")}, as_=getattr(world, name)))["childViews"] == [], name
    links = await api('query($id: ID!) { childViewsLinks(conferenceId: $id) { viewsSentAt } }', {"id": world.id("conf_a")}, as_=world.sw_a)
    assert links["childViewsLinks"][0]["viewsSentAt"] is not None


async def test_an_advocate_gives_the_views_as_pn5_and_every_read_is_logged(api, world, database, smtp_port, inbox):
    async with browser(database) as client:
        sent, _ = await signed_in_child(client, database, smtp_port, inbox, api, world, email="advocate@example.org", advocate=True)
        form = await client.get(f"/views/{sent['link']['id']}", headers={"accept": "text/html"})
        assert "You are helping Maisie" in form.text
        done = await client.post(f"/views/{sent['link']['id']}", data={"wishes": "Maisie wants to see her dad at weekends."}, headers={"accept": "text/html"})
        assert done.status_code == 303
    (views,) = (await api(CHAIR_VIEWS, {"id": world.id("conf_a")}, as_=world.chair_a))["childViews"]
    assert views["forAdvocate"] is True and views["viewsConveyed"] == "ADVOCATE" and views["participationCode"] == "PN5"
    advocate = await person_of(database, "advocate@example.org")
    async with database.session() as session:
        entries = (await session.execute(select(AccessLogEntry).where(AccessLogEntry.person_id == advocate).order_by(AccessLogEntry.id))).scalars().all()
    reads = [(e.operation_name, e.child_ids) for e in entries if e.action == "read"]
    assert ("ChildViewsPage", [world.child_a1]) in reads
    assert any(e.action == "write" and e.operation_name == "SubmitChildViews" and e.child_ids == [world.child_a1] for e in entries)
    async with database.session() as session:
        chair = (await session.execute(select(AccessLogEntry).where(AccessLogEntry.person_id == world.chair_a, AccessLogEntry.action == "read"))).scalars().all()
    assert any(world.child_a1 in (e.child_ids or []) for e in chair)


async def test_a_drawing_is_kept_without_its_metadata_and_anything_but_a_small_picture_is_refused(api, world, database, smtp_port, inbox):
    assert Image.open(io.BytesIO(picture())).getexif().get_ifd(0x8825)  # the photo sent has a GPS position
    async with browser(database) as client:
        sent, _ = await signed_in_child(client, database, smtp_port, inbox, api, world)
        path = f"/views/{sent['link']['id']}"
        for name, data, kind, message in (
            ("notes.txt", b"not a picture at all", "text/plain", "That file is not a picture"),
            ("fake.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "image/png", "That file is not a picture"),
            ("big.png", b"\x89PNG" + b"\0" * (MAX_BYTES + 10), "image/png", "That picture is too big"),
        ):
            refused = await client.post(path, data={"goingWell": "My drawing."}, files={"drawing": (name, data, kind)}, headers={"accept": "text/html"})
            assert refused.status_code == 200 and message in refused.text and "My drawing." in refused.text, name
            assert await stored(database) == (0, 0), name
        done = await client.post(path, data={"pictures": "safe"}, files={"drawing": ("me.jpg", picture(), "image/jpeg")}, headers={"accept": "text/html"})
        assert done.status_code == 303
    async with database.session() as session:
        (kept,) = (await session.execute(select(ChildViews))).scalars().all()
    image = Image.open(io.BytesIO(kept.drawing))
    assert kept.drawing_type == "image/jpeg" and image.size == (40, 30)
    assert dict(image.getexif()) == {} and "exif" not in image.info and b"PhoneMaker" not in kept.drawing


async def test_wrong_or_expired_codes_and_bad_answers_store_nothing(api, world, database, smtp_port, inbox, frozen):
    sent = await send_link(api, world)
    await deliver_to(database, smtp_port)
    (message,) = [m for m in inbox.messages if m["To"] == CHILD]
    path = link_in(message).removeprefix("https://portal.example")
    async with browser(database) as client:
        assert (await client.get(path)).status_code == 200
        assert (await client.get("/views/start/not-a-real-link-at-all-123456")).status_code == 404
        wrong = "000000" if sent["code"] != "000000" else "111111"
        refused = await client.post(path, data={"code": wrong}, headers={"accept": "text/html"})
        assert refused.status_code == 200 and "That code is not right" in refused.text and "session" not in refused.cookies
        typo = await client.post(path, data={"code": "12ab"}, headers={"accept": "text/html"})
        assert "Type the six numbers of your code" in typo.text
        for _ in range(4):
            last = await client.post(path, data={"code": wrong}, headers={"accept": "text/html"})
        assert "typed wrongly 5 times" in last.text
        stopped = await client.post(path, data={"code": sent["code"]}, headers={"accept": "text/html"})
        assert stopped.status_code == 200 and "stopped working" in stopped.text
    again = await send_link(api, world)
    async with browser(database) as client:
        rows = await outbox_rows(database)
        token_path = rows[-1].payload["linkPath"]
        frozen.advance(timedelta(days=15))
        expired = await client.post(token_path, data={"code": again["code"]}, headers={"accept": "text/html"})
        assert expired.status_code == 404 and "stopped working" in expired.text
    assert await stored(database) == (0, 0)


async def test_long_unknown_or_empty_answers_are_refused_and_keep_what_was_typed(api, world, database, smtp_port, inbox):
    async with browser(database) as client:
        sent, _ = await signed_in_child(client, database, smtp_port, inbox, api, world)
        path = f"/views/{sent['link']['id']}"
        long = await client.post(path, data={"worries": "a" * 1500, "wishes": "Stay home."}, headers={"accept": "text/html"})
        assert long.status_code == 200 and "This answer is too long. Use 1,000 letters or fewer. It has 1,500." in long.text and "Stay home." in long.text
        empty = await client.post(path, data={}, headers={"accept": "text/html"})
        assert "Tell us something" in empty.text
        unknown = await client.post(path, data={"pictures": "dragon"}, headers={"accept": "text/html"})
        assert "Choose pictures from the ones shown" in unknown.text
    assert await stored(database) == (0, 0)


async def test_a_link_opens_only_for_the_person_it_was_sent_to(api, world, database, smtp_port, inbox):
    family = await separated_parents(api, world, database)
    maisie = await send_link(api, world)
    theo = await send_link(api, world, "second.child@example.org", child="child_a2")
    theo_person = await person_of(database, "second.child@example.org")
    for person in (theo_person, family.mother, world.sw_a, world.chair_a):
        refused = await api.mutate("submitChildViews", {"linkId": maisie["link"]["id"], "goingWell": "Hacked."}, SUBMIT, as_=person)
        assert refused["submittedAt"] is None and refused["errors"][0]["code"] == "NOT_FOUND", person
        page = await api.client.get(f"/views/{maisie['link']['id']}", headers={"x-portal-demo-person": str(person), "accept": "text/html"})
        assert page.status_code == 404 and "Hello" not in page.text, person
    assert (await api("{ childViewsRequests { id childGivenName } }", as_=theo_person))["childViewsRequests"] == [
        {"id": theo["link"]["id"], "childGivenName": "Theo"}]
    assert await stored(database) == (0, 0)


async def test_the_questions_are_written_for_a_reading_age_of_8_and_fit_a_phone(api, world, database, smtp_port, inbox):
    async with browser(database) as client:
        sent, start = await signed_in_child(client, database, smtp_port, inbox, api, world)
        pages = [(await client.get(start)).text,
                 (await client.get(f"/views/{sent['link']['id']}", headers={"accept": "text/html"})).text]
    for html in pages:
        main = re.search(r"<main.*?</main>", html, re.S).group(0)
        words = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main)).strip()
        assert reading_age(words) is not None and reading_age(words) <= 8, (reading_age(words), words)


async def test_the_social_worker_asks_for_the_views_on_the_family_access_page_and_sees_the_code_once(api, world, database):
    page = f"/conferences/{world.conf_a}/family"

    async def post(person: int, data: dict):
        return await api.client.post(f"{page}/views", data=data, headers={"x-portal-demo-person": str(person), "accept": "text/html"})

    shown = await api.client.get(page, headers={"x-portal-demo-person": str(world.sw_a), "accept": "text/html"})
    assert "The children’s own views" in shown.text and "Send the link" in shown.text
    missing = await post(world.sw_a, {"email": "typed@example.org"})
    assert missing.status_code == 200 and "Select the child whose views you are asking for" in missing.text and "Select who the link is for" in missing.text
    assert 'value="typed@example.org"' in missing.text
    bad = await post(world.sw_a, {"child": str(world.child_a1), "who": "child", "email": "not an address"})
    assert "Enter the email address of the child or their advocate" in bad.text and 'value="not an address"' in bad.text
    assert await outbox_rows(database) == []
    sent = await post(world.bs_a, {"child": str(world.child_a1), "who": "advocate", "email": "advocate@example.org"})
    code = re.search(r'<strong class="app-views-code">(\d{6})</strong>', sent.text)
    assert sent.status_code == 200 and code and "Link sent to advocate@example.org" in sent.text
    again = await api.client.get(page, headers={"x-portal-demo-person": str(world.sw_a), "accept": "text/html"})
    assert code.group(1) not in again.text and "link sent to advocate@example.org (their advocate)" in re.sub(r"\s+", " ", again.text)
    for name in ("chair_a", "bs_b", "gp1_author", "guardian_1"):
        refused = await post(getattr(world, name), {"child": str(world.child_a1), "who": "child", "email": f"{name}.x@example.org"})
        assert refused.status_code == 404, name
    assert len(await outbox_rows(database)) == 1


async def test_the_demo_familys_child_has_a_link_for_their_views(database_url, database):
    from sqlalchemy import create_engine
    from sqlalchemy.orm import Session

    from portal.demo import seed_demo
    from portal.families.models import ChildViewsLink
    from portal.settings import sync_url

    engine = create_engine(sync_url(database_url))
    with Session(engine) as session:
        seed_demo(session)
        (link,) = session.execute(select(ChildViewsLink)).scalars().all()
    engine.dispose()
    async with Api.running(database) as demo:
        listing = await demo.client.get("/family", headers={"x-portal-demo-person": str(link.person_id), "accept": "text/html"})
        assert f'href="/views/{link.id}"' in listing.text and "Tell us what you think" in listing.text
        form = await demo.client.get(f"/views/{link.id}", headers={"x-portal-demo-person": str(link.person_id), "accept": "text/html"})
        assert form.status_code == 200 and "What worries you?" in form.text
