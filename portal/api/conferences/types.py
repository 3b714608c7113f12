"""A conference: its children, invitations, contributions, consultations, map, timescale and readiness."""

from datetime import date, datetime

import strawberry

from portal import access, clock
from portal.api.children.types import ChildType
from portal.api.conferences.map import MapScales, MapSection, conference_map, scale_map
from portal.api.context import Info
from portal.api.contributions.types import ContributionType, WithholdingDecisionEnum, WithholdingRequestType
from portal.api.people.types import LocalAuthorityType, OrganisationType, PersonType
from portal.api.readiness.types import ChairNeedType, ReadinessType
from portal.conferences.models import ChildConsultation, Conference, Invitation
from portal.conferences.timescales import rules_for_la, statutory_deadline
from portal.contributions.models import Contribution, WithholdingRequest
from portal.contributions.report_status import ReportStatus, overdue, report_status
from portal.enums import ConferenceKind, ConferenceStatus, ViewsConveyed, WithholdingDecision

ConferenceKindEnum = strawberry.enum(ConferenceKind, name="ConferenceKind")
ConferenceStatusEnum = strawberry.enum(ConferenceStatus, name="ConferenceStatus")
ViewsConveyedEnum = strawberry.enum(ViewsConveyed, name="ViewsConveyed")
ReportStatusEnum = strawberry.enum(
    ReportStatus, name="ReportStatus",
    description="Where a report stands as you may know it: NOT_STARTED and DRAFT for the invited organisation itself; "
    "anyone else sees NOT_SUBMITTED for either.",
)


async def _visible_contribution(info: Info, invitation: Invitation) -> Contribution | None:
    found = await info.context.loaders.contribution_by_invitation.load(invitation.id)
    if not found:
        return None
    conference = await info.context.loaders.conference.load(invitation.conference_id)
    return found[0] if access.allowed(info.context.actor, "contribution.read", found[0], conference.la_id) else None


@strawberry.type(name="Invitation")
@access.fields({
    "invitation.read": ("id", "report_due_at", "family_due_at", "invited_at", "organisation", "conference", "contribution", "report_status", "overdue"),
    "invitation.needs": ("chair_needs",),
})
class InvitationType:
    id: strawberry.ID
    report_due_at: datetime
    family_due_at: datetime | None
    invited_at: datetime

    @strawberry.field
    async def organisation(self, root: strawberry.Parent[Invitation], info: Info) -> OrganisationType:
        return await info.context.loaders.organisation.load(root.organisation_id)

    @strawberry.field
    async def conference(self, root: strawberry.Parent[Invitation], info: Info) -> "ConferenceType":
        return await info.context.loaders.conference.load(root.conference_id)

    @strawberry.field(description="The organisation's contribution, if there is one you may see.")
    async def contribution(self, root: strawberry.Parent[Invitation], info: Info) -> ContributionType | None:
        return await _visible_contribution(info, root)

    @strawberry.field(description="Where the report stands, as you may know it.")
    async def report_status(self, root: strawberry.Parent[Invitation], info: Info) -> ReportStatusEnum:  # type: ignore[valid-type]
        contribution = await _visible_contribution(info, root)
        return report_status(contribution.status if contribution else None, own=root.organisation_id == info.context.actor.organisation_id)

    @strawberry.field(description="The report is past its due time and not submitted.")
    async def overdue(self, root: strawberry.Parent[Invitation], info: Info) -> bool:
        found = await info.context.loaders.contribution_by_invitation.load(root.id)
        return overdue(found[0].status if found else None, root.report_due_at, clock.now())

    @strawberry.field(description="What the conference still needs from this organisation: the readiness checks not met that name it, "
                      "with its deadline. For the organisation's own contributors only.")
    async def chair_needs(self, root: strawberry.Parent[Invitation], info: Info) -> list[ChairNeedType]:
        return ChairNeedType.of(await info.context.loaders.readiness.load(root.conference_id), root.organisation_id)


@strawberry.type(name="ChildConsultation")
@access.fields({"conference.read": ("child_id", "seen", "views_conveyed", "note", "recorded_at", "child")})
class ChildConsultationType:
    child_id: strawberry.ID
    seen: bool
    views_conveyed: ViewsConveyedEnum  # type: ignore[valid-type]
    note: str
    recorded_at: datetime

    @strawberry.field
    async def child(self, root: strawberry.Parent[ChildConsultation], info: Info) -> ChildType | None:
        return await info.context.loaders.child.load(root.child_id)


@strawberry.type(name="Conference")
@access.fields({
    "conference.read": ("id", "kind", "status", "scheduled_at", "strategy_discussion_on", "became_looked_after_on", "created_at", "held_on", "review_number", "next_review_due_by", "statutory_deadline", "local_authority", "chair", "children", "invitations", "contributions", "consultations", "withholding_requests", "map", "scale_map"),
    "readiness.read": ("readiness",),
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
    async def statutory_deadline(self, root: strawberry.Parent[Conference], info: Info) -> date | None:
        loaders = info.context.loaders
        la = await loaders.local_authority.load(root.la_id)
        previous = await loaders.conference.load(root.previous_conference_id) if root.previous_conference_id else None
        rules = rules_for_la(info.context.rules, la.slug)
        return statutory_deadline(root, rules, previous.kind if previous else None, previous.held_on if previous else None)

    @strawberry.field(description="Readiness checks, for staff of the conference's local authority only (null for anyone else, and for a conference not yet scheduled).")
    async def readiness(self, root: strawberry.Parent[Conference], info: Info) -> ReadinessType | None:
        result = await info.context.loaders.readiness.load(root.id)
        return ReadinessType.of(result) if result is not None else None

    @strawberry.field
    async def local_authority(self, root: strawberry.Parent[Conference], info: Info) -> LocalAuthorityType:
        return await info.context.loaders.local_authority.load(root.la_id)

    @strawberry.field
    async def chair(self, root: strawberry.Parent[Conference], info: Info) -> PersonType | None:
        return await info.context.loaders.person.load(root.chair_id) if root.chair_id else None

    @strawberry.field
    async def children(self, root: strawberry.Parent[Conference], info: Info) -> list[ChildType]:
        return await info.context.loaders.children_by_conference.load(root.id)

    @strawberry.field
    async def invitations(self, root: strawberry.Parent[Conference], info: Info) -> list[InvitationType]:
        return await info.context.loaders.invitations_by_conference.load(root.id)

    @strawberry.field(description="Contributions you may see: your organisation's in any state, others' once submitted.")
    async def contributions(self, root: strawberry.Parent[Conference], info: Info) -> list[ContributionType]:
        rows = await info.context.loaders.contributions_by_conference.load(root.id)
        return [c for c in rows if access.allowed(info.context.actor, "contribution.read", c, root.la_id)]

    @strawberry.field
    async def consultations(self, root: strawberry.Parent[Conference], info: Info) -> list[ChildConsultationType]:
        return await info.context.loaders.consultations_by_conference.load(root.id)

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
