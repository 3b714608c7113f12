"""The action registry: every read and write a person can attempt, with the rule that allows it, the
message given when it does not, and (for reads) the SQL scope that loads only what the rule allows.

Default deny: an action not registered here is refused, and a rule that does not say yes says no."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, false

from portal.access import challenge_actions, scopes
from portal.access.outcome_actions import OUTCOME_ACTIONS
from portal.access.token_scopes import scope_refusal, token_may
from portal.conferences.models import Conference
from portal.contributions.models import Contribution
from portal.enums import ContributionStatus, Role
from portal.errors import forbidden
from portal.families.models import FAMILY_AGENCY
from portal.identity import LA_STAFF_ROLES, Actor

SCHEDULERS = frozenset({Role.CHAIR, Role.BUSINESS_SUPPORT})
FAMILY_ACCESS_GIVERS = frozenset({Role.SOCIAL_WORKER, Role.BUSINESS_SUPPORT})
CONSULTATION_RECORDERS = frozenset({Role.CHAIR, Role.SOCIAL_WORKER, Role.BUSINESS_SUPPORT})
ANNUAL_REPORT_READERS = frozenset({Role.HEAD_OF_SERVICE, Role.IRO_MANAGER})
WATCHLIST_READERS = frozenset({Role.CHAIR, Role.IRO_MANAGER, Role.HEAD_OF_SERVICE})

Rule = Callable[..., bool]
Scope = Callable[[Actor], ColumnElement[bool]]


@dataclass(frozen=True, slots=True)
class Action:
    name: str
    message: str
    rule: Rule
    scope: Scope | None = None


def _anyone(actor: Actor, *resource: Any) -> bool:
    """For a read whose scope already keeps out every row the actor may not see."""
    return True


def _la_staff(actor: Actor, la_id: int) -> bool:
    return la_id in actor.la_ids()


def _la_scheduler(actor: Actor, la_id: int) -> bool:
    return actor.has_any(SCHEDULERS, la_id)


def _business_support(actor: Actor, la_id: int) -> bool:
    return actor.has(Role.BUSINESS_SUPPORT, la_id)


def _views_asker(actor: Actor, conference: Conference) -> bool:
    """Who asks for a child's views, and so may withdraw the link again."""
    return actor.has_any(FAMILY_ACCESS_GIVERS, conference.la_id)


def _contributor_for(actor: Actor, organisation_id: int) -> bool:
    return actor.is_contributor and actor.organisation_id == organisation_id


def _chair_of(actor: Actor, conference: Conference) -> bool:
    return conference.chair_id == actor.person_id and actor.has(Role.CHAIR, conference.la_id)


def _own_organisations(actor: Actor, contribution: Contribution) -> bool:
    return contribution.organisation_id == actor.organisation_id


def _reads_contribution(actor: Actor, contribution: Contribution, conference_la_id: int) -> bool:
    """For a contribution of a conference the actor may see: their own organisation's in any state,
    other organisations' once submitted, withdrawn ones only to LA staff."""
    if _own_organisations(actor, contribution):
        return True
    if contribution.status == ContributionStatus.DRAFT:
        return False
    if contribution.status == ContributionStatus.WITHDRAWN:
        return conference_la_id in actor.la_ids()
    return True


def _reads_uploads(actor: Actor, contribution: Contribution, conference: Conference) -> bool:
    """The contributing organisation, in any state; the conference's chair, once the report is submitted."""
    submitted = contribution.status in (ContributionStatus.SUBMITTED, ContributionStatus.AMENDED)
    return _own_organisations(actor, contribution) or (submitted and _chair_of(actor, conference))


def _administers(actor: Actor, organisation: Any) -> bool:
    """The organisation's own administrator, or an administrator of the LA it belongs to."""
    if actor.has(Role.ORG_ADMIN) and actor.organisation_id == organisation.id:
        return True
    return organisation.la_id is not None and actor.has(Role.LA_ADMIN, organisation.la_id)


def _administers_people_of(actor: Actor, organisation: Any) -> bool:
    """An LA administrator: the people of the LA's own organisations and of the region's agencies that belong to no LA,
    never a family's."""
    administered = actor.la_ids(frozenset({Role.LA_ADMIN}))
    if not administered or organisation.region_id != actor.region_id or organisation.agency_id == FAMILY_AGENCY:
        return False
    return organisation.la_id is None or organisation.la_id in administered


def _for_tokens(action: Action) -> Action:
    """The same action, refused to an API token whose scopes do not open it."""
    rule, scope = action.rule, action.scope

    def scoped_rule(actor: Actor, *resource: Any) -> bool:
        return token_may(actor, action.name) and rule(actor, *resource)

    def scoped_scope(actor: Actor) -> ColumnElement[bool]:
        return scope(actor) if token_may(actor, action.name) else false()  # type: ignore[misc]

    return Action(action.name, action.message, scoped_rule, scoped_scope if scope is not None else None)


def _is_regional_lead(actor: Actor) -> bool:
    return actor.has(Role.AUDITOR, None)


