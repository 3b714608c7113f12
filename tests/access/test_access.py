"""Default deny: for each rule, the right actor can and every other actor cannot."""

import pytest

from tests.support.contributions import REQUIRED_GP, draft
from tests.support.people import EVERYONE


async def visible_conferences(api, world, person: str) -> set[str]:
    data = await api("{ conferences(first: 100) { nodes { id } } }", as_=getattr(world, person))
    return {n["id"] for n in data["conferences"]["nodes"]}


async def test_conferences_are_seen_by_their_la_and_invited_organisations_only(api, world):
    a, b = world.id("conf_a"), world.id("conf_b")
    expected = {
        "chair_a": {a}, "chair_a2": {a}, "bs_a": {a}, "sw_a": {a}, "chair_b": {b}, "bs_b": {b},
        "gp1_author": {a}, "gp1_colleague": {a}, "gp2_author": {b}, "school_author": {a}, "guardian_1": set(), "guardian_2": set(),
    }
    for person in EVERYONE:
        assert await visible_conferences(api, world, person) == expected[person], person
        single = await api(f'{{ conference(id: "{a}") {{ id }} }}', as_=getattr(world, person))
        assert (single["conference"] is not None) == (a in expected[person]), person


async def test_children_of_one_la_are_never_seen_by_another(api, world):
    query = f'{{ child(id: "{world.id("child_a1")}") {{ givenName nhsNumber conferences {{ id }} }} }}'
    can = {"chair_a", "chair_a2", "bs_a", "sw_a", "gp1_author", "gp1_colleague", "school_author", "guardian_1"}
    for person in EVERYONE:
        data = await api(query, as_=getattr(world, person))
        assert (data["child"] is not None) == (person in can), person
    guardian_view = await api(query, as_=world.guardian_1)
    assert guardian_view["child"]["conferences"] == []


async def test_drafts_are_seen_only_by_their_own_organisation(api, world):
    saved = await draft(api, world, REQUIRED_GP)
    query = f'{{ contribution(id: "{saved["id"]}") {{ id }} conference(id: "{world.id("conf_a")}") {{ contributions {{ id }} invitations {{ contribution {{ id }} }} }} }}'

    async def sees(person: str) -> bool:
        data = await api(query, as_=getattr(world, person))
        listed = saved["id"] in [c["id"] for c in (data["conference"] or {}).get("contributions", [])]
        via_invitation = saved["id"] in [i["contribution"]["id"] for i in (data["conference"] or {}).get("invitations", []) if i["contribution"]]
        assert (data["contribution"] is not None) == listed == via_invitation, person
        return listed

    assert {p for p in EVERYONE if await sees(p)} == {"gp1_author", "gp1_colleague"}
    await api.mutate("submitContribution", {"contributionId": saved["id"]}, "contribution { id }", as_=world.gp1_author)
    assert {p for p in EVERYONE if await sees(p)} == {"gp1_author", "gp1_colleague", "chair_a", "chair_a2", "bs_a", "sw_a", "school_author"}
    await api.mutate("withdrawContribution", {"contributionId": saved["id"], "reason": "Wrong family."}, "contribution { id }", as_=world.gp1_author)
    assert {p for p in EVERYONE if await sees(p)} == {"gp1_author", "gp1_colleague", "chair_a", "chair_a2", "bs_a", "sw_a"}


async def test_only_the_invited_organisation_writes_its_contribution(api, world):
    saved = await draft(api, world, REQUIRED_GP)
    for person in ("school_author", "chair_a", "bs_a", "gp2_author", "chair_b"):
        attempt = await api.mutate("saveDraft", {"invitationId": world.id("inv_gp1"), "sections": []}, "contribution { id }", as_=getattr(world, person))
        assert attempt["errors"][0]["code"] == "NOT_FOUND", person
        submit = await api.mutate("submitContribution", {"contributionId": saved["id"]}, "contribution { id }", as_=getattr(world, person))
        assert submit["errors"][0]["code"] in ("NOT_FOUND", "FORBIDDEN"), person
    own = await api.mutate("submitContribution", {"contributionId": saved["id"]}, "contribution { status }", as_=world.gp1_colleague)
    assert own["contribution"]["status"] == "SUBMITTED"
    for person in ("school_author", "chair_a"):
        amend = await api.mutate("amendContribution", {"contributionId": saved["id"], "reason": "x"}, "contribution { id }", as_=getattr(world, person))
        assert amend["errors"][0]["code"] == "FORBIDDEN", person


@pytest.fixture
async def withheld(api, world):
    saved = await draft(api, world, {**REQUIRED_GP, "complicating_factors": "Mother's partner's own medical history."})
    await api.mutate("submitContribution", {"contributionId": saved["id"]}, "contribution { id }", as_=world.gp1_author)
    await api.mutate(
        "requestWithholding",
        {"contributionId": saved["id"], "sectionId": "complicating_factors", "reason": "Third party's health information."},
        "withholdingRequest { id }",
        as_=world.gp1_author,
    )
    return saved["id"]


