"""Who may see and do what. Default deny: anything not allowed here is refused.

Reads are scoped in SQL (an actor only ever loads rows they may see); row-level rules
that depend on a row's state (drafts, withheld sections) are checked here too. Writes
go through `require(actor, action, ...)`, one rule per action.
"""

from collections.abc import Callable
from typing import Any

from sqlalchemy import ColumnElement, exists, false, or_, select
from sqlalchemy.orm import aliased

from portal.access.redaction import WITHHOLDING_IN_FORCE, Purpose, VisibleSections, can_see_withheld, visible_sections, withheld_sections
from portal.audit.models import AuditItem, AuditRound
from portal.careplans.models import CareProceedings, ProceedingsChild
from portal.children.models import Child
from portal.conferences.models import Conference, ConferenceChild, Invitation
from portal.contributions.models import Contribution
from portal.enums import ContributionStatus, Role
from portal.errors import forbidden
from portal.identity import LA_STAFF_ROLES, Actor

__all__ = ["WITHHOLDING_IN_FORCE", "Purpose", "VisibleSections", "can_see_withheld", "visible_sections", "withheld_sections"]

SCHEDULERS = frozenset({Role.CHAIR, Role.BUSINESS_SUPPORT})
CONSULTATION_RECORDERS = frozenset({Role.CHAIR, Role.SOCIAL_WORKER, Role.BUSINESS_SUPPORT})


# --- reads, as SQL scopes -------------------------------------------------------------

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


def child_scope(actor: Actor) -> ColumnElement[bool]:
    """LA staff see their LA's children; contributors the children of conferences they are invited to;
    guardians the children in proceedings assigned to them."""
    clauses: list[ColumnElement[bool]] = []
    if la_ids := actor.la_ids():
        clauses.append(Child.la_id.in_(la_ids))
    if actor.is_contributor:
        clauses.append(
            exists().where(ConferenceChild.child_id == Child.id, _invited_to(actor, ConferenceChild.conference_id))
        )
    if actor.has(Role.GUARDIAN):
        clauses.append(Child.id.in_(select(ProceedingsChild.child_id).where(ProceedingsChild.proceedings_id.in_(guardian_proceedings(actor)))))
    return or_(*clauses) if clauses else false()


def guardian_proceedings(actor: Actor) -> Any:
    return select(CareProceedings.id).where(CareProceedings.guardian_id == actor.person_id)


def proceedings_scope(actor: Actor) -> ColumnElement[bool]:
    """A guardian sees the proceedings assigned to them; an IRO (chair) those of their LA."""
    clauses: list[ColumnElement[bool]] = []
    if actor.has(Role.GUARDIAN):
        clauses.append(CareProceedings.guardian_id == actor.person_id)
    if la_ids := actor.la_ids(frozenset({Role.CHAIR})):
        clauses.append(CareProceedings.la_id.in_(la_ids))
    return or_(*clauses) if clauses else false()


def can_read_contribution(actor: Actor, contribution: Contribution, conference_la_id: int) -> bool:
    """For a contribution of a conference the actor may see: their own organisation's in any state,
    other organisations' once submitted, withdrawn ones only to LA staff."""
    if contribution.organisation_id == actor.organisation_id:
        return True
    if contribution.status == ContributionStatus.DRAFT:
        return False
    if contribution.status == ContributionStatus.WITHDRAWN:
        return conference_la_id in actor.la_ids()
    return True


def can_see_case_people(actor: Actor, la_id: int) -> bool:
    """The people around a child (names, addresses, contact details) are for the child's LA's staff only."""
    return actor.has_any(LA_STAFF_ROLES, la_id)


def can_see_readiness(actor: Actor, conference: Conference) -> bool:
    """Readiness names who must act on a case: LA staff of the conference's LA only, never agencies."""
    return actor.has_any(LA_STAFF_ROLES, conference.la_id)


# --- the regional audit -----------------------------------------------------------------
# An AUDITOR holds the role for one council (la_id set) or for the whole region (la_id null: the
# regional lead). The role opens audit rounds and their sampled contributions, never the case:
# conference_scope and child_scope grant it nothing.

def is_auditor(actor: Actor) -> bool:
    return any(role == Role.AUDITOR for role, _ in actor.roles)


def is_regional_lead(actor: Actor) -> bool:
    return actor.has(Role.AUDITOR, None)


