"""The family pack (a page that prints, and a PDF), the glossary it explains, and the reading-age
check its authors see."""

import io

import pdfplumber

from portal.demo_identity import HEADER
from portal.families.plain_english import reading_age, terms_used
from tests.families.test_before_the_meeting import WITHHELD, shared_report
from tests.support.contributions import REQUIRED_GP, draft
from tests.support.families import separated_parents
from tests.support.people import EVERYONE

HARD = ("Professionals are concerned regarding the deterioration of parental engagement with statutory services "
        "and the consequent impact upon the children's developmental trajectory.")


def test_a_reading_age_from_plain_and_hard_text():
    assert reading_age("We are worried that Maisie has been hurt. We saw bruises on her arm three times this month.") <= 8
    assert reading_age(HARD) > 16
    assert reading_age("Too short to say.") is None


def test_the_glossary_lists_the_terms_used():
    assert [t.term for t in terms_used(["The core group meets after the ICPC.", "Her safety scale is 4."])] == [
        "Child protection conference", "Core group", "Safety scale"]


async def test_the_pack_brings_together_worries_working_well_and_goals_from_every_shared_report(api, world, database):
    family = await separated_parents(api, world, database)
    await shared_report(api, world, {"safety_goals": "Maisie is brought to every appointment for six months, so the core group can see it.",
                                     "parental_health": "Father lives at 14 Larch Road, Easterby."})
    headers = {HEADER: str(family.mother), "accept": "text/html"}
    page = await api.client.get(f"/family/conferences/{world.conf_a}/pack", headers=headers)
    assert page.status_code == 200
    text = page.text
    assert text.index("What people are worried about") < text.index("Bruising seen twice") < text.index("What is working well")
    assert text.index("Grandmother visits every weekend") < text.index("Maisie is brought to every appointment") < text.index("Words we use")
    assert "Core group" in text and "A small group of the people" in text and WITHHELD not in text and "Larch" not in text
    assert "Mother: depression" not in text  # a section the pack does not gather
    pdf = await api.client.get(f"/family/conferences/{world.conf_a}/pack.pdf", headers=headers)
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf" and "attachment" in pdf.headers["content-disposition"]
    with pdfplumber.open(io.BytesIO(pdf.content)) as document:
        words = " ".join(page.extract_text() or "" for page in document.pages)
    assert "Family pack" in words and "Bruising seen twice" in words and "Core group" in words and WITHHELD not in words


async def test_no_one_else_gets_the_pack(api, world, database):
    family = await separated_parents(api, world, database)
    await shared_report(api, world)
    for path in (f"/family/conferences/{world.conf_a}/pack", f"/family/conferences/{world.conf_a}/pack.pdf"):
        for person in EVERYONE:
            refused = await api.client.get(path, headers={HEADER: str(getattr(world, person)), "accept": "text/html"})
            assert refused.status_code == 404 and "Bruising" not in refused.text, (person, path)
        assert (await api.client.get(path.replace(str(world.conf_a), str(world.conf_b)), headers={HEADER: str(family.mother)})).status_code == 404


async def test_the_author_sees_which_sections_read_above_the_councils_reading_age(api, world):
    await draft(api, world, {**REQUIRED_GP, "worries": HARD})
    page = await api.client.get(f"/reports/{world.inv_gp1}", headers={HEADER: str(world.gp1_author), "accept": "text/html"})
    assert "Reading age for the family" in page.text and "a reading age of 10 or under" in page.text
    assert 'href="#section-worries"' in page.text.split("Reading age for the family")[1]
    query = f'{{ invitation(id: "{world.id("inv_gp1")}") {{ familyReadability {{ sectionId readingAge target }} }} }}'
    flagged = (await api(query, as_=world.gp1_author))["invitation"]["familyReadability"]
    ids = [f["sectionId"] for f in flagged]
    assert "worries" in ids and "working_well" not in ids and flagged[0]["target"] == 10
    for person in ("chair_a", "bs_a", "school_author"):
        assert (await api(query, as_=getattr(world, person)))["invitation"]["familyReadability"] == [], person
