"""The contributor's pages in-process over HTTP: what each shows, how each form keeps what was typed
when a mutation refuses it, and the 404 everyone else gets on every route."""

import re
from html import unescape

import pytest

from portal.demo_identity import HEADER

ROUTES = ["", "/check", "/submitted", "/amend", "/withdraw"]
STRANGERS = ["gp2_author", "chair_b", "guardian_1", "chair_a"]


def as_(person: int) -> dict[str, str]:
    return {HEADER: str(person), "accept": "text/html"}


def text_of(html: str) -> str:
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


async def fill(api, world, **texts: str) -> None:
    sections = [{"sectionId": sid, "text": text} for sid, text in texts.items()]
    payload = await api.mutate("saveDraft", {"invitationId": world.id("inv_gp1"), "sections": sections}, "contribution { id }", as_=world.gp1_author)
    assert payload["errors"] == []


REQUIRED = {sid: f"Written for {sid}." for sid in ("about_author", "worries", "registration_attendance", "immunisations", "missed_appointments",
                                                    "parental_health", "danger_statement", "working_well", "next_steps")}


async def test_the_task_list_shows_the_organisations_invitations_with_status_and_links(api, world):
    page = await api.client.get("/reports", headers=as_(world.gp1_author))
    assert page.status_code == 200
    words = text_of(page.text)
    assert "Initial child protection conference for Maisie Ashdown and Theo Ashdown" in words
    assert f'href="/reports/{world.id("inv_gp1")}"' in page.text
    assert "Not started" in words and re.search(r"Due to the chair by \d+(:\d\d)?[ap]m on \w+ \d+ \w+ 20\d\d", words)
    assert "What the chair still needs from you:" in words and "A safety scale for every child, by" in words
    await fill(api, world, worries="Bruising.")
    assert "Draft" in text_of((await api.client.get("/reports", headers=as_(world.gp1_author))).text)
    other = await api.client.get("/reports", headers=as_(world.gp2_author))
    assert f'/reports/{world.id("inv_gp1")}"' not in other.text and f'/reports/{world.id("inv_gp2_b")}"' in other.text


async def test_saving_with_an_over_long_section_keeps_everything_typed_and_saves_nothing(api, world):
    url = f"/reports/{world.id('inv_gp1')}"
    form = {"section-worries": "Bruise on the cheek.\r\nSeen by the paediatric team.", "section-danger_statement": "x" * 5001,
            f"scale-{world.child_a1}": "3", "action": "save"}
    page = await api.client.post(url, data=form, headers=as_(world.gp1_author))
    assert page.status_code == 200
    assert "<title>Error: Write your report" in page.text
    assert 'href="#section-danger_statement"' in page.text and "the limit is 5,000" in text_of(page.text)
    assert "Bruise on the cheek.\nSeen by the paediatric team.</textarea>" in page.text and "x" * 5001 in page.text
    assert re.search(rf'id="scale-{world.child_a1}-4" name="scale-{world.child_a1}" type="radio" value="3" checked', page.text)
    assert "Not started" in text_of((await api.client.get("/reports", headers=as_(world.gp1_author))).text)

    form["section-danger_statement"] = "Maisie could be hurt again."
    saved = await api.client.post(url, data=form, headers=as_(world.gp1_author))
    assert saved.status_code == 303 and saved.headers["location"] == f"{url}?saved=1"
    again = await api.client.get(saved.headers["location"], headers=as_(world.gp1_author))
    assert "Your draft was saved (version 1)" in text_of(again.text) and "Maisie could be hurt again.</textarea>" in again.text


