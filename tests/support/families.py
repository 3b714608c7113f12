"""Two separated parents of the test world's Ashdown children (tests/support/world.py), each given access
by the social worker, and a mother of Esme in the other council who is given none."""

from dataclasses import dataclass

from tests.support.world import World

PERSON = "person { id }"
MEMBER = "familyMember { id name email endedAt }"


@dataclass
class Family:
    mother: int  # person ids, to act as
    father: int
    mother_access: str  # family member ids (access for Maisie)
    father_access: str
    mother_case: str  # case person ids
    father_case: str
    father_address: str = "14 Larch Road, Easterby"
    father_postcode: str = "EB4 7QT"
    father_phone: str = "07700 900456"


async def record(api, world: World, child: str, relationship: str, given: str, family: str, **details) -> str:
    recorded = await api.mutate("recordCasePerson", {"childId": world.id(child), "relationship": relationship, "givenName": given, "familyName": family, **details},
                                PERSON, as_=world.sw_a)
    assert not recorded["errors"], recorded
    return recorded["person"]["id"]


async def grant(api, world: World, case_person: str, email: str, by: str = "sw_a", mobile: str = "") -> dict:
    return await api.mutate("grantFamilyAccess", {"casePersonId": case_person, "email": email, "mobile": mobile}, MEMBER, as_=getattr(world, by))


async def person_of(database, email: str) -> int:
    from sqlalchemy import select

    from portal.people.models import Person

    async with database.session() as session:
        return (await session.execute(select(Person.id).where(Person.email == email))).scalar_one()


async def separated_parents(api, world: World, database) -> Family:
    mother_case = await record(api, world, "child_a1", "MOTHER", "Jodie", "Ashdown", email="jodie@example.net")
    father_case = await record(api, world, "child_a1", "FATHER", "Carl", "Ashdown", address="14 Larch Road, Easterby", postcode="EB4 7QT",
                               phone="07700 900456", doNotShareContact=True)
    mother = await grant(api, world, mother_case, "jodie@example.net", mobile="07700 900123")
    father = await grant(api, world, father_case, "carl@example.net", by="bs_a")
    assert not mother["errors"] and not father["errors"], (mother, father)
    return Family(
        mother=await person_of(database, "jodie@example.net"), father=await person_of(database, "carl@example.net"),
        mother_access=mother["familyMember"]["id"], father_access=father["familyMember"]["id"], mother_case=mother_case, father_case=father_case,
    )
