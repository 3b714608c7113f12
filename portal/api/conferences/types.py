"""A conference: its children, invitations, contributions, consultations, map, timescale and readiness."""

from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from portal import access, clock
from portal.api.batching import ready, resolved
from portal.api.children.types import ChildType
from portal.api.conferences.map import MapScales, MapSection, conference_map, scale_map
from portal.api.context import Info
from portal.api.contributions.types import CONTRIBUTION_PLAN, ContributionType, WithholdingDecisionEnum, WithholdingRequestType
from portal.api.families.enums import AttendanceEnum
from portal.api.people.types import PERSON_PLAN, LocalAuthorityType, OrganisationType, PersonType
from portal.api.prefetch import Load, Plan
from portal.api.readiness.types import READINESS_PLAN, ChairNeedType, ReadinessType
from portal.conferences.models import ChildConsultation, Conference, Invitation
from portal.conferences.timescales import rules_for_la, statutory_deadline
from portal.contributions.models import Contribution, WithholdingRequest
from portal.contributions.report_status import ReportStatus, overdue, report_status
from portal.enums import ConferenceKind, ConferenceStatus, ViewsConveyed, WithholdingDecision
from portal.people.models import LocalAuthority

if TYPE_CHECKING:
    from portal.api.families.types import FamilyReadabilityType
    from portal.api.outcomes.types import ConferenceOutcomeType, ParticipationSuggestionType

ConferenceKindEnum = strawberry.enum(ConferenceKind, name="ConferenceKind")
ConferenceStatusEnum = strawberry.enum(ConferenceStatus, name="ConferenceStatus")
ViewsConveyedEnum = strawberry.enum(ViewsConveyed, name="ViewsConveyed")
ReportStatusEnum = strawberry.enum(
    ReportStatus, name="ReportStatus",
    description="Where a report stands as you may know it: NOT_STARTED and DRAFT for the invited organisation itself; "
    "anyone else sees NOT_SUBMITTED for either.",
)


def _visible_contribution(info: Info, invitation: Invitation) -> Contribution | None:
    """The invitation's contribution if the reader may see it (awaitable until it is loaded)."""
    loaders, actor = info.context.loaders, info.context.actor

    def visible(found: list[Contribution], conference: Conference) -> Contribution | None:
        return found[0] if found and access.allowed(actor, "contribution.read", found[0], conference.la_id) else None

    return resolved(visible, ready(loaders.contribution_by_invitation, invitation.id), ready(loaders.conference, invitation.conference_id))


@strawberry.type(name="Invitation")
@access.fields({
    "invitation.read": ("id", "report_due_at", "family_due_at", "invited_at", "organisation", "conference", "contribution", "report_status", "overdue", "attendance"),
    "invitation.needs": ("chair_needs",),
    "family.readability": ("family_readability",),
})
class InvitationType:
    id: strawberry.ID
    report_due_at: datetime
    family_due_at: datetime | None
    invited_at: datetime

    @strawberry.field
    def organisation(self, root: strawberry.Parent[Invitation], info: Info) -> OrganisationType:
        return ready(info.context.loaders.organisation, root.organisation_id)

    @strawberry.field
    def conference(self, root: strawberry.Parent[Invitation], info: Info) -> "ConferenceType":
        return ready(info.context.loaders.conference, root.conference_id)

    @strawberry.field(description="The organisation's contribution, if there is one you may see.")
    def contribution(self, root: strawberry.Parent[Invitation], info: Info) -> ContributionType | None:
        return _visible_contribution(info, root)

    @strawberry.field(description="Where the report stands, as you may know it.")
    def report_status(self, root: strawberry.Parent[Invitation], info: Info) -> ReportStatusEnum:  # type: ignore[valid-type]
        own = root.organisation_id == info.context.actor.organisation_id
        return resolved(lambda contribution: report_status(contribution.status if contribution else None, own=own), _visible_contribution(info, root))

    @strawberry.field(description="Whether the organisation will attend the meeting, send a report only, or not attend; null until it says.")
    def attendance(self, root: strawberry.Parent[Invitation], info: Info) -> AttendanceEnum | None:  # type: ignore[valid-type]
        return resolved(lambda found: found[0].answer if found else None, ready(info.context.loaders.attendance_by_invitation, root.id))

    @strawberry.field(description="The report's sections whose reading age is above what the council asks for in what families read; for the organisation's contributors.")
    async def family_readability(
        self, root: strawberry.Parent[Invitation], info: Info
    ) -> list[Annotated["FamilyReadabilityType", strawberry.lazy("portal.api.families.types")]]:
        from portal.api.families.queries import readability

        return await readability(info, root)

    @strawberry.field(description="The report is past its due time and not submitted.")
    def overdue(self, root: strawberry.Parent[Invitation], info: Info) -> bool:
        now = clock.now()
        return resolved(
            lambda found: overdue(found[0].status if found else None, root.report_due_at, now), ready(info.context.loaders.contribution_by_invitation, root.id)
        )

    @strawberry.field(description="What the conference still needs from this organisation: the readiness checks not met that name it, "
                      "with its deadline. For the organisation's own contributors only.")
    def chair_needs(self, root: strawberry.Parent[Invitation], info: Info) -> list[ChairNeedType]:
        return resolved(lambda result: ChairNeedType.of(result, root.organisation_id), ready(info.context.loaders.readiness, root.conference_id))