async def test_a_withheld_section_is_seen_only_by_its_author_and_the_chair(api, world, withheld):
    query = f"""{{ contribution(id: "{withheld}") {{
        sections {{ id withheldFromFamily }} withholdingRequests {{ sectionId }} versions {{ sections {{ id }} }} }}
      conference(id: "{world.id('conf_a')}") {{ map {{ sectionId entries {{ contributionId }} }} }} }}"""
    for person in ("gp1_author", "gp1_colleague", "chair_a", "chair_a2", "bs_a", "sw_a", "school_author"):
        data = await api(query, as_=getattr(world, person))
        can = person in ("gp1_author", "gp1_colleague", "chair_a")
        ids = [s["id"] for s in data["contribution"]["sections"]]
        assert ("complicating_factors" in ids) == can, person
        assert bool(data["contribution"]["withholdingRequests"]) == can, person
        assert all(("complicating_factors" in [s["id"] for s in v["sections"]]) == can for v in data["contribution"]["versions"]), person
        in_map = next(m for m in data["conference"]["map"] if m["sectionId"] == "complicating_factors")["entries"]
        assert bool(in_map) == can, person
        if can:
            assert {"id": "complicating_factors", "withheldFromFamily": True} in data["contribution"]["sections"]


async def test_a_refused_withholding_shows_the_section_again(api, world, withheld):
    requests = await api(f'{{ contribution(id: "{withheld}") {{ withholdingRequests {{ id }} }} }}', as_=world.chair_a)
    request_id = requests["contribution"]["withholdingRequests"][0]["id"]
    refused = await api.mutate("decideWithholding", {"requestId": request_id, "agree": False, "note": "The family already know this."},
                               "withholdingRequest { id }", as_=world.chair_a)
    assert refused["errors"] == []
    data = await api(f'{{ contribution(id: "{withheld}") {{ sections {{ id }} }} }}', as_=world.school_author)
    assert "complicating_factors" in [s["id"] for s in data["contribution"]["sections"]]


async def test_guardians_see_care_plan_views_only_for_their_own_proceedings(api, world):
    query = "{ careProceedings { nodes { caseNumber children { givenName } carePlanViews { version view { source } } } } }"
    for person in EVERYONE:
        data = await api(query, as_=getattr(world, person))
        nodes = data["careProceedings"]["nodes"]
        expected = person in ("guardian_1", "chair_a", "chair_a2")
        assert bool(nodes) == expected, person
        if expected:
            assert nodes[0]["carePlanViews"][0]["view"]["source"].startswith("The IRO supports")


async def test_email_addresses_are_seen_only_by_their_owner(api, world):
    data = await api("{ me { email } conferences { nodes { chair { email } } } }", as_=world.chair_a)
    assert data["me"]["email"] == "chair_a@example.org"
    assert data["conferences"]["nodes"][0]["chair"]["email"] == "chair_a@example.org"
    other = await api("{ conferences { nodes { chair { name email } } } }", as_=world.gp1_author)
    assert other["conferences"]["nodes"][0]["chair"] == {"name": "Chair A", "email": None}


async def test_my_invitations_lists_only_my_organisations(api, world):
    for person, expected in (("gp1_author", {"inv_gp1"}), ("school_author", {"inv_school"}), ("sw_a", {"inv_social_a"}), ("chair_a", set()), ("guardian_1", set())):
        data = await api("{ myInvitations { nodes { id } } }", as_=getattr(world, person))
        assert {n["id"] for n in data["myInvitations"]["nodes"]} == {world.id(i) for i in expected}, person


@pytest.mark.parametrize("status", ["DRAFT", "SUBMITTED", "AMENDED", "WITHDRAWN"])
def test_uploads_are_read_by_the_contributing_organisation_and_the_chair_once_submitted(status):
    from types import SimpleNamespace

    from portal import access
    from portal.enums import ContributionStatus, Role
    from portal.identity import Actor

    def person(person_id: int, organisation_id: int, *roles: tuple[Role, int | None]) -> Actor:
        return Actor(person_id=person_id, name="x", organisation_id=organisation_id, agency_id="gp", region_id=1, roles=frozenset(roles))

    contribution = SimpleNamespace(organisation_id=7, status=ContributionStatus(status))
    conference = SimpleNamespace(chair_id=70, la_id=1)
    submitted = status in ("SUBMITTED", "AMENDED")
    expected = {
        "author": (person(1, 7, (Role.CONTRIBUTOR, None)), True),
        "chair": (person(70, 2, (Role.CHAIR, 1)), submitted),
        "another chair": (person(71, 2, (Role.CHAIR, 1)), False),
        "the chair's id without the role there": (person(70, 2, (Role.CHAIR, 5)), False),
        "business support": (person(72, 2, (Role.BUSINESS_SUPPORT, 1)), False),
        "another organisation": (person(3, 9, (Role.CONTRIBUTOR, None)), False),
    }
    for who, (actor, can) in expected.items():
        assert access.allowed(actor, "upload.read", contribution, conference) == can, who
