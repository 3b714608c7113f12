"""The read side of the schema. Resolvers receive model rows as their root; every
relationship goes through a DataLoader and every row through the access rules."""

from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated, Generic, TypeVar

import strawberry

from portal import access
from portal.agencies import AgencyDefinition, SectionDefinition
from portal.api.context import Info
from portal.careplans.models import CarePlanView, CareProceedings
from portal.children.models import Child
from portal.conferences.models import ChildConsultation, Conference, Invitation
from portal.conferences.timescales import rules_for_la, statutory_deadline
from portal.contributions.models import Contribution, ContributionVersion, WithholdingRequest
from portal.enums import ConferenceKind, ConferenceStatus, ContributionStatus, Role, ViewsConveyed, WithholdingDecision
from portal.errors import ErrorCode, Problem
from portal.ingest.types import UploadedReportType, uploads_of
from portal.markdown import to_safe_html
from portal.people.models import Person
from portal.readiness.result import ReadinessResult, Status

ConferenceKindEnum = strawberry.enum(ConferenceKind, name="ConferenceKind")
ConferenceStatusEnum = strawberry.enum(ConferenceStatus, name="ConferenceStatus")
ContributionStatusEnum = strawberry.enum(ContributionStatus, name="ContributionStatus")
ViewsConveyedEnum = strawberry.enum(ViewsConveyed, name="ViewsConveyed")
WithholdingDecisionEnum = strawberry.enum(WithholdingDecision, name="WithholdingDecision")
ErrorCodeEnum = strawberry.enum(ErrorCode, name="ErrorCode")
RoleEnum = strawberry.enum(Role, name="Role")
ReadinessStatusEnum = strawberry.enum(Status, name="ReadinessStatus")

if TYPE_CHECKING:
    from portal.api.audit import DraftingAdviceType

T = TypeVar("T")


@strawberry.type
class UserError:
    """Why a mutation changed nothing: where (the input field path) and what to do about it."""

    path: list[str]
    message: str
    code: ErrorCodeEnum  # type: ignore[valid-type]

    @classmethod
    def of(cls, problem: Problem) -> "UserError":
        return cls(path=list(problem.path), message=problem.message, code=problem.code)


@strawberry.type
class PageInfo:
    has_next_page: bool
    end_cursor: str | None


@strawberry.type
class Connection(Generic[T]):
    nodes: list[T]
    page_info: PageInfo


@strawberry.type
class Markdown:
    """Text written as Markdown: the source as typed, and HTML safe to put on a page."""

    source: str

    @strawberry.field
    def html(self) -> str:
        return to_safe_html(self.source)


@strawberry.type(name="SectionDefinition")
class SectionDefinitionType:
    id: str
    title: str
    help: str
    required: bool
    max_length: int
    aliases: list[str]

    @classmethod
    def of(cls, section: SectionDefinition) -> "SectionDefinitionType":
        return cls(id=section.id, title=section.title, help=section.help, required=section.required, max_length=section.max_length, aliases=list(section.aliases))


@strawberry.type(name="Agency")
class AgencyType:
    id: str
    name: str
    description: str
    sections: list[SectionDefinitionType]

    @classmethod
    def of(cls, agency: AgencyDefinition) -> "AgencyType":
        return cls(id=agency.id, name=agency.name, description=agency.description, sections=[SectionDefinitionType.of(s) for s in agency.sections])


@strawberry.type(name="LocalAuthority")
class LocalAuthorityType:
    id: strawberry.ID
    slug: str
    name: str


@strawberry.type(name="Organisation")
class OrganisationType:
    id: strawberry.ID
    agency_id: str
    name: str
    code: str | None


@strawberry.type(name="Person")
class PersonType:
    id: strawberry.ID
    name: str
    job_title: str

    @strawberry.field
    async def organisation(self, root: strawberry.Parent[Person], info: Info) -> OrganisationType:
        return await info.context.loaders.organisation.load(root.organisation_id)

    @strawberry.field(description="Visible only to the person themself.")
    def email(self, root: strawberry.Parent[Person], info: Info) -> str | None:
        return root.email if root.id == info.context.actor.person_id else None


@strawberry.type(name="Child")
class ChildType:
    id: strawberry.ID
    given_name: str
    family_name: str
    date_of_birth: date
    nhs_number: str | None

    @strawberry.field(description="The child's conferences that you may see, latest first.")
    async def conferences(self, root: strawberry.Parent[Child], info: Info) -> list["ConferenceType"]:
        from portal.api.queries import child_conferences

        return await child_conferences(info, root.id)


@strawberry.type(name="SafetyScale")
class SafetyScaleType:
    child_id: strawberry.ID
    score: int

    @strawberry.field
    async def child(self, info: Info) -> ChildType | None:
        return await info.context.loaders.child.load(int(self.child_id))


@strawberry.type(name="Section")
class SectionType:
    id: str
    title: str
    required: bool
    text: Markdown
    withheld_from_family: bool = strawberry.field(description="A request to withhold this section from the family is pending or agreed.")