@strawberry.type(name="ChildConsultation")
@access.fields({"conference.read": ("child_id", "seen", "views_conveyed", "note", "recorded_at", "child")})
class ChildConsultationType:
    child_id: strawberry.ID
    seen: bool
    views_conveyed: ViewsConveyedEnum  # type: ignore[valid-type]
    note: str
    recorded_at: datetime

    @strawberry.field
    def child(self, root: strawberry.Parent[ChildConsultation], info: Info) -> ChildType | None:
        return ready(info.context.loaders.child, root.child_id)


@strawberry.type(name="Conference")
@access.fields({
    "conference.read": ("id", "kind", "status", "scheduled_at", "strategy_discussion_on", "became_looked_after_on", "created_at", "held_on", "review_number", "next_review_due_by", "statutory_deadline", "local_authority", "chair", "children", "invitations", "contributions", "consultations", "withholding_requests", "map", "scale_map"),
    "readiness.read": ("readiness",),
    "outcome.read": ("outcome",),
    "outcome.record": ("participation_suggestions",),
})
class ConferenceType:
    id: strawberry.ID
    kind: ConferenceKindEnum  # type: ignore[valid-type]
    status: ConferenceStatusEnum  # type: ignore[valid-type]
    scheduled_at: datetime | None
    strategy_discussion_on: date | None
    became_looked_after_on: date | None
    created_at: datetime
    held_on: date | None
    review_number: int | None = strawberry.field(description="For an RCPC or LAC review: 1 for the first, 2 for the second, and so on.")

    @strawberry.field(description="Once held: the latest date the next review may be held on, from the LA's rules.")
    def next_review_due_by(self, root: strawberry.Parent[Conference]) -> date | None:
        return root.next_review_due_on

    @strawberry.field(description="The latest date this conference must be held by under its statutory timescale; null when the date it counts from is not recorded.")
    def statutory_deadline(self, root: strawberry.Parent[Conference], info: Info) -> date | None:
        loaders, all_rules = info.context.loaders, info.context.rules

        def deadline(la: LocalAuthority, previous: Conference | None) -> date | None:
            rules = rules_for_la(all_rules, la.slug)
            return statutory_deadline(root, rules, previous.kind if previous else None, previous.held_on if previous else None)

        previous = ready(loaders.conference, root.previous_conference_id) if root.previous_conference_id else None
        return resolved(deadline, ready(loaders.local_authority, root.la_id), previous)

    @strawberry.field(description="Readiness checks, for staff of the conference's local authority only (null for anyone else, and for a conference not yet scheduled).")
    def readiness(self, root: strawberry.Parent[Conference], info: Info) -> ReadinessType | None:
        return resolved(lambda result: ReadinessType.of(result) if result is not None else None, ready(info.context.loaders.readiness, root.id))

    @strawberry.field(description="Once held and recorded: the outcome, for the chairs, business support, IRO manager and head of service "
                      "of the conference's local authority (null for anyone else); each of its fields says who may read it.")
    def outcome(self, root: strawberry.Parent[Conference], info: Info) -> Annotated["ConferenceOutcomeType", strawberry.lazy("portal.api.outcomes.types")] | None:
        from portal.api.outcomes.queries import outcome_of

        return outcome_of(info, root)

    @strawberry.field(description="A LAC review: each child's participation code as their consultation suggests it, for the chair to confirm.")
    def participation_suggestions(
        self, root: strawberry.Parent[Conference], info: Info
    ) -> list[Annotated["ParticipationSuggestionType", strawberry.lazy("portal.api.outcomes.types")]]:
        from portal.api.outcomes.queries import suggestions_for

        return suggestions_for(info, root)

    @strawberry.field
    def local_authority(self, root: strawberry.Parent[Conference], info: Info) -> LocalAuthorityType:
        return ready(info.context.loaders.local_authority, root.la_id)

    @strawberry.field
    def chair(self, root: strawberry.Parent[Conference], info: Info) -> PersonType | None:
        return ready(info.context.loaders.person, root.chair_id) if root.chair_id else None

    @strawberry.field
    def children(self, root: strawberry.Parent[Conference], info: Info) -> list[ChildType]:
        return ready(info.context.loaders.children_by_conference, root.id)

    @strawberry.field
    def invitations(self, root: strawberry.Parent[Conference], info: Info) -> list[InvitationType]:
        return ready(info.context.loaders.invitations_by_conference, root.id)

    @strawberry.field(description="Contributions you may see: your organisation's in any state, others' once submitted.")
    def contributions(self, root: strawberry.Parent[Conference], info: Info) -> list[ContributionType]:
        actor = info.context.actor
        return resolved(
            lambda rows: [c for c in rows if access.allowed(actor, "contribution.read", c, root.la_id)],
            ready(info.context.loaders.contributions_by_conference, root.id),
        )

    @strawberry.field
    def consultations(self, root: strawberry.Parent[Conference], info: Info) -> list[ChildConsultationType]:
        return ready(info.context.loaders.consultations_by_conference, root.id)

    @strawberry.field(description="Requests to withhold a section from the family, oldest first: those you may see (the chair sees all, "
                      "an invited organisation its own), only those with this decision when given.")
    async def withholding_requests(
        self, root: strawberry.Parent[Conference], info: Info, decision: WithholdingDecisionEnum | None = None  # type: ignore[valid-type]
    ) -> list[WithholdingRequestType]:
        actor = info.context.actor
        contributions = {c.id: c for c in await info.context.loaders.contributions_by_conference.load(root.id)}
        requests: list[WithholdingRequest] = await info.context.loaders.withholdings_by_conference.load(root.id)
        return [
            r for r in requests
            if (decision is None or r.decision == WithholdingDecision(decision))
            and access.allowed(actor, "contribution.read", contributions[r.contribution_id], root.la_id)
            and access.can_see_withheld(actor, contributions[r.contribution_id], root.chair_id)
        ]

    @strawberry.field(description="The conference map: each Signs of Safety section with every submitted contribution's text in it.")
    async def map(self, root: strawberry.Parent[Conference], info: Info) -> list[MapSection]:
        return await conference_map(info, root)

    @strawberry.field(description="The conference map's safety scales: for each child, every submitted contribution's score.")
    async def scale_map(self, root: strawberry.Parent[Conference], info: Info) -> list[MapScales]:
        return await scale_map(info, root)


