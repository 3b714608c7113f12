"""The guardian's pages in-process: the assigned guardian sees each child's current view of the care
plan, marks it read, sees what changed since, reads its history and a printable copy; nothing else
about the child or family answers them, and nobody else reaches the guardian's pages."""

import re

from portal.demo_identity import HEADER
from tests.support.contributions import draft
from tests.support.guardians import FIRST_VIEW, OTHER_VIEW, other_guardians_proceedings, record_view

LIST = "/guardian/proceedings"


async def get(api, path: str, person: int):
    return await api.client.get(path, headers={HEADER: str(person), "accept": "text/html"})


def child_page(world, child: str = "child_a1", proceedings: str = "proceedings_a") -> str:
    return f"{LIST}/{world.id(proceedings)}/children/{world.id(child)}"


async def test_the_guardian_sees_the_current_view_marks_it_read_and_sees_what_changed(api, world):
    listing = await get(api, LIST, world.guardian_1)
    assert listing.status_code == 200 and "Case EA26C0001" in listing.text and "Maisie Ashdown" in listing.text
    assert FIRST_VIEW in listing.text and "New: not read yet" in listing.text and "Version 1, recorded" in listing.text
    assert "Theo" not in listing.text  # Maisie's brother is not in the proceedings

    marked = await api.client.post(f"{child_page(world)}/seen", data={"from": "list"}, headers={HEADER: str(world.guardian_1)})
    assert marked.status_code == 303 and marked.headers["location"].startswith(f"{LIST}?read=")
    after = await get(api, marked.headers["location"], world.guardian_1)
    assert "Marked as read." in after.text and "No change since you read it" in after.text and "Mark as read" not in after.text

    await record_view(api, world)
    changed = await get(api, LIST, world.guardian_1)
    assert "Changed since you last looked" in changed.text and "contact twice a week" in changed.text and "Version 2, recorded" in changed.text

    history = await get(api, child_page(world), world.guardian_1)
    assert history.status_code == 200 and "What changed since you last looked" in history.text and "From version 1" in history.text
    assert re.search(r"<ins><span class=\"govuk-visually-hidden\">\[added: </span>[^<]*asks for contact twice a week", history.text)
    assert "What changed from version 1:" in history.text and "The first view recorded:" in history.text

    printed = await get(api, f"{child_page(world)}/print", world.guardian_1)
    assert printed.status_code == 200 and "contact twice a week" in printed.text and "Earlier versions" in printed.text and FIRST_VIEW in printed.text
    assert "Case number" in printed.text and "EA26C0001" in printed.text and "guardians" in printed.text  # the print stylesheet

    read = await api.client.post(f"{child_page(world)}/seen", headers={HEADER: str(world.guardian_1)})
    assert read.status_code == 303 and read.headers["location"] == f"{child_page(world)}?read=1"
    assert "No change since you read it" in (await get(api, read.headers["location"], world.guardian_1)).text


async def test_nothing_else_about_the_child_or_family_answers_the_guardian(api, world, database):
    other = await other_guardians_proceedings(database, world)
    saved = await draft(api, world)
    await api.mutate("submitContribution", {"contributionId": saved["id"]}, "contribution { id }", as_=world.gp1_author)
    invitation = world.id("inv_gp1")
    refused = [
        f"{LIST}/{other}/children/{world.id('child_b1')}",  # another guardian's proceedings
        f"{LIST}/{other}/children/{world.id('child_b1')}/print",
        child_page(world, child="child_a2"),  # Maisie's brother, in no proceedings
        f"{LIST}/{world.id('proceedings_a')}/children/{world.id('child_b1')}",
        f"{LIST}/x/children/y",
        f"/chair/conferences/{world.conf_a}",  # Maisie's conference and its readiness
        f"/chair/reports/{saved['id']}",  # a contribution about her
        f"/reports/{invitation}", f"/reports/{invitation}/check", f"/reports/{invitation}/submitted", f"/reports/{invitation}/withholding",
        f"/reports/{invitation}/sharing", f"/invitations/{invitation}",
    ]
    for path in refused:
        answer = await get(api, path, world.guardian_1)
        assert answer.status_code == 404, path
        assert "Bruising" not in answer.text and OTHER_VIEW not in answer.text and "Theo" not in answer.text, path
    conferences = await get(api, "/chair/conferences", world.guardian_1)
    assert conferences.status_code == 200 and "Bruising" not in conferences.text and f"/chair/conferences/{world.conf_a}" not in conferences.text
    assert OTHER_VIEW not in (await get(api, LIST, world.guardian_1)).text
    posted = await api.client.post(f"{LIST}/{other}/children/{world.id('child_b1')}/seen", headers={HEADER: str(world.guardian_1)})
    assert posted.status_code == 404


async def test_nobody_else_reaches_the_guardians_pages(api, world):
    for name in ("guardian_2", "chair_a", "chair_b", "bs_a", "sw_a", "gp1_author", "school_author"):
        person = getattr(world, name)
        listing = await get(api, LIST, person)
        assert FIRST_VIEW not in listing.text, name
        for path in (child_page(world), f"{child_page(world)}/print"):
            answer = await get(api, path, person)
            assert answer.status_code == 404 and FIRST_VIEW not in answer.text, (name, path)
        posted = await api.client.post(f"{child_page(world)}/seen", headers={HEADER: str(person)})
        assert posted.status_code == 404, name
        if name != "guardian_2":
            assert listing.status_code == 404, name
            assert 'href="/guardian/proceedings"' not in (await get(api, "/reports", person)).text, name
    assert (await get(api, LIST, world.guardian_2)).status_code == 200
    assert 'href="/guardian/proceedings"' in (await get(api, "/reports", world.guardian_1)).text
