"""Giving a parent or carer the case records access to the conferences about the child, and ending it.

A family member signs in as a person of their local authority's family organisation, with an emailed
code; their access is one row per child, so separated parents each have their own, ended alone."""

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from portal import access, clock
from portal.children.contact import is_email, is_phone
from portal.children.models import CasePerson, Child
from portal.errors import DomainError, Problem, conflict, not_found
from portal.families import notices
from portal.families.models import FAMILY_AGENCY, FamilyMember
from portal.identity import Actor
from portal.identity.sessions import end_all_sessions
from portal.lookup import parse_id
from portal.people.models import LocalAuthority, Organisation, Person

PATH = ("input",)
NOT_FOR_STAFF = "This email address belongs to someone who works with the portal. Give the family member's own address."
ALREADY = "This person already has access for this child."


async def _family_organisation(session: AsyncSession, la: LocalAuthority) -> Organisation:
    found = (await session.execute(
        select(Organisation).where(Organisation.la_id == la.id, Organisation.agency_id == FAMILY_AGENCY)
    )).scalar_one_or_none()
    if found is None:
        found = Organisation(region_id=la.region_id, la_id=la.id, agency_id=FAMILY_AGENCY, name=f"Families known to {la.name}")
        session.add(found)
        await session.flush()
    return found


async def _family_person(session: AsyncSession, la: LocalAuthority, case_person: CasePerson, email: str) -> Person:
    """The person with this address, who must be one of the LA's family members; or a new one."""
    organisation = await _family_organisation(session, la)
    person = (await session.execute(select(Person).where(func.lower(Person.email) == email.lower()))).scalar_one_or_none()
    if person is None:
        name = " ".join(part for part in (case_person.given_name, case_person.family_name) if part)
        person = Person(organisation_id=organisation.id, name=name, email=email, job_title="")
        session.add(person)
        await session.flush()
    elif person.organisation_id != organisation.id:
        raise conflict((*PATH, "email"), NOT_FOR_STAFF)
    return person


async def grant_family_access(session: AsyncSession, actor: Actor, case_person_id: str, email: str, mobile: str = "") -> FamilyMember:
    number = parse_id(case_person_id, (*PATH, "casePersonId"), "person")
    row = (await session.execute(
        select(CasePerson, Child).join(Child, Child.id == CasePerson.child_id).where(CasePerson.id == number, Child.la_id.in_(actor.la_ids()))
    )).first()
    if row is None:
        raise not_found((*PATH, "casePersonId"), "person")
    case_person, child = row
    access.require(actor, "family.access.grant", child.la_id, path=(*PATH, "casePersonId"))
    email, mobile = email.strip(), mobile.strip()
    problems = []
    if not is_email(email) or len(email) > 320:
        problems.append(Problem((*PATH, "email"), "Enter the family member's email address, like name@example.org."))
    if mobile and (not is_phone(mobile) or len(mobile) > 32):
        problems.append(Problem((*PATH, "mobile"), "Enter a UK mobile number, like 07700 900123, or leave it empty."))
    if problems:
        raise DomainError(*problems)
    la = await session.get(LocalAuthority, child.la_id)
    assert la is not None
    person = await _family_person(session, la, case_person, email)
    member = (await session.execute(
        select(FamilyMember).where(FamilyMember.person_id == person.id, FamilyMember.case_person_id == case_person.id)
    )).scalar_one_or_none()
    now = clock.now()
    if member is None:
        member = FamilyMember(person_id=person.id, case_person_id=case_person.id, child_id=child.id, la_id=child.la_id)
        session.add(member)
    elif member.ended_at is None:
        raise conflict((*PATH, "casePersonId"), ALREADY)
    member.mobile, member.granted_by_id, member.granted_at, member.ended_at, member.ended_by_id = mobile, actor.person_id, now, None, None
    await session.flush()
    await notices.access_given(session, member)
    await session.flush()
    return member


async def end_family_access(session: AsyncSession, actor: Actor, family_member_id: str) -> FamilyMember:
    """End one family member's access for one child; when it was their last, their sessions end too."""
    path = (*PATH, "familyMemberId")
    number = parse_id(family_member_id, path, "family member")
    member = (await session.execute(
        select(FamilyMember).where(FamilyMember.id == number, access.scope(actor, "family.member.read")).with_for_update()
    )).scalar_one_or_none()
    if member is None:
        raise not_found(path, "family member")
    access.require(actor, "family.access.grant", member.la_id, path=path)
    if member.ended_at is not None:
        raise conflict(path, "This family member's access has already ended.")
    member.ended_at, member.ended_by_id = clock.now(), actor.person_id
    await session.flush()
    still = (await session.execute(
        select(FamilyMember.id).where(FamilyMember.person_id == member.person_id, FamilyMember.ended_at.is_(None))
    )).first()
    if still is None:
        await end_all_sessions(session, member.person_id)
    return member