# What a root field loads up front for a page of conferences or invitations (portal.api.prefetch).
_LOCAL_AUTHORITY = Load(lambda loaders: loaders.local_authority, lambda c: c.la_id)
_VISIBLE_CONTRIBUTION = (
    Load(lambda loaders: loaders.conference, lambda i: i.conference_id),
    Load(lambda loaders: loaders.contribution_by_invitation, lambda i: i.id, then=CONTRIBUTION_PLAN),
)
INVITATION_PLAN: Plan = {
    "organisation": Load(lambda loaders: loaders.organisation, lambda i: i.organisation_id),
    "conference": Load(lambda loaders: loaders.conference, lambda i: i.conference_id),
    "contribution": _VISIBLE_CONTRIBUTION,
    "reportStatus": _VISIBLE_CONTRIBUTION,
    "overdue": _VISIBLE_CONTRIBUTION,
    "chairNeeds": Load(lambda loaders: loaders.readiness, lambda i: i.conference_id, guard="invitation.needs"),
}
CONFERENCE_PLAN: Plan = {
    "statutoryDeadline": (_LOCAL_AUTHORITY, Load(lambda loaders: loaders.conference, lambda c: c.previous_conference_id)),
    "readiness": Load(lambda loaders: loaders.readiness, lambda c: c.id, then=READINESS_PLAN, guard="readiness.read"),
    "localAuthority": _LOCAL_AUTHORITY,
    "chair": Load(lambda loaders: loaders.person, lambda c: c.chair_id, then=PERSON_PLAN),
    "children": Load(lambda loaders: loaders.children_by_conference, lambda c: c.id),
    "invitations": Load(lambda loaders: loaders.invitations_by_conference, lambda c: c.id, then=INVITATION_PLAN),
    "contributions": Load(lambda loaders: loaders.contributions_by_conference, lambda c: c.id, then=CONTRIBUTION_PLAN),
    "consultations": Load(
        lambda loaders: loaders.consultations_by_conference, lambda c: c.id,
        then={"child": Load(lambda loaders: loaders.child, lambda consultation: consultation.child_id)},
    ),
}
