"""Reads as SQL: each scope is a WHERE clause that keeps only the rows an actor may see, so an actor
only ever loads what they may read."""

from typing import Any

from sqlalchemy import ColumnElement, and_, exists, false, or_, select
from sqlalchemy.orm import aliased

from portal.accesslog.search import of_local_authorities
from portal.audit.models import AuditItem, AuditRound
from portal.careplans.models import CareProceedings, ProceedingsChild
from portal.children.models import Child
from portal.conferences.models import Conference, ConferenceChild, Invitation
from portal.contributions.models import Contribution
from portal.enums import ConferenceStatus, ContributionStatus, Role
from portal.families.models import FAMILY_AGENCY, ChildViewsLink, FamilyMember
from portal.identity import Actor
from portal.people.models import Organisation, Person


def is_auditor(actor: Actor) -> bool:
    return any(role == Role.AUDITOR for role, _ in actor.roles)


def _invited_to(actor: Actor, conference_id: Any) -> ColumnElement[bool]:
    """A correlated check the (conference, organisation) unique index answers row by row."""
    invitation = aliased(Invitation)
    return exists().where(invitation.conference_id == conference_id, invitation.organisation_id == actor.organisation_id)


def conference_scope(actor: Actor) -> ColumnElement[bool]:
    """LA staff see their LA's conferences; agency contributors see those their organisation is invited to."""
    clauses: list[ColumnElement[bool]] = []
    if la_ids := actor.la_ids():
        clauses.append(Conference.la_id.in_(la_ids))
    if actor.is_contributor:
        clauses.append(_invited_to(actor, Conference.id))
    return or_(*clauses) if clauses else false()


def own_invitation_scope(actor: Actor) -> ColumnElement[bool]:
    """The invitations to the actor's own organisation."""
    return Invitation.organisation_id == actor.organisation_id


def contributing_invitation_scope(actor: Actor) -> ColumnElement[bool]:
    """The invitations a contributor answers: their organisation's."""
    return own_invitation_scope(actor) if actor.is_contributor else false()


def guardian_proceedings(actor: Actor) -> Any:
    return select(CareProceedings.id).where(CareProceedings.guardian_id == actor.person_id)


def child_scope(actor: Actor) -> ColumnElement[bool]:
    """LA staff see their LA's children; contributors the children of conferences they are invited to;
    guardians the children in proceedings assigned to them."""
    clauses: list[ColumnElement[bool]] = []
    if la_ids := actor.la_ids():
        clauses.append(Child.la_id.in_(la_ids))
    if actor.is_contributor:
        clauses.append(exists().where(ConferenceChild.child_id == Child.id, _invited_to(actor, ConferenceChild.conference_id)))
    if actor.has(Role.GUARDIAN):
        clauses.append(Child.id.in_(select(ProceedingsChild.child_id).where(ProceedingsChild.proceedings_id.in_(guardian_proceedings(actor)))))
    return or_(*clauses) if clauses else false()


def proceedings_scope(actor: Actor) -> ColumnElement[bool]:
    """A guardian sees the proceedings assigned to them; an IRO (chair) those of their LA."""
    clauses: list[ColumnElement[bool]] = []
    if actor.has(Role.GUARDIAN):
        clauses.append(CareProceedings.guardian_id == actor.person_id)
    if la_ids := actor.la_ids(frozenset({Role.CHAIR})):
        clauses.append(CareProceedings.la_id.in_(la_ids))
    return or_(*clauses) if clauses else false()


def organisation_scope(actor: Actor) -> ColumnElement[bool]:
    """The organisations of the actor's region (to invite, or to name); never a family's, and none for a family member."""
    if actor.agency_id == FAMILY_AGENCY:
        return false()
    return and_(Organisation.region_id == actor.region_id, Organisation.agency_id != FAMILY_AGENCY)


# Families: a parent or carer sees only the scheduled or held conferences about a child whose case
# gave them access that has not ended; the family's own types (portal.api.families) are all they read.

def family_children(actor: Actor) -> Any:
    return select(FamilyMember.child_id).where(FamilyMember.person_id == actor.person_id, FamilyMember.ended_at.is_(None))


def family_conference_scope(actor: Actor) -> ColumnElement[bool]:
    about_their_child = select(ConferenceChild.conference_id).where(ConferenceChild.child_id.in_(family_children(actor)))
    return and_(Conference.id.in_(about_their_child), Conference.status.in_((ConferenceStatus.SCHEDULED, ConferenceStatus.HELD)))


def family_member_scope(actor: Actor) -> ColumnElement[bool]:
    """Who in a family has access: for the staff of the child's local authority."""
    return FamilyMember.la_id.in_(la_ids) if (la_ids := actor.la_ids()) else false()


def own_views_link_scope(actor: Actor) -> ColumnElement[bool]:
    """A link for a child's views: for the person it was sent to (the child or their advocate) alone."""
    return ChildViewsLink.person_id == actor.person_id


def views_link_scope(actor: Actor) -> ColumnElement[bool]:
    """The links sent for children's views: for the social worker and business support of the child's local authority."""
    la_ids = actor.la_ids(frozenset({Role.SOCIAL_WORKER, Role.BUSINESS_SUPPORT}))
    return ChildViewsLink.la_id.in_(la_ids) if la_ids else false()


def administered_la_ids(actor: Actor) -> frozenset[int]:
    return actor.la_ids(frozenset({Role.LA_ADMIN}))


def administered_people_scope(actor: Actor) -> ColumnElement[bool]:
    """An LA administrator's people: those of the LA's own organisations and of the region's that belong to no LA;
    never a family's (their access is given and ended with the child's case)."""
    if not (la_ids := administered_la_ids(actor)):
        return false()
    organisations = select(Organisation.id).where(Organisation.region_id == actor.region_id, Organisation.agency_id != FAMILY_AGENCY,
                                                  or_(Organisation.la_id.is_(None), Organisation.la_id.in_(la_ids)))
    return Person.organisation_id.in_(organisations)


def access_log_scope(actor: Actor) -> ColumnElement[bool]:
    """An LA administrator's part of the access log: rows about the LA's children and reports, and by its own staff."""
    return of_local_authorities(la_ids) if (la_ids := administered_la_ids(actor)) else false()


# The regional audit: an AUDITOR holds the role for one council (la_id set) or for the whole region
# (la_id null: the regional lead). The role opens audit rounds and their sampled contributions, never
# the case: conference_scope and child_scope grant it nothing.

def audit_round_scope(actor: Actor) -> ColumnElement[bool]:
    """Auditors see their region's audit rounds; nobody else sees any."""
    return AuditRound.region_id == actor.region_id if is_auditor(actor) else false()


def audited_item_scope() -> ColumnElement[bool]:
    """A round's items in every view; a withdrawn report leaves the audit (no view, count or result)."""
    return ~exists().where(Contribution.id == AuditItem.contribution_id, Contribution.status == ContributionStatus.WITHDRAWN)
