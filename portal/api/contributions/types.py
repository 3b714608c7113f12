"""An agency's contribution: its sections and scales, saved versions and withholding requests."""

from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry.utils.await_maybe import await_maybe

from portal import access
from portal.agencies import AgencyDefinition
from portal.api.batching import ready, resolved
from portal.api.children.types import ChildType
from portal.api.common import Markdown
from portal.api.context import Info
from portal.api.ingest.types import UploadedReportType, uploads_of
from portal.api.people.types import PERSON_PLAN, OrganisationType, PersonType
from portal.api.prefetch import Load, Plan
from portal.conferences.models import Conference
from portal.contributions.models import Contribution, ContributionVersion, WithholdingRequest
from portal.enums import ContributionStatus, WithholdingDecision
from portal.people.models import Organisation

if TYPE_CHECKING:
    from portal.api.audit.feedback import DraftingAdviceType
    from portal.api.conferences.types import ConferenceType, InvitationType

ContributionStatusEnum = strawberry.enum(ContributionStatus, name="ContributionStatus")
WithholdingDecisionEnum = strawberry.enum(WithholdingDecision, name="WithholdingDecision")
CONFERENCES = "portal.api.conferences.types"


@strawberry.type(name="SafetyScale")
@access.fields({"contribution.read": ("child_id", "score", "child")})
class SafetyScaleType:
    child_id: strawberry.ID
    score: int

    @strawberry.field
    def child(self, info: Info) -> ChildType | None:
        return ready(info.context.loaders.child, int(self.child_id))


@strawberry.type(name="Section")
@access.fields({"contribution.read": ("id", "title", "required", "text", "withheld_from_family")})
class SectionType:
    id: str
    title: str
    required: bool
    text: Markdown
    withheld_from_family: bool = strawberry.field(description="A request to withhold this section from the family is pending or agreed.")


@strawberry.type(name="WithholdingRequest")
@access.fields({
    "contribution.read": (
        "id", "section_id", "section_title", "reason", "decision", "decision_note", "requested_at", "decided_at", "requested_by",
        "contribution_id", "organisation",
    ),
})
class WithholdingRequestType:
    id: strawberry.ID
    section_id: str
    reason: str
    decision: WithholdingDecisionEnum  # type: ignore[valid-type]
    decision_note: str
    requested_at: datetime
    decided_at: datetime | None
    contribution_id: strawberry.ID

    @strawberry.field
    def requested_by(self, root: strawberry.Parent[WithholdingRequest], info: Info) -> PersonType | None:
        return ready(info.context.loaders.person, root.requested_by_id)

    @strawberry.field(description="The organisation whose report holds the section.")
    async def organisation(self, root: strawberry.Parent[WithholdingRequest], info: Info) -> OrganisationType:
        return await _requesting_organisation(info, root)

    @strawberry.field(description="The section's title in its agency's report.")
    async def section_title(self, root: strawberry.Parent[WithholdingRequest], info: Info) -> str:
        organisation = await _requesting_organisation(info, root)
        section = info.context.agencies[organisation.agency_id].section(root.section_id)
        return section.title if section else root.section_id


async def _requesting_organisation(info: Info, request: WithholdingRequest) -> Organisation:
    contribution = await info.context.loaders.contribution.load(request.contribution_id)
    return await info.context.loaders.organisation.load(contribution.organisation_id)


def _contribution_context(info: Info, contribution: Contribution) -> tuple[AgencyDefinition, access.VisibleSections]:
    """The contribution's agency and the sections the reader may see (awaitable until they are loaded)."""
    loaders, actor, agencies = info.context.loaders, info.context.actor, info.context.agencies

    def context(organisation: Organisation, conference: Conference, requests: list[WithholdingRequest]) -> tuple[AgencyDefinition, access.VisibleSections]:
        return agencies[organisation.agency_id], access.visible_sections(actor, contribution, access.Purpose.READ, requests, conference.chair_id)

    return resolved(
        context, ready(loaders.organisation, contribution.organisation_id), ready(loaders.conference, contribution.conference_id),
        ready(loaders.withholdings_by_contribution, contribution.id),
    )


def _sections(agency: AgencyDefinition, contribution_id: int, texts: dict[str, str], visible: access.VisibleSections) -> list[SectionType]:
    return [
        SectionType(
            id=s.id, title=s.title, required=s.required, text=Markdown(text=texts[s.id], contribution_id=contribution_id),
            withheld_from_family=s.id in visible.withheld,
        )
        for s in agency.sections
        if s.id in texts and s.id in visible
    ]


def _scales(scales: dict[str, int]) -> list[SafetyScaleType]:
    return [SafetyScaleType(child_id=strawberry.ID(k), score=v) for k, v in sorted(scales.items(), key=lambda kv: int(kv[0]))]


@strawberry.type(name="ContributionVersion")
@access.fields({"contribution.read": ("number", "status", "note", "created_at", "sections", "scales")})
class ContributionVersionType:
    number: int
    status: ContributionStatusEnum  # type: ignore[valid-type]
    note: str
    created_at: datetime
    sections: list[SectionType]
    scales: list[SafetyScaleType]


