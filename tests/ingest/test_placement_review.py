"""The author settles the paragraphs an upload placed with low confidence: keep or move, one by one."""

from typing import Any

from sqlalchemy import select

from portal.demo_identity import HEADER
from portal.ingest.models import PlacementDecision
from tests.support import pdfs
from tests.support.uploading import draft, running, save_draft, squash, texts, upload

ATTEND = "I am not able to attend on 5 October"
DECIDE = "contribution { id version uploads { id toReview { item sectionId excerpt } } }"


async def _uploaded(api: Any, world: Any) -> tuple[str, dict[str, Any]]:
    """The letter uploaded to gp1's draft: its upload id and the review item for the attendance paragraph."""
    payload = await upload(api, world.inv_gp1, pdfs.letter().data, as_=world.gp1_author, mode="REPLACE", name="letter.pdf")
    contribution = await draft(api, world.conf_a, world.inv_gp1, as_=world.gp1_author)
    assert contribution is not None
    latest = contribution["uploads"][-1]
    attend = next(p for p in latest["toReview"] if p["excerpt"].startswith(ATTEND))
    assert payload["upload"]["id"] == latest["id"]
    return latest["id"], attend


async def _decide(api: Any, upload_id: str, item: int, section: str, *, as_: int) -> dict[str, Any]:
    return await api.mutate("decidePlacement", {"uploadId": upload_id, "item": item, "sectionId": section}, DECIDE, as_=as_)


async def test_moving_a_paragraph_takes_it_out_of_its_section_and_adds_it_to_the_end_of_the_other(database, world):
    async with running(database) as api:
        upload_id, attend = await _uploaded(api, world)
        before = texts(await draft(api, world.conf_a, world.inv_gp1, as_=world.gp1_author))
        payload = await _decide(api, upload_id, attend["item"], "about_author", as_=world.gp1_author)
        after = await draft(api, world.conf_a, world.inv_gp1, as_=world.gp1_author)
    assert payload["errors"] == []
    moved = texts(after)
    assert attend["sectionId"] == "other_information"
    assert ATTEND not in moved["other_information"] and "Yours sincerely," in moved["other_information"]
    assert squash(moved["about_author"]).startswith(squash(before["about_author"]))
    assert squash(moved["about_author"]).endswith("happy to be contacted before then on 01632 960 214.")
    assert squash(" ".join(moved.values())).count(ATTEND) == 1
    assert len(squash(" ".join(moved.values()))) == len(squash(" ".join(before.values())))  # nothing lost, nothing doubled
    assert [p["item"] for p in after["uploads"][-1]["toReview"]] == [
        p["item"] for p in payload["contribution"]["uploads"][-1]["toReview"]]
    assert attend["item"] not in [p["item"] for p in after["uploads"][-1]["toReview"]]
    assert after["versions"][-1]["note"].startswith("Moved a paragraph of letter.pdf from other_information to about_author")


async def test_confirming_a_paragraph_leaves_the_draft_as_it_was_and_takes_it_off_the_list(database, world):
    async with running(database) as api:
        upload_id, attend = await _uploaded(api, world)
        before = await draft(api, world.conf_a, world.inv_gp1, as_=world.gp1_author)
        payload = await _decide(api, upload_id, attend["item"], attend["sectionId"], as_=world.gp1_colleague)
        again = await _decide(api, upload_id, attend["item"], "about_author", as_=world.gp1_author)
        after = await draft(api, world.conf_a, world.inv_gp1, as_=world.gp1_author)
    assert payload["errors"] == [] and payload["contribution"]["version"] == before["version"]
    assert texts(after) == texts(before)
    assert attend["item"] not in [p["item"] for p in after["uploads"][-1]["toReview"]]
    assert [(e["code"], e["path"]) for e in again["errors"]] == [("CONFLICT", ["input", "item"])]


async def test_only_the_contributing_organisation_may_decide(database, world):
    async with running(database) as api:
        upload_id, attend = await _uploaded(api, world)
        refused = {who: await _decide(api, upload_id, attend["item"], "about_author", as_=getattr(world, who))
                   for who in ("chair_a", "gp2_author", "sw_a", "bs_a")}
        async with database.session() as session:
            decisions = (await session.execute(select(PlacementDecision))).scalars().all()
        after = await draft(api, world.conf_a, world.inv_gp1, as_=world.gp1_author)
    for who, payload in refused.items():
        assert payload["contribution"] is None, who
        assert [(e["code"], e["path"]) for e in payload["errors"]] == [("NOT_FOUND", ["input", "uploadId"])], who
    assert decisions == [] and ATTEND in texts(after)["other_information"]


