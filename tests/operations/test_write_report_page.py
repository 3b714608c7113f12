"""WriteReportPage: the invitation, the agency's sections, the draft with its scales and withholding requests, and drafting advice."""

from tests.support.contributions import REQUIRED_GP, draft


async def test_the_author_gets_the_sections_to_write_the_draft_and_the_advice(page, api, world):
    saved = await draft(api, world, REQUIRED_GP, scales=[{"childId": world.id("child_a1"), "score": 4}])
    invitation = (await page("WriteReportPage", {"invitation": world.id("inv_gp1")}, as_=world.gp1_colleague))["invitation"]
    assert invitation["reportStatus"] == "DRAFT" and invitation["overdue"] is False
    agency = invitation["organisation"]["agency"]
    assert agency["id"] == "gp"
    immunisations = next(s for s in agency["sections"] if s["id"] == "immunisations")
    assert immunisations["title"] == "Immunisations" and immunisations["required"] is True and immunisations["maxLength"] == 20000
    assert immunisations["help"].startswith("Whether immunisations are up to date")
    assert [c["id"] for c in invitation["conference"]["children"]] == [world.id("child_a1"), world.id("child_a2")]
    contribution = invitation["contribution"]
    assert contribution["id"] == saved["id"] and contribution["status"] == "DRAFT"
    assert {s["id"]: s["text"]["source"] for s in contribution["sections"]} == REQUIRED_GP
    assert contribution["scales"] == [{"childId": world.id("child_a1"), "score": 4}]
    assert contribution["withholdingRequests"] == [] and contribution["sharedWithFamilyOn"] is None
    advice = {a["criterionId"]: a for a in contribution["feedback"]}
    assert "no mention" in advice["child_voice"]["message"] and advice["child_voice"]["sectionId"] == "child_voice"


async def test_a_draft_is_nothing_to_anyone_outside_the_organisation(page, api, world):
    await draft(api, world, REQUIRED_GP)
    for person in ("school_author", "chair_a", "chair_a2", "bs_a"):  # invited to, or staff of, the same conference
        invitation = (await page("WriteReportPage", {"invitation": world.id("inv_gp1")}, as_=getattr(world, person)))["invitation"]
        assert invitation["contribution"] is None and invitation["reportStatus"] == "NOT_SUBMITTED", person
    for person in ("gp2_author", "chair_b", "guardian_1"):  # another LA's people, or an organisation not invited
        assert (await page("WriteReportPage", {"invitation": world.id("inv_gp1")}, as_=getattr(world, person)))["invitation"] is None, person
    assert (await page("WriteReportPage", {"invitation": "not-a-number"}, as_=world.gp1_author))["invitation"] is None


async def test_a_section_asked_to_be_withheld_stays_with_the_author_and_the_chair(page, api, world):
    saved = await draft(api, world, {**REQUIRED_GP, "complicating_factors": "Third-party health detail."})
    await api.mutate("submitContribution", {"contributionId": saved["id"]}, "contribution { id }", as_=world.gp1_author)
    await api.mutate("recordSharedWithFamily", {"contributionId": saved["id"], "sharedOn": "2026-10-12"}, "contribution { id }", as_=world.gp1_author)
    asked = await api.mutate("requestWithholding", {"contributionId": saved["id"], "sectionId": "complicating_factors", "reason": "Third party's health."},
                             "withholdingRequest { id }", as_=world.gp1_author)
    await api.mutate("decideWithholding", {"requestId": asked["withholdingRequest"]["id"], "agree": False, "note": "The family know this."},
                     "withholdingRequest { id }", as_=world.chair_a)
    await api.mutate("requestWithholding", {"contributionId": saved["id"], "sectionId": "parental_health", "reason": "Father's health."},
                     "withholdingRequest { id }", as_=world.gp1_author)
    own = (await page("WriteReportPage", {"invitation": world.id("inv_gp1")}, as_=world.gp1_author))["invitation"]["contribution"]
    assert own["sharedWithFamilyOn"] == "2026-10-12"
    assert [(w["sectionId"], w["sectionTitle"], w["decision"], w["decisionNote"]) for w in own["withholdingRequests"]] == [
        ("complicating_factors", "Complicating factors", "REFUSED", "The family know this."),
        ("parental_health", "Parental and household health", "PENDING", ""),
    ]
    assert {"id": "parental_health", "withheld": True} in [{"id": s["id"], "withheld": s["withheldFromFamily"]} for s in own["sections"]]
    chair = (await page("WriteReportPage", {"invitation": world.id("inv_gp1")}, as_=world.chair_a))["invitation"]["contribution"]
    assert len(chair["withholdingRequests"]) == 2 and "parental_health" in [s["id"] for s in chair["sections"]]
    assert chair["feedback"] == []
    for person in ("school_author", "chair_a2", "sw_a"):
        other = (await page("WriteReportPage", {"invitation": world.id("inv_gp1")}, as_=getattr(world, person)))["invitation"]["contribution"]
        assert other["withholdingRequests"] == [] and other["feedback"] == [], person
        assert "parental_health" not in [s["id"] for s in other["sections"]], person
        assert "complicating_factors" in [s["id"] for s in other["sections"]], person  # refused, so shown again
