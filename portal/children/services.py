"""Recording a child in a local authority, and the people around the child."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from portal import access, clock
from portal.children.contact import is_email, is_phone, is_postcode
from portal.children.models import CasePerson, Child
from portal.children.nhs import is_valid_nhs_number, normalise_nhs_number
from portal.enums import Relationship
from portal.errors import DomainError, Problem, conflict, not_found
from portal.identity import Actor
from portal.lookup import parse_id, visible_la

LA_CHILD_ID_LENGTH = 40


@dataclass(frozen=True)
class NewChild:
    la_id: str
    given_name: str
    family_name: str
    date_of_birth: date
    nhs_number: str | None = None
    la_child_id: str | None = None


async def add_child(session: AsyncSession, actor: Actor, new: NewChild) -> Child:
    path = ("input",)
    la_id = visible_la(actor, new.la_id, (*path, "laId"))
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
    la_child_id = new.la_child_id.strip() if new.la_child_id and new.la_child_id.strip() else None
    if la_child_id is not None and (len(la_child_id) > LA_CHILD_ID_LENGTH or not la_child_id.isprintable()):
        problems.append(Problem((*path, "laChildId"), f"The LA's child id is at most {LA_CHILD_ID_LENGTH} characters, as the DfE returns carry it."))
    if problems:
        raise DomainError(*problems)
    if la_child_id is not None:
        taken = (await session.execute(select(Child.id).where(Child.la_id == la_id, Child.la_child_id == la_child_id))).first()
        if taken:
            raise conflict((*path, "laChildId"), "Another child in this local authority has this LA child id.")
    if nhs_number is not None:
        existing = (await session.execute(select(Child.id).where(Child.la_id == la_id, Child.nhs_number == nhs_number))).first()
        if existing:
            raise conflict((*path, "nhsNumber"), "A child with this NHS number is already recorded in this local authority.")
    child = Child(la_id=la_id, given_name=new.given_name.strip(), family_name=new.family_name.strip(), date_of_birth=new.date_of_birth, nhs_number=nhs_number,
                  la_child_id=la_child_id)
    session.add(child)
    await session.flush()
    return child


@dataclass(frozen=True)
class NewCasePerson:
    child_id: str
    relationship: Relationship
    given_name: str
    family_name: str = ""
    known_as: str = ""
    date_of_birth: date | None = None
    address: str = ""
    postcode: str = ""
    phone: str = ""
    email: str = ""
    do_not_share_contact: bool = False


NAME_FIELDS = (("givenName", "given_name", 100), ("familyName", "family_name", 100), ("knownAs", "known_as", 100), ("address", "address", 500))


def _case_person_problems(new: NewCasePerson, path: tuple[str, ...]) -> list[Problem]:
    problems: list[Problem] = []
    if not new.given_name.strip():
        problems.append(Problem((*path, "givenName"), "Give the person's first name as the family uses it."))
    for field, attribute, limit in NAME_FIELDS:
        if len(getattr(new, attribute)) > limit:
            problems.append(Problem((*path, field), f"This is at most {limit} characters."))
    if new.date_of_birth is not None and new.date_of_birth > clock.now().date():
        problems.append(Problem((*path, "dateOfBirth"), "The date of birth cannot be in the future."))
    checks = (("postcode", new.postcode, is_postcode, "That is not a UK postcode, e.g. EB4 7QT."),
              ("phone", new.phone, is_phone, "That is not a UK phone number, e.g. 07700 900123."),
              ("email", new.email, is_email, "That is not an email address, e.g. name@example.org."))
    problems.extend(Problem((*path, field), message) for field, value, valid, message in checks if value.strip() and not valid(value))
    return problems


async def record_case_person(session: AsyncSession, actor: Actor, new: NewCasePerson) -> CasePerson:
    """Record a parent, carer, relative or household member of a child of the actor's LA."""
    path = ("input",)
    child_id = parse_id(new.child_id, (*path, "childId"), "child")
    child = (await session.execute(select(Child).where(Child.id == child_id, Child.la_id.in_(actor.la_ids())))).scalar_one_or_none()
    if child is None:
        raise not_found((*path, "childId"), "child")
    access.require(actor, "case_person.record", child.la_id, path=(*path, "childId"))
    if problems := _case_person_problems(new, path):
        raise DomainError(*problems)
    person = CasePerson(
        child_id=child_id, relationship=new.relationship.value, given_name=new.given_name.strip(), family_name=new.family_name.strip(),
        known_as=new.known_as.strip(), date_of_birth=new.date_of_birth, address=new.address.strip(), postcode=new.postcode.strip().upper(),
        phone=new.phone.strip(), email=new.email.strip(), do_not_share_contact=new.do_not_share_contact,
    )
    session.add(person)
    await session.flush()
    return person