def audit_round_scope(actor: Actor) -> ColumnElement[bool]:
    """Auditors see their region's audit rounds; nobody else sees any."""
    return AuditRound.region_id == actor.region_id if is_auditor(actor) else false()


def audited_item_scope() -> ColumnElement[bool]:
    """A withdrawn report leaves the audit: its items are in no view, count or result."""
    return ~exists().where(Contribution.id == AuditItem.contribution_id, Contribution.status == ContributionStatus.WITHDRAWN)


def sees_audited_in_full(actor: Actor, la_id: int) -> bool:
    """The regional lead and the council's own auditors read a sampled contribution as written;
    auditors from other councils read it pseudonymised."""
    return is_regional_lead(actor) or actor.has(Role.AUDITOR, la_id)


def can_read_feedback(actor: Actor, contribution: Contribution) -> bool:
    """Drafting advice is for the contribution's own organisation."""
    return actor.is_contributor and contribution.organisation_id == actor.organisation_id

def can_see_uploads(actor: Actor, contribution: Contribution) -> bool:
    """Uploaded originals (even their names and sizes) are seen only by the contributing organisation."""
    return contribution.organisation_id == actor.organisation_id


# --- writes, one rule per action -------------------------------------------------------

def _la_scheduler(actor: Actor, la_id: int) -> bool:
    return actor.has_any(SCHEDULERS, la_id)


def _contributor_for(actor: Actor, organisation_id: int) -> bool:
    return actor.is_contributor and actor.organisation_id == organisation_id


def _chair_of(actor: Actor, conference: Conference) -> bool:
    return conference.chair_id == actor.person_id and actor.has(Role.CHAIR, conference.la_id)


def _consultation_recorder(actor: Actor, conference: Conference) -> bool:
    return actor.has_any(CONSULTATION_RECORDERS, conference.la_id)


def _iro_for(actor: Actor, proceedings: CareProceedings) -> bool:
    return actor.has(Role.CHAIR, proceedings.la_id)


RULES: dict[str, Callable[..., bool]] = {
    "child.add": _la_scheduler,
    "case_person.record": lambda actor, la_id: actor.has_any(LA_STAFF_ROLES, la_id),
    "conference.create": _la_scheduler,
    "conference.schedule": lambda actor, conference: _la_scheduler(actor, conference.la_id),
    "conference.invite": lambda actor, conference: _la_scheduler(actor, conference.la_id),
    "conference.record_held": lambda actor, conference: _la_scheduler(actor, conference.la_id),
    "contribution.write": _contributor_for,
    "withholding.decide": _chair_of,
    "consultation.record": _consultation_recorder,
    "careplan.record": _iro_for,
    "audit.round.create": lambda actor: is_regional_lead(actor),
    "audit.level.record": lambda actor, round_: is_auditor(actor) and round_.region_id == actor.region_id,
    "audit.moderate": lambda actor, round_: is_regional_lead(actor) and round_.region_id == actor.region_id,
}

MESSAGES = {
    "child.add": "Only business support or a chair in this local authority may record a child.",
    "case_person.record": "Only the chair, social worker or business support in this local authority may record the people around a child.",
    "conference.create": "Only business support or a chair in this local authority may create conferences.",
    "conference.schedule": "Only business support or a chair in this local authority may schedule this conference.",
    "conference.invite": "Only business support or a chair in this local authority may invite organisations.",
    "conference.record_held": "Only business support or a chair in this local authority may record that a conference was held.",
    "contribution.write": "Only contributors from the invited organisation may change this contribution.",
    "withholding.decide": "Only the chair of this conference may decide withholding requests.",
    "consultation.record": "Only the chair, social worker or business support in this local authority may record a child's consultation.",
    "careplan.record": "Only an independent reviewing officer in this local authority may record a view of the care plan.",
    "audit.round.create": "Only the region's audit lead may create an audit round.",
    "audit.level.record": "Only an auditor in this region may record levels for this audit round.",
    "audit.moderate": "Only the region's audit lead may moderate this audit round.",
}


def allowed(actor: Actor, action: str, *resource: Any) -> bool:
    rule = RULES.get(action)
    return bool(rule and rule(actor, *resource))


def require(actor: Actor, action: str, *resource: Any, path: tuple[str, ...] = ()) -> None:
    if not allowed(actor, action, *resource):
        raise forbidden(path, MESSAGES.get(action, "You may not do this."))
