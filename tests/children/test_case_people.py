"""The people around a child: recorded and read only by the staff of the child's local authority."""

from sqlalchemy import func, select

from portal.children.models import CasePerson
from tests.support.people import EVERYONE

FIELDS = "person { relationship givenName familyName knownAs dateOfBirth address postcode phone email doNotShareContact }"
LA_A_STAFF = {"chair_a", "chair_a2", "bs_a", "sw_a"}


def mother(world) -> dict:
    return {"childId": world.id("child_a1"), "relationship": "MOTHER", "givenName": " Shannon ", "familyName": "Brennan", "knownAs": "Shan",
            "dateOfBirth": "1996-11-20", "address": "Flat 2, Rosebank House, Mill Brow", "postcode": "eb4 7qt", "phone": "07700 900123",
            "email": "shannon.b@example.com", "doNotShareContact": True}


async def count(database) -> int:
    async with database.session() as session:
        return (await session.execute(select(func.count()).select_from(CasePerson))).scalar_one()


async def test_the_las_staff_record_a_person_around_a_child(api, world, database):
    for person in sorted(LA_A_STAFF):
        recorded = await api.mutate("recordCasePerson", mother(world), FIELDS, as_=getattr(world, person))
        assert recorded["errors"] == [], person
        assert recorded["person"] == {
            "relationship": "MOTHER", "givenName": "Shannon", "familyName": "Brennan", "knownAs": "Shan", "dateOfBirth": "1996-11-20",
            "address": "Flat 2, Rosebank House, Mill Brow", "postcode": "EB4 7QT", "phone": "07700 900123", "email": "shannon.b@example.com",
            "doNotShareContact": True,
        }
    partner = {"childId": world.id("child_a1"), "relationship": "MOTHERS_PARTNER", "givenName": "Dean"}
    assert (await api.mutate("recordCasePerson", partner, "person { familyName phone }", as_=world.sw_a))["person"] == {"familyName": "", "phone": ""}
    assert await count(database) == len(LA_A_STAFF) + 1


async def test_nobody_else_records_one_and_nothing_is_written(api, world, database):
    for person in sorted(set(EVERYONE) - LA_A_STAFF):
        refused = await api.mutate("recordCasePerson", mother(world), "person { givenName }", as_=getattr(world, person))
        assert refused["person"] is None and refused["errors"][0]["code"] == "NOT_FOUND", person
        assert refused["errors"][0]["path"] == ["input", "childId"], person
    assert await count(database) == 0


async def test_bad_input_gets_every_problem_at_once_and_loses_nothing(api, world, database):
    bad = {**mother(world), "givenName": " ", "postcode": "EB4", "phone": "12345", "email": "shannon at example", "dateOfBirth": "2999-01-01",
           "knownAs": "x" * 101}
    refused = await api.mutate("recordCasePerson", bad, "person { givenName }", as_=world.bs_a)
    assert refused["person"] is None
    assert sorted(e["path"][1] for e in refused["errors"]) == ["dateOfBirth", "email", "givenName", "knownAs", "phone", "postcode"]
    for child in ("999999", "x", world.id("child_b1")):
        missing = await api.mutate("recordCasePerson", {**mother(world), "childId": child}, "person { givenName }", as_=world.bs_a)
        assert missing["errors"][0]["code"] == "NOT_FOUND", child
    assert await count(database) == 0


async def test_only_the_las_staff_read_the_people_around_a_child(api, world):
    await api.mutate("recordCasePerson", mother(world), "person { givenName }", as_=world.sw_a)
    query = f'{{ child(id: "{world.id("child_a1")}") {{ givenName people {{ givenName phone }} }} }}'
    for person in EVERYONE:
        child = (await api(query, as_=getattr(world, person)))["child"]
        if person in LA_A_STAFF:
            assert child["people"] == [{"givenName": "Shannon", "phone": "07700 900123"}], person
        else:
            assert child is None or child["people"] is None, person