@strawberry.type(name="Contribution")
@access.fields({
    "contribution.read": ("id", "status", "version", "created_at", "updated_at", "submitted_at", "shared_with_family_on", "agency_id", "organisation", "author", "conference", "invitation", "sections", "scales", "withholding_requests", "uploads", "versions"),
    "feedback.read": ("feedback",),
})
class ContributionType:
    id: strawberry.ID
    status: ContributionStatusEnum  # type: ignore[valid-type]
    version: int
    created_at: datetime
    updated_at: datetime
    submitted_at: datetime | None
    shared_with_family_on: date | None

    @strawberry.field
    def agency_id(self, root: strawberry.Parent[Contribution], info: Info) -> str:
        return resolved(lambda organisation: organisation.agency_id, ready(info.context.loaders.organisation, root.organisation_id))

    @strawberry.field
    def organisation(self, root: strawberry.Parent[Contribution], info: Info) -> OrganisationType:
        return ready(info.context.loaders.organisation, root.organisation_id)

    @strawberry.field
    def author(self, root: strawberry.Parent[Contribution], info: Info) -> PersonType | None:
        return ready(info.context.loaders.person, root.author_id)

    @strawberry.field
    def conference(self, root: strawberry.Parent[Contribution], info: Info) -> Annotated["ConferenceType", strawberry.lazy(CONFERENCES)]:
        return ready(info.context.loaders.conference, root.conference_id)

    @strawberry.field
    def invitation(self, root: strawberry.Parent[Contribution], info: Info) -> Annotated["InvitationType", strawberry.lazy(CONFERENCES)]:
        return ready(info.context.loaders.invitation, root.invitation_id)

    @strawberry.field(description="Sections in the agency's order. Sections withheld from the family are shown only to the author's organisation and the chair.")
    def sections(self, root: strawberry.Parent[Contribution], info: Info) -> list[SectionType]:
        return resolved(lambda context: _sections(context[0], root.id, root.sections, context[1]), _contribution_context(info, root))

    @strawberry.field
    def scales(self, root: strawberry.Parent[Contribution]) -> list[SafetyScaleType]:
        return _scales(root.scales)

    @strawberry.field(description="Withholding requests: seen only by the author's organisation and the chair.")
    def withholding_requests(self, root: strawberry.Parent[Contribution], info: Info) -> list[WithholdingRequestType]:
        loaders, actor = info.context.loaders, info.context.actor

        def requests(conference: Conference) -> Any:
            return ready(loaders.withholdings_by_contribution, root.id) if access.can_see_withheld(actor, root, conference.chair_id) else []

        return resolved(requests, ready(loaders.conference, root.conference_id))

    @strawberry.field(description="PDFs this report was filled from (details, not the files), oldest first. Seen only by the author's organisation and, once submitted, the chair.")
    async def uploads(self, root: strawberry.Parent[Contribution], info: Info) -> list[UploadedReportType]:
        conference = await info.context.loaders.conference.load(root.conference_id)
        if not access.allowed(info.context.actor, "upload.read", root, conference):
            return []
        return await uploads_of(info, root)

    @strawberry.field(description="Saved versions, oldest first. Drafts are seen only by the author's organisation.")
    async def versions(self, root: strawberry.Parent[Contribution], info: Info) -> list[ContributionVersionType]:
        agency, visible = await await_maybe(_contribution_context(info, root))
        own = access.allowed(info.context.actor, "draft.read", root)
        versions: list[ContributionVersion] = await info.context.loaders.versions_by_contribution.load(root.id)
        return [
            ContributionVersionType(
                number=v.number, status=v.status, note=v.note, created_at=v.created_at,
                sections=_sections(agency, root.id, v.sections, visible), scales=_scales(v.scales),
            )
            for v in versions
            if own or v.status != ContributionStatus.DRAFT
        ]

    @strawberry.field(description="The audit scorer's drafting advice, for the contribution's own organisation only: advice, never a block on submitting.")
    async def feedback(
        self, root: strawberry.Parent[Contribution], info: Info
    ) -> list[Annotated["DraftingAdviceType", strawberry.lazy("portal.api.audit.feedback")]]:
        from portal.api.audit.feedback import contribution_feedback

        return await contribution_feedback(info, root)


# What a root field loads up front for a page of contributions (portal.api.prefetch). A scale's child
# is left to its field: loading it is a read of the child's record for the access log.
_ORGANISATION = Load(lambda loaders: loaders.organisation, lambda c: c.organisation_id)
_CONFERENCE = Load(lambda loaders: loaders.conference, lambda c: c.conference_id)
_WITHHOLDINGS = Load(
    lambda loaders: loaders.withholdings_by_contribution, lambda c: c.id,
    then={"requestedBy": Load(lambda loaders: loaders.person, lambda w: w.requested_by_id, then=PERSON_PLAN)},
)
CONTRIBUTION_PLAN: Plan = {
    "agencyId": _ORGANISATION,
    "organisation": _ORGANISATION,
    "author": Load(lambda loaders: loaders.person, lambda c: c.author_id, then=PERSON_PLAN),
    "conference": _CONFERENCE,
    "invitation": Load(lambda loaders: loaders.invitation, lambda c: c.invitation_id),
    "sections": (_ORGANISATION, _CONFERENCE, _WITHHOLDINGS),
    "withholdingRequests": (_CONFERENCE, _WITHHOLDINGS),
}
