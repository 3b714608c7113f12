"""Writing a contribution: draft, submit, amend, withdraw; every bad input refused with nothing changed."""

from sqlalchemy import func, select

from portal.contributions.models import Contribution, ContributionVersion
from tests.support.contributions import REQUIRED_GP, draft, sections


async def versions(database, contribution_id: str) -> list[tuple[int, str]]:
    async with database.session() as session:
        rows = await session.execute(
            select(ContributionVersion.number, ContributionVersion.status)
            .where(ContributionVersion.contribution_id == int(contribution_id))
            .order_by(ContributionVersion.number)
        )
        return [tuple(r) for r in rows]


async def test_draft_then_submit_then_amend_keeps_every_version(api, world, database):
    first = await draft(api, world, {"worries": "First thoughts."}, [{"childId": world.id("child_a1"), "score": 4}])
    assert first["status"] == "DRAFT" and first["version"] == 1
    second = await draft(api, world)
    assert second["id"] == first["id"] and second["version"] == 2
    assert {s["id"]: s["text"]["source"] for s in second["sections"]}["worries"] == REQUIRED_GP["worries"]
    assert second["scales"] == [{"childId": world.id("child_a1"), "score": 4}]

    submitted = await api.mutate("submitContribution", {"contributionId": first["id"]}, "contribution { status submittedAt version }", as_=world.gp1_author)
    assert submitted["errors"] == [] and submitted["contribution"]["status"] == "SUBMITTED"
    assert submitted["contribution"]["submittedAt"] is not None

    amended = await api.mutate(
        "amendContribution",
        {"contributionId": first["id"], "reason": "Latest appointment added.", "sections": sections({"next_steps": "Review in one week."})},
        "contribution { status version versions { number status note } }",
        as_=world.gp1_author,
    )
    assert amended["errors"] == []
    assert [(v["number"], v["status"]) for v in amended["contribution"]["versions"]] == [
        (1, "DRAFT"), (2, "DRAFT"), (3, "SUBMITTED"), (4, "AMENDED"),
    ]
    assert amended["contribution"]["versions"][-1]["note"] == "Latest appointment added."
    assert await versions(database, first["id"]) == [(1, "DRAFT"), (2, "DRAFT"), (3, "SUBMITTED"), (4, "AMENDED")]

    withdrawn = await api.mutate("withdrawContribution", {"contributionId": first["id"], "reason": "Wrong child."}, "contribution { status }", as_=world.gp1_author)
    assert withdrawn["contribution"]["status"] == "WITHDRAWN"


async def test_a_colleague_in_the_same_practice_can_continue_the_draft(api, world):
    mine = await draft(api, world, {"worries": "Started by the author."})
    theirs = await draft(api, world, {"next_steps": "Added by a colleague."}, as_=world.gp1_colleague)
    assert theirs["id"] == mine["id"]
    assert {s["id"] for s in theirs["sections"]} == {"worries", "next_steps"}


async def test_markdown_is_served_as_source_and_as_safe_html(api, world):
    saved = await draft(api, world, {"worries": "**Bruising** <script>alert(1)</script> [link](javascript:alert(2))"})
    text = saved["sections"][0]["text"]
    assert text["source"].startswith("**Bruising**")
    assert "<strong>Bruising</strong>" in text["html"]
    assert "<script>" not in text["html"] and "javascript:" not in text["html"].split("[link]")[0]


async def test_a_failed_submit_keeps_the_draft_and_names_every_missing_section(api, world, database):
    saved = await draft(api, world, {"worries": "Only this so far."})
    result = await api.mutate("submitContribution", {"contributionId": saved["id"]}, "contribution { status }", as_=world.gp1_author)
    assert result["contribution"] is None
    missing = {tuple(e["path"]) for e in result["errors"]}
    assert ("input", "sections", "immunisations") in missing and ("input", "sections", "worries") not in missing
    assert all(e["code"] == "INVALID" and "required" in e["message"] for e in result["errors"])
    again = await api(f'{{ contribution(id: "{saved["id"]}") {{ status version sections {{ id }} }} }}', as_=world.gp1_author)
    assert again["contribution"] == {"status": "DRAFT", "version": 1, "sections": [{"id": "worries"}]}
    assert await versions(database, saved["id"]) == [(1, "DRAFT")]


