"""Fields guarded by their own action: the right person sees each, every other person gets nothing."""

from tests.support.contributions import REQUIRED_GP, draft
from tests.support.people import EVERYONE


async def test_readiness_is_for_staff_of_the_conferences_la_only(api, world):
    query = f'{{ conference(id: "{world.id("conf_a")}") {{ id readiness {{ status }} }} }}'
    for person in EVERYONE:
        conference = (await api(query, as_=getattr(world, person)))["conference"]
        if conference is not None:
            assert (conference["readiness"] is not None) == (person in ("chair_a", "chair_a2", "bs_a", "sw_a")), person


async def test_an_email_address_is_seen_by_its_owner_only(api, world):
    query = f'{{ conference(id: "{world.id("conf_a")}") {{ chair {{ id email }} }} me {{ id email }} }}'
    for person in EVERYONE:
        data = await api(query, as_=getattr(world, person))
        assert data["me"]["email"] == f"{person}@example.org", person
        if data["conference"] is not None:
            assert (data["conference"]["chair"]["email"] is not None) == (person == "chair_a"), person


async def test_drafting_advice_and_withholding_requests_are_for_those_they_concern(api, world):
    saved = await draft(api, world, {**REQUIRED_GP, "child_voice": ""})
    await api.mutate("submitContribution", {"contributionId": saved["id"]}, "contribution { id }", as_=world.gp1_author)
    await api.mutate("requestWithholding", {"contributionId": saved["id"], "sectionId": "parental_health", "reason": "Third party."},
                     "withholdingRequest { id }", as_=world.gp1_author)
    query = f'{{ contribution(id: "{saved["id"]}") {{ feedback {{ criterionId }} withholdingRequests {{ id }} }} }}'
    readers = set()
    for person in EVERYONE:
        contribution = (await api(query, as_=getattr(world, person)))["contribution"]
        if contribution is None:
            continue
        readers.add(person)
        own = person in ("gp1_author", "gp1_colleague")
        assert bool(contribution["feedback"]) == own, person
        assert bool(contribution["withholdingRequests"]) == (own or person == "chair_a"), person
    assert readers == {"gp1_author", "gp1_colleague", "chair_a", "chair_a2", "bs_a", "sw_a", "school_author"}
