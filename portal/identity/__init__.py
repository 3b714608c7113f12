"""Who is asking: the actor attached to every request (a person, or an API token acting for its
organisation). A suspended person is nobody."""

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from portal.enums import PersonStatus, Role
from portal.people.models import Organisation, Person, PersonRole

LA_STAFF_ROLES = frozenset({Role.CHAIR, Role.BUSINESS_SUPPORT, Role.SOCIAL_WORKER})


@dataclass(frozen=True)
class Actor:
    person_id: int
    name: str
    organisation_id: int
    agency_id: str
    region_id: int
    roles: frozenset[tuple[Role, int | None]] = field(default_factory=frozenset)
    # An API token acting for its organisation: its id (for the access log) and its scopes. A person has neither.
    token_id: int | None = None
    scopes: frozenset[str] | None = None

    def has(self, role: Role, la_id: int | None = None) -> bool:
        return (role, la_id) in self.roles

    def has_any(self, roles: frozenset[Role] | set[Role], la_id: int) -> bool:
        return any((role, la_id) in self.roles for role in roles)

    def la_ids(self, roles: frozenset[Role] | set[Role] = LA_STAFF_ROLES) -> frozenset[int]:
        return frozenset(la for role, la in self.roles if role in roles and la is not None)

    @property
    def is_contributor(self) -> bool:
        return self.has(Role.CONTRIBUTOR)


async def load_actor(session: AsyncSession, person_id: int) -> Actor | None:
    row = (
        await session.execute(
            select(Person, Organisation).join(Organisation, Organisation.id == Person.organisation_id).where(Person.id == person_id, Person.status == PersonStatus.ACTIVE)
        )
    ).first()
    if row is None:
        return None
    person, organisation = row
    roles = (await session.execute(select(PersonRole.role, PersonRole.la_id).where(PersonRole.person_id == person_id))).all()
    return Actor(
        person_id=person.id,
        name=person.name,
        organisation_id=organisation.id,
        agency_id=organisation.agency_id,
        region_id=organisation.region_id,
        roles=frozenset((Role(role), la_id) for role, la_id in roles),
    )