async def test_bad_content_is_refused_with_paths_and_nothing_is_written(api, world, database):
    saved = await draft(api, world, {"worries": "Kept."})
    payload = await api.mutate(
        "saveDraft",
        {
            "invitationId": world.id("inv_gp1"),
            "sections": [
                {"sectionId": "worries", "text": "Would replace."},
                {"sectionId": "attendance", "text": "A school section, not a GP one."},
                {"sectionId": "danger_statement", "text": "x" * 5001},
            ],
            "scales": [{"childId": world.id("child_a1"), "score": 11}, {"childId": world.id("child_b1"), "score": 3}],
        },
        "contribution { id }",
        as_=world.gp1_author,
    )
    assert payload["contribution"] is None
    errors = {tuple(e["path"]): e["message"] for e in payload["errors"]}
    assert "'attendance' is not a section of the General practice report." == errors[("input", "sections", "1", "sectionId")]
    assert "limit is 5,000" in errors[("input", "sections", "2", "text")]
    assert "0 (not safe) to 10" in errors[("input", "scales", "0", "score")]
    assert "not covered by this conference" in errors[("input", "scales", "1", "childId")]
    state = await api(f'{{ contribution(id: "{saved["id"]}") {{ version sections {{ text {{ source }} }} scales {{ score }} }} }}', as_=world.gp1_author)
    assert state["contribution"] == {"version": 1, "sections": [{"text": {"source": "Kept."}}], "scales": []}


async def test_negative_scale_is_refused(api, world):
    payload = await api.mutate(
        "saveDraft", {"invitationId": world.id("inv_gp1"), "scales": [{"childId": world.id("child_a2"), "score": -1}]}, "contribution { id }", as_=world.gp1_author
    )
    assert payload["errors"][0]["path"] == ["input", "scales", "0", "score"]


async def test_second_submit_and_changing_a_submitted_draft_are_conflicts(api, world):
    saved = await draft(api, world)
    await api.mutate("submitContribution", {"contributionId": saved["id"]}, "contribution { id }", as_=world.gp1_author)
    again = await api.mutate("submitContribution", {"contributionId": saved["id"]}, "contribution { id }", as_=world.gp1_author)
    assert again["errors"][0]["code"] == "CONFLICT" and "only once" in again["errors"][0]["message"]
    redraft = await api.mutate("saveDraft", {"invitationId": world.id("inv_gp1"), "sections": sections({"worries": "x"})}, "contribution { id }", as_=world.gp1_author)
    assert redraft["errors"][0]["code"] == "CONFLICT" and "use amend" in redraft["errors"][0]["message"]


async def test_amending_needs_a_reason_and_a_withdrawn_report_cannot_be_amended(api, world):
    saved = await draft(api, world)
    await api.mutate("submitContribution", {"contributionId": saved["id"]}, "contribution { id }", as_=world.gp1_author)
    no_reason = await api.mutate("amendContribution", {"contributionId": saved["id"], "reason": "  "}, "contribution { id }", as_=world.gp1_author)
    assert no_reason["errors"][0]["path"] == ["input", "reason"]
    cleared = await api.mutate(
        "amendContribution", {"contributionId": saved["id"], "reason": "Tidy", "sections": sections({"worries": ""})}, "contribution { id }", as_=world.gp1_author
    )
    assert cleared["errors"][0]["path"] == ["input", "sections", "worries"]
    await api.mutate("withdrawContribution", {"contributionId": saved["id"], "reason": "Sent in error."}, "contribution { id }", as_=world.gp1_author)
    amend = await api.mutate("amendContribution", {"contributionId": saved["id"], "reason": "More"}, "contribution { id }", as_=world.gp1_author)
    assert amend["errors"][0]["code"] == "CONFLICT"
    withdraw_again = await api.mutate("withdrawContribution", {"contributionId": saved["id"], "reason": "Again"}, "contribution { id }", as_=world.gp1_author)
    assert withdraw_again["errors"][0]["code"] == "CONFLICT"


async def test_unknown_and_malformed_ids_are_not_found(api, world, database):
    for bad in ("999999", "abc", "-1"):
        payload = await api.mutate("submitContribution", {"contributionId": bad}, "contribution { id }", as_=world.gp1_author)
        assert payload["errors"][0]["code"] == "NOT_FOUND"
        payload = await api.mutate("saveDraft", {"invitationId": bad, "sections": []}, "contribution { id }", as_=world.gp1_author)
        assert payload["errors"][0]["code"] == "NOT_FOUND"
    async with database.session() as session:
        assert (await session.execute(select(func.count()).select_from(Contribution))).scalar_one() == 0


async def test_shared_with_family_is_recorded_once_submitted(api, world):
    saved = await draft(api, world)
    early = await api.mutate("recordSharedWithFamily", {"contributionId": saved["id"], "sharedOn": "2026-01-05"}, "contribution { id }", as_=world.gp1_author)
    assert early["errors"][0]["code"] == "CONFLICT"
    await api.mutate("submitContribution", {"contributionId": saved["id"]}, "contribution { id }", as_=world.gp1_author)
    future = await api.mutate("recordSharedWithFamily", {"contributionId": saved["id"], "sharedOn": "2999-01-01"}, "contribution { id }", as_=world.gp1_author)
    assert future["errors"][0]["path"] == ["input", "sharedOn"]
    shared = await api.mutate("recordSharedWithFamily", {"contributionId": saved["id"], "sharedOn": "2026-01-05"}, "contribution { sharedWithFamilyOn }", as_=world.gp1_author)
    assert shared["contribution"]["sharedWithFamilyOn"] == "2026-01-05"


