import hashlib

import pytest

from tests.support import pdfs
from tests.support.uploading import draft, running, save_draft, squash, texts, upload


@pytest.mark.parametrize("layout", pdfs.LAYOUTS, ids=lambda make: make.__name__)
async def test_each_layout_fills_the_draft_and_keeps_the_original(database, world, layout):
    fixture = layout()
    async with running(database) as api:
        payload = await upload(api, world.inv_gp1, fixture.data, as_=world.gp1_author, name=f"{fixture.name}.pdf")
    assert payload["errors"] == []
    contribution = payload["contribution"]
    assert contribution["status"] == "DRAFT" and contribution["version"] == 1
    filled = {k: squash(v) for k, v in texts(contribution).items()}
    misplaced = [(section, text) for section, text in fixture.expected if squash(text) not in filled.get(section, "")]
    assert misplaced == []
    assert payload["extraction"]["pages"] == fixture.pages
    placements = payload["extraction"]["placements"]
    assert placements and all(0 <= p["confidence"] <= 1 for p in placements)
    assert payload["extraction"]["toReview"] == [p for p in placements if p["needsReview"]]
    extracted = {s["id"]: s["pages"] for s in payload["extraction"]["sections"]}
    assert set(extracted) <= set(filled)
    assert all(pages and set(pages) <= set(range(1, fixture.pages + 1)) for pages in extracted.values())
    [kept] = contribution["uploads"]
    assert kept == {
        "id": payload["upload"]["id"], "fileName": f"{fixture.name}.pdf", "sha256": hashlib.sha256(fixture.data).hexdigest(),
        "size": len(fixture.data), "pages": fixture.pages, "versionNumber": 1,
        "sectionPages": kept["sectionPages"], "toReview": kept["toReview"],
    }
    assert [p["excerpt"] for p in kept["toReview"]] == [p["excerpt"] for p in payload["extraction"]["toReview"]]
    recorded = {p["sectionId"]: p["pages"] for p in kept["sectionPages"]}
    assert set(recorded) == set(filled)


async def test_merge_keeps_the_authors_text_replace_does_not_and_every_draft_stays_a_version(database, world):
    letter = pdfs.letter()
    async with running(database) as api:
        await save_draft(api, world.inv_gp1, {"worries": "Mia has missed two asthma reviews."}, as_=world.gp1_author)
        merged = (await upload(api, world.inv_gp1, letter.data, as_=world.gp1_author, mode="MERGE", name="letter.pdf"))["contribution"]
        replaced = (await upload(api, world.inv_gp1, letter.data, as_=world.gp1_author, mode="REPLACE", name="letter.pdf"))["contribution"]

    assert texts(merged)["worries"] == "Mia has missed two asthma reviews."
    assert "Yours sincerely," in texts(merged)["other_information"]
    assert texts(replaced) == {k: v for k, v in texts(merged).items() if k != "worries"}
    assert "other_information" in texts(replaced)

    versions = replaced["versions"]
    assert [v["number"] for v in versions] == [1, 2, 3]
    assert [s["id"] for s in versions[0]["sections"]] == ["worries"]
    assert [v["note"] for v in versions] == ["", "Filled from letter.pdf (merge).", "Filled from letter.pdf (replace)."]
    assert [u["versionNumber"] for u in replaced["uploads"]] == [2, 3]


async def test_merging_the_same_file_twice_adds_nothing_new(database, world):
    report = pdfs.numbered_report()
    async with running(database) as api:
        first = (await upload(api, world.inv_gp1, report.data, as_=world.gp1_author))["contribution"]
        second = (await upload(api, world.inv_gp1, report.data, as_=world.gp1_author))["contribution"]
    assert texts(second) == texts(first)
    assert second["version"] == 2 and len(second["uploads"]) == 2


async def test_uploads_are_listed_only_for_the_contributing_organisation(database, world):
    from sqlalchemy import update

    from portal.contributions.models import Contribution

    async with running(database) as api:
        await upload(api, world.inv_gp1, pdfs.letter().data, as_=world.gp1_author)
        async with database.session() as session:  # submitted, so others may now read the report
            await session.execute(update(Contribution).where(Contribution.invitation_id == world.inv_gp1).values(status="SUBMITTED"))
            await session.commit()
        colleague = await draft(api, world.conf_a, world.inv_gp1, as_=world.gp1_colleague)
        chair = await draft(api, world.conf_a, world.inv_gp1, as_=world.chair_a)
        other_chair = await draft(api, world.conf_a, world.inv_gp1, as_=world.chair_a2)
        school = await draft(api, world.conf_a, world.inv_gp1, as_=world.school_author)
        business_support = await draft(api, world.conf_a, world.inv_gp1, as_=world.bs_a)
    assert len(colleague["uploads"]) == 1
    assert [u["fileName"] for u in chair["uploads"]] == [u["fileName"] for u in colleague["uploads"]]  # the conference's chair, once submitted
    for reader in (other_chair, school, business_support):
        assert reader["sections"] and reader["uploads"] == []
