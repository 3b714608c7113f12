"""Who belongs where, through the API: an LA administrator invites a professional (name, email,
organisation, roles), changes a person's roles and suspends them. Each change is one unit of work,
logged in the access log and the sign-in log.

An LA administrator administers the people of their LA's own organisations and of the region's
organisations that belong to no LA (GP practices, schools, CAFCASS…), and grants LA roles only in the
LAs they administer. Changing a person's roles replaces those the administrator may grant; the others
(another LA's, a region-wide auditor's) stay as they are."""

from collections.abc import Iterable
from email.message import EmailMessage

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from portal import access
from portal.enums import Role
from portal.errors import forbidden, invalid, not_found
from portal.identity import Actor
from portal.identity.events import Event, record
from portal.identity.people import add_person, set_roles, suspend_person
from portal.people.models import Organisation, Person, PersonRole
from portal.reminders.emails import plain_message

GRANTABLE = frozenset({Role.CHAIR, Role.BUSINESS_SUPPORT, Role.SOCIAL_WORKER, Role.LA_ADMIN, Role.AUDITOR, Role.CONTRIBUTOR, Role.GUARDIAN,
                       Role.ORG_ADMIN, Role.HEAD_OF_SERVICE, Role.IRO_MANAGER, Role.TEAM_MANAGER, Role.SERVICE_MANAGER, Role.DIRECTOR})
NOT_YOURS = "You may administer only the people of your local authority's organisations and of the region's agencies that belong to no local authority."


async def _organisation(db: AsyncSession, actor: Actor, organisation_id: int | None, path: tuple[str, ...]) -> Organisation:
    organisation = await db.get(Organisation, organisation_id) if organisation_id is not None else None
    if organisation is None or organisation.region_id != actor.region_id:
        raise not_found(path, "organisation")
    access.require(actor, "person.administer", organisation, path=path)
    return organisation


def _refusal(actor: Actor, role: Role, la_id: int | None) -> str | None:
    if role not in GRANTABLE or (role == Role.AUDITOR and la_id is None):
        return f"An LA administrator may not grant {role}{'' if la_id else ' across the region'}."
    if la_id is not None and la_id not in actor.la_ids({Role.LA_ADMIN}):
        return f"You may grant {role} only in a local authority you administer."
    return None


def _check_grants(actor: Actor, roles: Iterable[tuple[Role, int | None]]) -> None:
    for role, la_id in roles:
        if refusal := _refusal(actor, role, la_id):
            raise forbidden(("input", "roles"), refusal)


async def invite(db: AsyncSession, actor: Actor, *, name: str, email: str, organisation_id: int | None,
                 roles: list[tuple[Role, int | None]]) -> Person:
    organisation = await _organisation(db, actor, organisation_id, ("input", "organisationId"))
    _check_grants(actor, roles)
    person = await add_person(db, name=name, email=email, organisation_id=organisation.id, roles=roles)
    record(db, Event.INVITED, person_id=person.id, email=person.email, detail=f"by person {actor.person_id}: {_roles(roles)}")
    return person


async def _administered_person(db: AsyncSession, actor: Actor, person_id: int | None) -> Person:
    person = await db.get(Person, person_id) if person_id is not None else None
    organisation = await db.get(Organisation, person.organisation_id) if person is not None else None
    if person is None or organisation is None or organisation.region_id != actor.region_id:
        raise not_found(("input", "personId"), "person")
    if not access.allowed(actor, "person.administer", organisation):
        raise forbidden(("input", "personId"), NOT_YOURS)
    return person


async def change_roles(db: AsyncSession, actor: Actor, person_id: int | None, roles: list[tuple[Role, int | None]]) -> Person:
    person = await _administered_person(db, actor, person_id)
    _check_grants(actor, roles)
    if person.id == actor.person_id and not any(role == Role.LA_ADMIN for role, _ in roles):
        raise invalid(("input", "roles"), "You cannot take away your own administrator role; ask another administrator.")
    held = (await db.execute(select(PersonRole.role, PersonRole.la_id).where(PersonRole.person_id == person.id))).all()
    beyond_reach = [(Role(role), la_id) for role, la_id in held if _refusal(actor, Role(role), la_id)]
    await set_roles(db, person.id, [*roles, *beyond_reach])
    record(db, Event.ROLES_CHANGED, person_id=person.id, email=person.email, detail=f"by person {actor.person_id}: {_roles(roles)}")
    return person


async def suspend(db: AsyncSession, actor: Actor, person_id: int | None) -> Person:
    person = await _administered_person(db, actor, person_id)
    if person.id == actor.person_id:
        raise invalid(("input", "personId"), "You cannot suspend yourself; ask another administrator.")
    await suspend_person(db, person.id)
    record(db, Event.SUSPENDED, person_id=person.id, email=person.email, detail=f"by person {actor.person_id}")
    return person


def _roles(roles: Iterable[tuple[Role, int | None]]) -> str:
    return " ".join(sorted(f"{role}:{la}" if la else str(role) for role, la in roles)) or "no roles"


def invitation_message(to: str, name: str, organisation: str, invited_by: str, sign_in_url: str, sender: str) -> EmailMessage:
    return plain_message(
        sender, to, "You have been invited to the conference portal",
        f"Dear {name},\n\n{invited_by} has added you to the multi-agency conference portal for {organisation}.\n\n"
        f"Sign in at {sign_in_url} with this email address: through your organisation's sign-in if it is listed there, "
        f"or with a code the portal emails to you.\n\nIf you did not expect this, you can ignore this email.\n",
    )
