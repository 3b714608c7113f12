"""Who belongs where: adding a person with their roles, changing roles, suspending."""

from collections.abc import Iterable

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from portal import clock
from portal.enums import PersonStatus, Role
from portal.errors import invalid
from portal.identity.models import ApiToken
from portal.identity.sessions import end_all_sessions
from portal.people.models import LocalAuthority, Organisation, Person, PersonRole

LA_ROLES = frozenset({Role.CHAIR, Role.BUSINESS_SUPPORT, Role.SOCIAL_WORKER, Role.LA_ADMIN, Role.HEAD_OF_SERVICE, Role.IRO_MANAGER,
                      Role.TEAM_MANAGER, Role.SERVICE_MANAGER, Role.DIRECTOR})


async def check_roles(db: AsyncSession, roles: Iterable[tuple[Role, int | None]]) -> None:
    for role, la_id in roles:
        if role in LA_ROLES and la_id is None:
            raise invalid(("roles",), f"{role} is held in a local authority; name it.")
        if la_id is not None and await db.get(LocalAuthority, la_id) is None:
            raise invalid(("roles",), f"There is no local authority {la_id}.")


async def add_person(db: AsyncSession, *, name: str, email: str, organisation_id: int, roles: Iterable[tuple[Role, int | None]], job_title: str = "") -> Person:
    roles = set(roles)
    email = email.strip()
    if not name.strip() or len(name.strip()) > 200:
        raise invalid(("name",), "Enter the person's name, up to 200 characters.")
    if "@" not in email or len(email) > 320:
        raise invalid(("email",), "Enter an email address in the right format, like name@example.org.")
    if await db.get(Organisation, organisation_id) is None:
        raise invalid(("organisationId",), f"There is no organisation {organisation_id}.")
    if (await db.execute(select(Person.id).where(func.lower(Person.email) == email.lower()))).first():
        raise invalid(("email",), "Someone with that email address is already known to the portal.")
    await check_roles(db, roles)
    person = Person(name=name.strip(), email=email, organisation_id=organisation_id, job_title=job_title)
    db.add(person)
    await db.flush()
    db.add_all(PersonRole(person_id=person.id, role=role, la_id=la_id) for role, la_id in roles)
    return person


async def set_roles(db: AsyncSession, person_id: int, roles: Iterable[tuple[Role, int | None]]) -> None:
    roles = set(roles)
    await check_roles(db, roles)
    await db.execute(delete(PersonRole).where(PersonRole.person_id == person_id))
    db.add_all(PersonRole(person_id=person_id, role=role, la_id=la_id) for role, la_id in roles)


async def suspend_person(db: AsyncSession, person_id: int) -> None:
    """The person stops at once: every session ends and every token they created is revoked."""
    await db.execute(update(Person).where(Person.id == person_id).values(status=PersonStatus.SUSPENDED))
    await end_all_sessions(db, person_id)
    await db.execute(update(ApiToken).where(ApiToken.created_by == person_id, ApiToken.revoked_at.is_(None)).values(revoked_at=clock.now()))