async def test_withholding_is_requested_by_the_author_and_decided_once_by_the_chair(api, world):
    saved = await draft(api, world, {**REQUIRED_GP, "complicating_factors": "Third-party health detail."})
    await api.mutate("submitContribution", {"contributionId": saved["id"]}, "contribution { id }", as_=world.gp1_author)
    unknown = await api.mutate("requestWithholding", {"contributionId": saved["id"], "sectionId": "nope", "reason": "x"}, "withholdingRequest { id }", as_=world.gp1_author)
    assert unknown["errors"][0]["path"] == ["input", "sectionId"]
    asked = await api.mutate(
        "requestWithholding", {"contributionId": saved["id"], "sectionId": "complicating_factors", "reason": "Third party's health."},
        "withholdingRequest { id decision }", as_=world.gp1_author,
    )
    assert asked["withholdingRequest"]["decision"] == "PENDING"
    twice = await api.mutate(
        "requestWithholding", {"contributionId": saved["id"], "sectionId": "complicating_factors", "reason": "Again"}, "withholdingRequest { id }", as_=world.gp1_author
    )
    assert twice["errors"][0]["code"] == "CONFLICT"
    request_id = asked["withholdingRequest"]["id"]
    by_other_chair = await api.mutate("decideWithholding", {"requestId": request_id, "agree": True}, "withholdingRequest { id }", as_=world.chair_a2)
    assert by_other_chair["errors"][0]["code"] in ("NOT_FOUND", "FORBIDDEN")
    decided = await api.mutate("decideWithholding", {"requestId": request_id, "agree": True, "note": "Agreed."}, "withholdingRequest { decision decisionNote }", as_=world.chair_a)
    assert decided["withholdingRequest"] == {"decision": "AGREED", "decisionNote": "Agreed."}
    again = await api.mutate("decideWithholding", {"requestId": request_id, "agree": False, "note": "Changed my mind."}, "withholdingRequest { id }", as_=world.chair_a)
    assert again["errors"][0]["code"] == "CONFLICT"


async def test_refusing_to_withhold_needs_a_reason_and_agreeing_does_not(api, world):
    saved = await draft(api, world, {**REQUIRED_GP, "complicating_factors": "Third-party health detail.", "parental_health": "Father's health."})
    await api.mutate("submitContribution", {"contributionId": saved["id"]}, "contribution { id }", as_=world.gp1_author)
    ids = []
    for section in ("complicating_factors", "parental_health"):
        asked = await api.mutate("requestWithholding", {"contributionId": saved["id"], "sectionId": section, "reason": "Third party."},
                                 "withholdingRequest { id }", as_=world.gp1_author)
        ids.append(asked["withholdingRequest"]["id"])
    for note in ("", "   \n "):
        bare = await api.mutate("decideWithholding", {"requestId": ids[0], "agree": False, "note": note}, "withholdingRequest { id }", as_=world.chair_a)
        assert bare["withholdingRequest"] is None
        assert [(e["path"], e["code"]) for e in bare["errors"]] == [(["input", "note"], "INVALID")]
    refused = await api.mutate("decideWithholding", {"requestId": ids[0], "agree": False, "note": "The family already know this."},
                               "withholdingRequest { decision decisionNote }", as_=world.chair_a)
    assert refused == {"withholdingRequest": {"decision": "REFUSED", "decisionNote": "The family already know this."}, "errors": []}
    agreed = await api.mutate("decideWithholding", {"requestId": ids[1], "agree": True}, "withholdingRequest { decision decisionNote }", as_=world.chair_a)
    assert agreed == {"withholdingRequest": {"decision": "AGREED", "decisionNote": ""}, "errors": []}


async def test_reports_for_a_cancelled_conference_cannot_change(api, world, database):
    from portal.conferences.models import Conference

    saved = await draft(api, world)
    async with database.session() as session:
        conference = await session.get(Conference, world.conf_a)
        conference.status = "CANCELLED"
        await session.commit()
    for name, data in (
        ("saveDraft", {"invitationId": world.id("inv_gp1"), "sections": sections({"worries": "More."})}),
        ("submitContribution", {"contributionId": saved["id"]}),
    ):
        payload = await api.mutate(name, data, "contribution { id }", as_=world.gp1_author)
        assert payload["errors"][0]["code"] == "CONFLICT" and "cancelled" in payload["errors"][0]["message"], name
