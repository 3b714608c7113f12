"""The people a demo visitor can act as, grouped for the chooser page."""

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from portal.people.models import LocalAuthority, Organisation, Person, PersonRole


@dataclass(frozen=True)
class DemoPerson:
    id: int
    name: str
    job_title: str
    organisation: str
    roles: str


async def demo_people(session: AsyncSession) -> list[DemoPerson]:
    people = (
        await session.execute(
            select(Person, Organisation.name).join(Organisation, Organisation.id == Person.organisation_id).order_by(Organisation.name, Person.name)
        )
    ).all()
    roles: dict[int, list[str]] = {}
    rows = await session.execute(
        select(PersonRole.person_id, PersonRole.role, LocalAuthority.name).outerjoin(LocalAuthority, LocalAuthority.id == PersonRole.la_id)
    )
    for person_id, role, la_name in rows:
        label = role.replace("_", " ").lower()
        roles.setdefault(person_id, []).append(f"{label} ({la_name})" if la_name else label)
    return [DemoPerson(p.id, p.name, p.job_title, org, ", ".join(roles.get(p.id, []))) for p, org in people]