async def test_bad_decisions_are_refused_with_a_typed_error_and_change_nothing(database, world):
    async with running(database) as api:
        upload_id, attend = await _uploaded(api, world)
        cases = {
            "unknown item": await _decide(api, upload_id, 999, "about_author", as_=world.gp1_author),
            "negative item": await _decide(api, upload_id, -1, "about_author", as_=world.gp1_author),
            "unknown section": await _decide(api, upload_id, attend["item"], "horoscope", as_=world.gp1_author),
            "unknown upload": await _decide(api, "999999", attend["item"], "about_author", as_=world.gp1_author),
            "not an id": await _decide(api, "upload-1", attend["item"], "about_author", as_=world.gp1_author),
        }
        edited = await save_draft(api, world.inv_gp1, {"other_information": "Rewritten by hand."}, as_=world.gp1_author)
        changed = await _decide(api, upload_id, attend["item"], "about_author", as_=world.gp1_author)
        after_edit = await draft(api, world.conf_a, world.inv_gp1, as_=world.gp1_author)
        await upload(api, world.inv_gp1, pdfs.letter().data, as_=world.gp1_author, mode="REPLACE", name="again.pdf")
        stale = await _decide(api, upload_id, attend["item"], "about_author", as_=world.gp1_author)
    assert {k: [(e["code"], e["path"]) for e in v["errors"]] for k, v in cases.items()} == {
        "unknown item": [("NOT_FOUND", ["input", "item"])],
        "negative item": [("NOT_FOUND", ["input", "item"])],
        "unknown section": [("INVALID", ["input", "sectionId"])],
        "unknown upload": [("NOT_FOUND", ["input", "uploadId"])],
        "not an id": [("NOT_FOUND", ["input", "uploadId"])],
    }
    assert "horoscope" in cases["unknown section"]["errors"][0]["message"]
    assert [(e["code"], e["path"]) for e in changed["errors"]] == [("CONFLICT", ["input", "item"])]
    assert "no longer in" in changed["errors"][0]["message"]
    assert texts(after_edit)["other_information"] == "Rewritten by hand." and after_edit["version"] == edited["version"]
    assert [(e["code"], e["path"]) for e in stale["errors"]] == [("CONFLICT", ["input", "uploadId"])]
    assert "newer file" in stale["errors"][0]["message"]


async def test_the_invitation_page_form_moves_a_paragraph_without_javascript(database, world):
    async with running(database) as api:
        upload_id, attend = await _uploaded(api, world)
        page = await api.client.get(f"/invitations/{world.inv_gp1}", headers={HEADER: str(world.gp1_author)})
        form = {"upload": upload_id, "item": str(attend["item"]), "section": "about_author"}
        chair = await api.client.post(f"/invitations/{world.inv_gp1}/placements", data=form, headers={HEADER: str(world.chair_a)})
        posted = await api.client.post(f"/invitations/{world.inv_gp1}/placements", data=form, headers={HEADER: str(world.gp1_author)})
        again = await api.client.post(f"/invitations/{world.inv_gp1}/placements", data=form, headers={HEADER: str(world.gp1_author)})
        bad = await api.client.post(f"/invitations/{world.inv_gp1}/placements", data={**form, "item": "x"},
                                    headers={HEADER: str(world.gp1_author)})
        after = await api.client.get(f"/invitations/{world.inv_gp1}", headers={HEADER: str(world.gp1_author)})
        contribution = await draft(api, world.conf_a, world.inv_gp1, as_=world.gp1_author)
    assert f'action="/invitations/{world.inv_gp1}/placements"' in page.text and 'name="section"' in page.text
    assert chair.status_code == 404 and "not moved" in chair.text
    assert posted.status_code == 303 and posted.headers["location"] == f"/invitations/{world.inv_gp1}#check"
    assert again.status_code == 409 and "already been checked" in again.text
    assert bad.status_code == 404 and "not on the list" in bad.text
    assert ATTEND in page.text and ATTEND not in after.text
    assert ATTEND in texts(contribution)["about_author"]
