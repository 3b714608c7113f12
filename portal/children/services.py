"""Recording a child in a local authority."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from portal import access, clock
from portal.children.models import Child
from portal.children.nhs import is_valid_nhs_number, normalise_nhs_number
from portal.errors import DomainError, Problem, conflict, not_found
from portal.identity import Actor
from portal.lookup import parse_id


@dataclass(frozen=True)
class NewChild:
    la_id: str
    given_name: str
    family_name: str
    date_of_birth: date
    nhs_number: str | None = None


async def add_child(session: AsyncSession, actor: Actor, new: NewChild) -> Child:
    path = ("input",)
    la_id = parse_id(new.la_id, (*path, "laId"), "local authority")
    if la_id not in actor.la_ids():
        raise not_found((*path, "laId"), "local authority")
    access.require(actor, "child.add", la_id, path=(*path, "laId"))
    problems: list[Problem] = []
    for field, value in (("givenName", new.given_name), ("familyName", new.family_name)):
        if not value.strip():
            problems.append(Problem((*path, field), "Give the child's name as the family uses it."))
        elif len(value) > 100:
            problems.append(Problem((*path, field), "Names are at most 100 characters."))
    if new.date_of_birth > clock.now().date():
        problems.append(Problem((*path, "dateOfBirth"), "The date of birth cannot be in the future."))
    nhs_number = normalise_nhs_number(new.nhs_number) if new.nhs_number else None
    if nhs_number is not None and not is_valid_nhs_number(nhs_number):
        problems.append(Problem((*path, "nhsNumber"), "That is not a valid NHS number: it must be 10 digits and its last digit must match the check digit."))
    if problems:
        raise DomainError(*problems)
    if nhs_number is not None:
        existing = (await session.execute(select(Child.id).where(Child.la_id == la_id, Child.nhs_number == nhs_number))).first()
        if existing:
            raise conflict((*path, "nhsNumber"), "A child with this NHS number is already recorded in this local authority.")
    child = Child(la_id=la_id, given_name=new.given_name.strip(), family_name=new.family_name.strip(), date_of_birth=new.date_of_birth, nhs_number=nhs_number)
    session.add(child)
    await session.flush()
    return child