@strawberry.type(name="WithholdingRequest")
class WithholdingRequestType:
    id: strawberry.ID
    section_id: str
    reason: str
    decision: WithholdingDecisionEnum  # type: ignore[valid-type]
    decision_note: str
    requested_at: datetime
    decided_at: datetime | None

    @strawberry.field
    async def requested_by(self, root: strawberry.Parent[WithholdingRequest], info: Info) -> PersonType | None:
        return await info.context.loaders.person.load(root.requested_by_id)


async def _contribution_context(info: Info, contribution: Contribution) -> tuple[AgencyDefinition, frozenset[str], bool]:
    loaders = info.context.loaders
    organisation, conference, requests = (
        await loaders.organisation.load(contribution.organisation_id),
        await loaders.conference.load(contribution.conference_id),
        await loaders.withholdings_by_contribution.load(contribution.id),
    )
    agency = info.context.agencies[organisation.agency_id]
    return agency, access.withheld_sections(requests), access.can_see_withheld(info.context.actor, contribution, conference.chair_id)


def _sections(agency: AgencyDefinition, texts: dict[str, str], withheld: frozenset[str], sees_withheld: bool) -> list[SectionType]:
    return [
        SectionType(id=s.id, title=s.title, required=s.required, text=Markdown(source=texts[s.id]), withheld_from_family=s.id in withheld)
        for s in agency.sections
        if s.id in texts and (sees_withheld or s.id not in withheld)
    ]


def _scales(scales: dict[str, int]) -> list[SafetyScaleType]:
    return [SafetyScaleType(child_id=strawberry.ID(k), score=v) for k, v in sorted(scales.items(), key=lambda kv: int(kv[0]))]


@strawberry.type(name="ContributionVersion")
class ContributionVersionType:
    number: int
    status: ContributionStatusEnum  # type: ignore[valid-type]
    note: str
    created_at: datetime
    sections: list[SectionType]
    scales: list[SafetyScaleType]


@strawberry.type(name="Contribution")
class ContributionType:
    id: strawberry.ID
    status: ContributionStatusEnum  # type: ignore[valid-type]
    version: int
    created_at: datetime
    updated_at: datetime
    submitted_at: datetime | None
    shared_with_family_on: date | None

    @strawberry.field
    async def agency_id(self, root: strawberry.Parent[Contribution], info: Info) -> str:
        return (await info.context.loaders.organisation.load(root.organisation_id)).agency_id

    @strawberry.field
    async def organisation(self, root: strawberry.Parent[Contribution], info: Info) -> OrganisationType:
        return await info.context.loaders.organisation.load(root.organisation_id)

    @strawberry.field
    async def author(self, root: strawberry.Parent[Contribution], info: Info) -> PersonType | None:
        return await info.context.loaders.person.load(root.author_id)

    @strawberry.field
    async def conference(self, root: strawberry.Parent[Contribution], info: Info) -> "ConferenceType":
        return await info.context.loaders.conference.load(root.conference_id)

    @strawberry.field
    async def invitation(self, root: strawberry.Parent[Contribution], info: Info) -> "InvitationType":
        return await info.context.loaders.invitation.load(root.invitation_id)

    @strawberry.field(description="Sections in the agency's order. Sections withheld from the family are shown only to the author's organisation and the chair.")
    async def sections(self, root: strawberry.Parent[Contribution], info: Info) -> list[SectionType]:
        agency, withheld, sees_withheld = await _contribution_context(info, root)
        return _sections(agency, root.sections, withheld, sees_withheld)

    @strawberry.field
    def scales(self, root: strawberry.Parent[Contribution]) -> list[SafetyScaleType]:
        return _scales(root.scales)

    @strawberry.field(description="Withholding requests: seen only by the author's organisation and the chair.")
    async def withholding_requests(self, root: strawberry.Parent[Contribution], info: Info) -> list[WithholdingRequestType]:
        _, _, sees_withheld = await _contribution_context(info, root)
        return await info.context.loaders.withholdings_by_contribution.load(root.id) if sees_withheld else []

    @strawberry.field(description="PDFs this report was filled from (details, not the files), oldest first. Seen only by the author's organisation.")
    async def uploads(self, root: strawberry.Parent[Contribution], info: Info) -> list[UploadedReportType]:
        return await uploads_of(info, root)

    @strawberry.field(description="Saved versions, oldest first. Drafts are seen only by the author's organisation.")
    async def versions(self, root: strawberry.Parent[Contribution], info: Info) -> list[ContributionVersionType]:
        agency, withheld, sees_withheld = await _contribution_context(info, root)
        own = root.organisation_id == info.context.actor.organisation_id
        versions: list[ContributionVersion] = await info.context.loaders.versions_by_contribution.load(root.id)
        return [
            ContributionVersionType(
                number=v.number, status=v.status, note=v.note, created_at=v.created_at,
                sections=_sections(agency, v.sections, withheld, sees_withheld), scales=_scales(v.scales),
            )
            for v in versions
            if own or v.status != ContributionStatus.DRAFT
        ]

    @strawberry.field(description="The audit scorer's drafting advice, for the contribution's own organisation only: advice, never a block on submitting.")
    async def feedback(
        self, root: strawberry.Parent[Contribution], info: Info
    ) -> list[Annotated["DraftingAdviceType", strawberry.lazy("portal.api.audit")]]:
        from portal.api.audit import contribution_feedback

        return await contribution_feedback(info, root)


