from dataclasses import dataclass

import pytest

from portal.enums import Role
from portal.people.models import LocalAuthority, Person, PersonRole, Region


@dataclass(frozen=True)
class La:
    id: int
    slug: str


@pytest.fixture
async def la(database) -> La:
    """One local authority (Ashby) and nothing else."""
    async with database.session() as session:
        region = Region(slug="fellside", name="Fellside")
        session.add(region)
        await session.flush()
        authority = LocalAuthority(region_id=region.id, slug="ashby", name="Ashby Borough Council")
        session.add(authority)
        await session.commit()
        return La(authority.id, authority.slug)


async def add_managers(database, world) -> dict[str, int]:
    """A head of service and an IRO manager in the world's first LA, and a head of service in its second."""
    found = {}
    async with database.session() as session:
        for name, role, la in (("hos_a", Role.HEAD_OF_SERVICE, world.la_a), ("irom_a", Role.IRO_MANAGER, world.la_a),
                               ("hos_b", Role.HEAD_OF_SERVICE, world.la_b)):
            person = Person(organisation_id=world.social_a if la == world.la_a else world.social_b, name=name, email=f"{name}@example.org")
            session.add(person)
            await session.flush()
            session.add(PersonRole(person_id=person.id, role=role, la_id=la))
            found[name] = person.id
        await session.commit()
    return found
