"""Giving family members access and ending it; what a family member may read through the API, and
what every other person may not (refusals answer like "not found")."""

from tests.support.families import MEMBER, grant, record, separated_parents
from tests.support.people import EVERYONE

MEETINGS = "{ familyConferences { id chairName children { givenName } } }"
ONE = 'query($id: ID!) { familyConference(id: $id) { id kind scheduledAt chairName localAuthorityName children { givenName } } }'
MEMBERS = 'query($id: ID!) { familyMembers(conferenceId: $id) { id name email mobile relationship endedAt } }'


async def test_each_parent_sees_only_the_meetings_about_their_own_child(api, world, database):
    family = await separated_parents(api, world, database)
    for parent in (family.mother, family.father):
        meetings = (await api(MEETINGS, as_=parent))["familyConferences"]
        assert meetings == [{"id": world.id("conf_a"), "chairName": "Chair A", "children": [{"givenName": "Maisie"}]}]
        assert (await api(ONE, {"id": world.id("conf_a")}, as_=parent))["familyConference"]["localAuthorityName"] == "Easterby City Council"
        for other in (world.id("conf_b"), "0", "x", "9" * 30):
            assert (await api(ONE, {"id": other}, as_=parent))["familyConference"] is None, other


async def test_no_one_else_reads_the_family_view(api, world, database):
    await separated_parents(api, world, database)
    for person in EVERYONE:
        assert (await api(MEETINGS, as_=getattr(world, person)))["familyConferences"] == [], person
        assert (await api(ONE, {"id": world.id("conf_a")}, as_=getattr(world, person)))["familyConference"] is None, person


async def test_a_family_member_reads_nothing_of_the_case_through_the_rest_of_the_api(api, world, database):
    family = await separated_parents(api, world, database)
    query = """query($c: ID!, $child: ID!) {
      conference(id: $c) { id } child(id: $child) { id } conferences { nodes { id } } myInvitations { nodes { id } }
      organisations { nodes { id } } familyMembers(conferenceId: $c) { id }
    }"""
    data = await api(query, {"c": world.id("conf_a"), "child": world.id("child_a1")}, as_=family.mother)
    assert data == {"conference": None, "child": None, "conferences": {"nodes": []}, "myInvitations": {"nodes": []},
                    "organisations": {"nodes": []}, "familyMembers": []}


async def test_one_parents_access_ends_without_the_others(api, world, database):
    family = await separated_parents(api, world, database)
    ended = await api.mutate("endFamilyAccess", {"familyMemberId": family.father_access}, MEMBER, as_=world.sw_a)
    assert not ended["errors"] and ended["familyMember"]["endedAt"]
    assert (await api(MEETINGS, as_=family.father))["familyConferences"] == []
    assert (await api(ONE, {"id": world.id("conf_a")}, as_=family.father))["familyConference"] is None
    assert len((await api(MEETINGS, as_=family.mother))["familyConferences"]) == 1
    again = await api.mutate("endFamilyAccess", {"familyMemberId": family.father_access}, MEMBER, as_=world.sw_a)
    assert again["errors"][0]["code"] == "CONFLICT"
    restored = await grant(api, world, family.father_case, "carl@example.net")
    assert not restored["errors"] and restored["familyMember"]["id"] == family.father_access
    assert len((await api(MEETINGS, as_=family.father))["familyConferences"]) == 1


async def test_only_the_social_worker_or_business_support_of_the_childs_la_gives_or_ends_access(api, world, database):
    family = await separated_parents(api, world, database)
    case_person = await record(api, world, "child_a2", "GRANDMOTHER", "Pat", "Ashdown")
    for person in ("chair_a", "chair_b", "bs_b", "gp1_author", "guardian_1"):
        code = "FORBIDDEN" if person == "chair_a" else "NOT_FOUND"  # the LA's chair sees the child; the others do not
        refused = await grant(api, world, case_person, "pat@example.net", by=person)
        assert refused["familyMember"] is None and refused["errors"][0]["code"] == code, person
        ended = await api.mutate("endFamilyAccess", {"familyMemberId": family.mother_access}, MEMBER, as_=getattr(world, person))
        assert ended["familyMember"] is None and ended["errors"][0]["code"] == code, person
    assert not (await api.mutate("endFamilyAccess", {"familyMemberId": family.mother_access}, MEMBER, as_=family.father))["familyMember"]
    assert not (await grant(api, world, case_person, "pat@example.net", by="bs_a"))["errors"]


async def test_bad_addresses_and_numbers_are_refused_and_nothing_is_stored(api, world, database):
    case_person = await record(api, world, "child_a1", "MOTHER", "Jodie", "Ashdown")
    bad = await grant(api, world, case_person, "not an address", mobile="123")
    assert [e["path"] for e in bad["errors"]] == [["input", "email"], ["input", "mobile"]]
    staff = await grant(api, world, case_person, "gp1_author@example.org")
    assert staff["errors"][0]["code"] == "CONFLICT" and "works with the portal" in staff["errors"][0]["message"]
    assert (await api(MEMBERS, {"id": world.id("conf_a")}, as_=world.sw_a))["familyMembers"] == []
    assert not (await grant(api, world, case_person, "jodie@example.net"))["errors"]
    twice = await grant(api, world, case_person, "JODIE@example.net")
    assert twice["errors"][0]["code"] == "CONFLICT"


async def test_staff_of_the_childs_la_see_who_has_access(api, world, database):
    await separated_parents(api, world, database)
    for person in EVERYONE:
        members = (await api(MEMBERS, {"id": world.id("conf_a")}, as_=getattr(world, person)))["familyMembers"]
        assert len(members) == (2 if person in ("chair_a", "chair_a2", "bs_a", "sw_a") else 0), person
    members = (await api(MEMBERS, {"id": world.id("conf_a")}, as_=world.sw_a))["familyMembers"]
    assert [(m["name"], m["relationship"], m["mobile"]) for m in members] == [("Jodie Ashdown", "MOTHER", "07700 900123"), ("Carl Ashdown", "FATHER", "")]