@strawberry.type(name="Invitation")
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
        found = await info.context.loaders.contribution_by_invitation.load(root.id)
        if not found:
            return None
        conference = await info.context.loaders.conference.load(root.conference_id)
        return found[0] if access.can_read_contribution(info.context.actor, found[0], conference.la_id) else None


@strawberry.type(name="ChildConsultation")
class ChildConsultationType:
    child_id: strawberry.ID
    seen: bool
    views_conveyed: ViewsConveyedEnum  # type: ignore[valid-type]
    note: str
    recorded_at: datetime

    @strawberry.field
    async def child(self, root: strawberry.Parent[ChildConsultation], info: Info) -> ChildType | None:
        return await info.context.loaders.child.load(root.child_id)


@strawberry.type
class MapEntry:
    contribution_id: strawberry.ID
    organisation: OrganisationType
    text: Markdown


@strawberry.type
class MapSection:
    """One Signs of Safety section with what every agency wrote in it."""

    section_id: str
    title: str
    entries: list[MapEntry]


@strawberry.type(name="WhoMustAct")
class WhoMustActType:
    role: RoleEnum  # type: ignore[valid-type]
    organisation_id: strawberry.Private[int | None]

    @strawberry.field(description="For a contributor, the organisation that must act.")
    async def organisation(self, info: Info) -> OrganisationType | None:
        return await info.context.loaders.organisation.load(self.organisation_id) if self.organisation_id else None


@strawberry.type(name="ReadinessCheck")
class ReadinessCheckType:
    id: str = strawberry.field(description="Stable id of the check, e.g. all_invited_submitted.")
    title: str
    status: ReadinessStatusEnum  # type: ignore[valid-type]
    explanation: str
    who_must_act: list[WhoMustActType]


@strawberry.type(name="Readiness")
class ReadinessType:
    """Is the conference ready, and if not, who must do what."""

    conference_id: strawberry.ID
    status: ReadinessStatusEnum  # type: ignore[valid-type]
    checks: list[ReadinessCheckType]

    @classmethod
    def of(cls, result: ReadinessResult) -> "ReadinessType":
        return cls(
            conference_id=strawberry.ID(result.conference_id),
            status=result.status,
            checks=[
                ReadinessCheckType(
                    id=c.id, title=c.title, status=c.status, explanation=c.explanation,
                    who_must_act=[
                        WhoMustActType(role=a.role, organisation_id=int(a.organisation_id) if a.organisation_id else None)
                        for a in c.who_must_act
                    ],
                )
                for c in result.checks
            ],
        )


@strawberry.type(name="Conference")
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
        if not access.can_see_readiness(info.context.actor, root):
            return None
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
        return [c for c in rows if access.can_read_contribution(info.context.actor, c, root.la_id)]

    @strawberry.field
    async def consultations(self, root: strawberry.Parent[Conference], info: Info) -> list[ChildConsultationType]:
        return await info.context.loaders.consultations_by_conference.load(root.id)

    @strawberry.field(description="The conference map: each Signs of Safety section with every submitted contribution's text in it.")
    async def map(self, root: strawberry.Parent[Conference], info: Info) -> list[MapSection]:
        from portal.api.conference_map import conference_map

        return await conference_map(info, root)


@strawberry.type(name="CarePlanView")
class CarePlanViewType:
    id: strawberry.ID
    child_id: strawberry.ID
    version: int
    recorded_at: datetime

    @strawberry.field
    def view(self, root: strawberry.Parent[CarePlanView]) -> Markdown:
        return Markdown(source=root.view)

    @strawberry.field
    async def iro(self, root: strawberry.Parent[CarePlanView], info: Info) -> PersonType | None:
        return await info.context.loaders.person.load(root.iro_id)


@strawberry.type(name="CareProceedings")
class CareProceedingsType:
    id: strawberry.ID
    case_number: str
    started_on: date
    ended_on: date | None

    @strawberry.field
    async def children(self, root: strawberry.Parent[CareProceedings], info: Info) -> list[ChildType]:
        return await info.context.loaders.children_by_proceedings.load(root.id)

    @strawberry.field(description="The IRO's views of the care plan, every version, oldest first.")
    async def care_plan_views(self, root: strawberry.Parent[CareProceedings], info: Info) -> list[CarePlanViewType]:
        return await info.context.loaders.care_plan_views_by_proceedings.load(root.id)


__all__ = [
    "AgencyType", "CarePlanViewType", "CareProceedingsType", "ChildConsultationType", "ChildType", "ConferenceType",
    "Connection", "ContributionType", "InvitationType", "LocalAuthorityType", "Markdown", "OrganisationType",
    "PageInfo", "PersonType", "ReadinessType", "UserError",
]