def _in_round_region(actor: Actor, audit_round: Any) -> bool:
    return audit_round.region_id == actor.region_id


ACTIONS: dict[str, Action] = {
    a.name: _for_tokens(a)
    for a in (
        # --- reads: a row reaches a person only through its scope, or its rule for a row already loaded
        Action("conference.read", "You may not see this conference.", _anyone, scopes.conference_scope),
        Action("invitation.read", "You may not see this invitation.", _anyone, scopes.conference_scope),
        Action("invitation.own", "This invitation is not to your organisation.", _anyone, scopes.own_invitation_scope),
        Action("invitation.to_answer", "Only contributors answer invitations.", _anyone, scopes.contributing_invitation_scope),
        Action("invitation.needs", "What a conference still needs from an invited organisation is for that organisation's contributors.",
               lambda actor, invitation: _contributor_for(actor, invitation.organisation_id)),
        Action("child.read", "You may not see this child.", _anyone, scopes.child_scope),
        Action("proceedings.read", "You may not see these care proceedings.", _anyone, scopes.proceedings_scope),
        Action("proceedings.guardian", "Only the guardian assigned to these care proceedings sees what they have looked at.",
               lambda actor, proceedings: proceedings.guardian_id == actor.person_id and actor.has(Role.GUARDIAN)),
        Action("organisation.read", "This organisation is not in your region.", _anyone, scopes.organisation_scope),
        Action("local_authority.staff", "You do not work for this local authority.", _la_staff),
        Action("case_person.read", "The people around a child are for staff of the child's local authority only.",
               lambda actor, child: actor.has_any(LA_STAFF_ROLES, child.la_id)),
        Action("person.read", "You may not see this person.", _anyone),
        Action("person.email", "Only the person themself sees their email address.", lambda actor, person: person.id == actor.person_id),
        Action("contribution.read", "You may not see this contribution.", _reads_contribution, scopes.conference_scope),
        Action("draft.read", "Drafts are seen only by the contributing organisation.", _own_organisations),
        Action("readiness.read", "Readiness is for staff of the conference's local authority.",
               lambda actor, conference: actor.has_any(LA_STAFF_ROLES, conference.la_id)),
        Action("upload.read", "Uploaded originals (even their names and sizes) are seen only by the contributing organisation "
               "and, once the report is submitted, the conference's chair.", _reads_uploads),
        Action("feedback.read", "Drafting advice is for the contribution's own organisation.",
               lambda actor, contribution: actor.is_contributor and _own_organisations(actor, contribution)),
        Action("audit.read", "Only auditors in this region see audit rounds.",
               lambda actor, audit_round: scopes.is_auditor(actor) and _in_round_region(actor, audit_round), scopes.audit_round_scope),
        Action("chasing.read", "Only business support in this local authority see what is being chased.", _business_support),
        Action("family.conference.read", "You may see only the meetings about your own children.", _anyone, scopes.family_conference_scope),
        Action("family.member.read", "Who in a family has access is for staff of the child's local authority.", _anyone, scopes.family_member_scope),
        Action("family.response.read", "What a family member sent reaches them (their meeting's page) and the conference's chair (familyResponses) only.", _anyone),
        Action("family.readability", "The reading age of a report's sections is for its own organisation's contributors.",
               lambda actor, invitation: _contributor_for(actor, invitation.organisation_id)),
        Action("family.response.chair", "What the family sent is for the conference's chair.", _chair_of),
        Action("child.views.own", "A link for a child's views opens only for the person it was sent to.", _anyone, scopes.own_views_link_scope),
        Action("child.views.links", "The links sent for children's views are for the social worker and business support of the child's local authority.",
               _anyone, scopes.views_link_scope),
        Action("family.feedback.read", "What families and children said after their meetings is for the head of service and the IRO manager of the local authority.",
               lambda actor, la_id: actor.has_any(ANNUAL_REPORT_READERS, la_id)),
        Action("family.feedback.own", "Your own feedback reaches you.", _anyone),
        Action("child.views.chair", "What a child said before the meeting is for the conference's chair.", _chair_of),
        Action("audit.item.read", "A withdrawn report leaves the audit.", _anyone),
        Action("audit.read_in_full", "Auditors from other councils read sampled contributions pseudonymised.",
               lambda actor, la_id: _is_regional_lead(actor) or actor.has(Role.AUDITOR, la_id)),
        Action("annual_report.read", "Only the head of service or the IRO manager of this local authority sees its IRO annual report.",
               lambda actor, la_id: actor.has_any(ANNUAL_REPORT_READERS, la_id)),
        Action("monitoring.read", "A meeting's monitoring checklist is for its chair and the IRO manager and head of service of its local authority.",
               lambda actor, conference: _chair_of(actor, conference) or actor.has_any(ANNUAL_REPORT_READERS, conference.la_id)),
        Action("monitoring.summary.read", "The monitoring checklist's findings are for the head of service and the IRO manager of this local authority.",
               lambda actor, la_id: actor.has_any(ANNUAL_REPORT_READERS, la_id)),
        Action("watchlist.read", "The drift watchlist is for the independent reviewing officers, IRO manager and head of service of this local authority.",
               lambda actor, la_id: actor.has_any(WATCHLIST_READERS, la_id)),
        # --- writes
        Action("monitoring.record", "Only the chair of this meeting answers its monitoring checklist.", _chair_of),
        Action("child.add", "Only business support or a chair in this local authority may record a child.", _la_scheduler),
        Action("case_person.record", "Only the chair, social worker or business support in this local authority may record the people around a child.",
               lambda actor, la_id: actor.has_any(LA_STAFF_ROLES, la_id)),
        Action("conference.create", "Only business support or a chair in this local authority may create conferences.", _la_scheduler),
        Action("conference.schedule", "Only business support or a chair in this local authority may schedule this conference.",
               lambda actor, conference: _la_scheduler(actor, conference.la_id)),
        Action("conference.invite", "Only business support or a chair in this local authority may invite organisations.",
               lambda actor, conference: _la_scheduler(actor, conference.la_id)),
        Action("conference.record_held", "Only business support or a chair in this local authority may record that a conference was held.",
               lambda actor, conference: _la_scheduler(actor, conference.la_id)),
        Action("invitation.override_due", "Only business support in this local authority may override an invitation's due times.",
               lambda actor, conference: _business_support(actor, conference.la_id)),
        Action("invitation.chase", "Only business support in this local authority may record chasing an invitation.",
               lambda actor, conference: _business_support(actor, conference.la_id)),
        Action("contribution.write", "Only contributors from the invited organisation may change this contribution.", _contributor_for),
        Action("withholding.decide", "Only the chair of this conference may decide withholding requests.", _chair_of),
        Action("consultation.record", "Only the chair, social worker or business support in this local authority may record a child's consultation.",
               lambda actor, conference: actor.has_any(CONSULTATION_RECORDERS, conference.la_id)),
        Action("careplan.record", "Only an independent reviewing officer in this local authority may record a view of the care plan.",
               lambda actor, proceedings: actor.has(Role.CHAIR, proceedings.la_id)),
        Action("family.access.grant", "Only the social worker or business support in this local authority may give a family member access.",
               lambda actor, la_id: actor.has_any(FAMILY_ACCESS_GIVERS, la_id)),
        Action("child.views.send", "Only the social worker or business support in this local authority may ask for a child's views.", _views_asker),
        Action("child.views.withdraw", "Only the social worker or business support in this local authority may withdraw a link for a child's views.",
               _views_asker),
        Action("family.respond", "Only a family member of this conference may write to its chair.", _anyone, scopes.family_conference_scope),
        Action("family.report.mark_read", "Only a family member of this conference may mark its reports read.", _anyone, scopes.family_conference_scope),
        Action("audit.round.create", "Only the region's audit lead may create an audit round.", _is_regional_lead),
        Action("audit.level.record", "Only an auditor in this region may record levels for this audit round.",
               lambda actor, audit_round: scopes.is_auditor(actor) and _in_round_region(actor, audit_round)),
        Action("person.administer", "Only an LA administrator may invite people, change their roles or suspend them.", _administers_people_of),
        Action("person.administered", "Only an LA administrator sees the people they administer.", _anyone, scopes.administered_people_scope),
        Action("organisation.add", "Only an LA administrator may add organisations, and only to a local authority they administer.",
               lambda actor, la_id: bool(scopes.administered_la_ids(actor)) and (la_id is None or la_id in scopes.administered_la_ids(actor))),
        Action("access_log.read", "Only an LA administrator reads the access log, and only their local authority's part of it.", _anyone,
               scopes.access_log_scope),
        Action("access_log.verify", "Only an LA administrator may check the access log for tampering.", lambda actor: bool(scopes.administered_la_ids(actor))),
        Action("session.own", "Only a person signed in sees and ends their own sessions.", _anyone),
        Action("api_token.read", "Only the organisation's administrators see its API tokens.", _anyone),
        Action("api_token.manage", "Only the organisation's administrator (or its local authority's) may manage its API tokens.", _administers),
        Action("audit.moderate", "Only the region's audit lead may moderate this audit round.",
               lambda actor, audit_round: _is_regional_lead(actor) and _in_round_region(actor, audit_round)),
        *challenge_actions.actions(Action),
        *(Action(*found) for found in OUTCOME_ACTIONS),
    )
}


def allowed(actor: Actor, name: str, *resource: Any) -> bool:
    """Whether the action's rule allows it; a name not registered is a programming error (KeyError)."""
    return bool(ACTIONS[name].rule(actor, *resource))


def require(actor: Actor, name: str, *resource: Any, path: tuple[str, ...] = ()) -> None:
    if not allowed(actor, name, *resource):
        raise forbidden(path, ACTIONS[name].message if token_may(actor, name) else scope_refusal(name))


def scope(actor: Actor, name: str) -> ColumnElement[bool]:
    """The WHERE clause of a read action: only the rows the actor may see."""
    found = ACTIONS[name].scope
    if found is None:
        raise LookupError(f"The action {name} has no SQL scope.")
    return found(actor)