async def test_check_submit_amend_and_withdraw(api, world):
    url = f"/reports/{world.id('inv_gp1')}"
    assert "Nothing has been saved yet" in text_of((await api.client.get(f"{url}/check", headers=as_(world.gp1_author))).text)
    await fill(api, world, worries="Bruising.")
    refused = await api.client.post(f"{url}/check", headers=as_(world.gp1_author))
    assert refused.status_code == 200 and "<title>Error: Check your report" in refused.text
    assert f'href="{url}#section-immunisations"' in refused.text and "'Immunisations' is required" in text_of(refused.text)

    await fill(api, world, **REQUIRED)
    submitted = await api.client.post(f"{url}/check", headers=as_(world.gp1_author))
    assert submitted.status_code == 303 and submitted.headers["location"] == f"{url}/submitted"
    confirmation = text_of((await api.client.get(f"{url}/submitted", headers=as_(world.gp1_author))).text)
    assert "Report submitted" in confirmation and "What happens next" in confirmation
    assert (await api.client.get(url, headers=as_(world.gp1_author))).headers["location"] == f"{url}/submitted"

    form = {f"section-{sid}": text for sid, text in REQUIRED.items()} | {"section-worries": "Bruising, now healed.", "reason": "  "}
    no_reason = await api.client.post(f"{url}/amend", data=form, headers=as_(world.gp1_author))
    assert no_reason.status_code == 200 and 'href="#reason"' in no_reason.text and "Bruising, now healed.</textarea>" in no_reason.text
    amended = await api.client.post(f"{url}/amend", data=form | {"reason": "The bruise has healed."}, headers=as_(world.gp1_author))
    assert amended.headers["location"] == f"{url}/submitted"
    assert "Report amended" in text_of((await api.client.get(f"{url}/submitted", headers=as_(world.gp1_author))).text)

    empty = await api.client.post(f"{url}/withdraw", data={"reason": ""}, headers=as_(world.gp1_author))
    assert empty.status_code == 200 and "<title>Error: Withdraw your report" in empty.text and 'href="#reason"' in empty.text
    withdrawn = await api.client.post(f"{url}/withdraw", data={"reason": "Sent to the wrong conference."}, headers=as_(world.gp1_author))
    assert withdrawn.headers["location"] == url
    assert "Report withdrawn" in text_of((await api.client.get(url, headers=as_(world.gp1_author))).text)


@pytest.mark.parametrize("stranger", STRANGERS)
async def test_everyone_else_gets_404_on_every_route_and_changes_nothing(api, world, stranger):
    await fill(api, world, **REQUIRED)
    url = f"/reports/{world.id('inv_gp1')}"
    person = getattr(world, stranger)
    for route in ROUTES:
        page = await api.client.get(url + route, headers=as_(person))
        assert page.status_code == 404, (stranger, route)
        assert "Written for" not in page.text and "Riverside" not in page.text
    for route in ROUTES:
        posted = await api.client.post(url + route, data={"section-worries": "Changed.", "reason": "Because."}, headers=as_(person))
        assert posted.status_code in (404, 405), (stranger, route)
    own = await api.client.get(f"{url}/check", headers=as_(world.gp1_author))
    assert "Written for worries." in own.text and "Changed." not in own.text and "Report submitted" not in own.text


async def test_nonsense_and_anonymous(api, world):
    assert (await api.client.get("/reports/nonsense", headers=as_(world.gp1_author))).status_code == 404
    assert (await api.client.get("/reports?after=nonsense", headers=as_(world.gp1_author))).status_code == 404
    assert (await api.client.get(f"/reports/{world.id('inv_gp1')}", headers={"accept": "text/html"})).status_code == 401


async def test_check_and_confirmation_pages_mark_the_sections_asked_to_be_withheld_from_the_family_with_the_chairs_decision(api, world):
    await fill(api, world, **REQUIRED)
    check = f"/reports/{world.id('inv_gp1')}/check"
    contribution = (await api("query($id: ID!) { invitation(id: $id) { contribution { id } } }", {"id": world.id("inv_gp1")}, as_=world.gp1_author))
    contribution_id = contribution["invitation"]["contribution"]["id"]

    def marks(html: str) -> list[str]:
        return [text_of(mark).strip() for mark in re.findall(r'<div class="app-withholding">(.*?)</div>', html, re.S)]

    assert marks((await api.client.get(check, headers=as_(world.gp1_author))).text) == []
    asked = await api.mutate("requestWithholding", {"contributionId": contribution_id, "sectionId": "parental_health", "reason": "Names the mother's partner."},
                             "withholdingRequest { id }", as_=world.gp1_author)
    page = (await api.client.get(check, headers=as_(world.gp1_author))).text
    assert marks(page) == ["You asked the chair to withhold this section from the family. Waiting for the chair"]
    row = re.search(r"Parental and household health.*?</dd>", page, re.S)
    assert row and "app-withholding" in row.group()
    # Submitted, the chair decides; the confirmation page shows the decision.
    assert (await api.client.post(check, headers=as_(world.gp1_author))).status_code == 303
    decided = await api.mutate("decideWithholding", {"requestId": asked["withholdingRequest"]["id"], "agree": True}, "withholdingRequest { id }", as_=world.chair_a)
    assert decided["errors"] == []
    submitted = f"/reports/{world.id('inv_gp1')}/submitted"
    assert marks((await api.client.get(submitted, headers=as_(world.gp1_author))).text) == [
        "You asked the chair to withhold this section from the family. Agreed"]
