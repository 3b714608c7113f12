"""LA administrators for the administration tests: one for each council of the test world."""

from portal.enums import Role
from portal.identity.people import add_person


async def la_administrators(database, world) -> tuple[int, int]:
    """Easterby's and Westmarsh's administrators (ids), in their councils' social care."""
    found = []
    async with database.session() as db:
        for la, organisation in (("la_a", "social_a"), ("la_b", "social_b")):
            person = await add_person(db, name=f"Admin {la[-1].upper()}", email=f"admin.{la}@example.org", organisation_id=world.ids[organisation],
                                      roles=[(Role.LA_ADMIN, world.ids[la])])
            found.append(person.id)
        await db.commit()
    return found[0], found[1]
