"""The audit scorer's drafting advice on a contribution, for its own organisation."""


import strawberry

from portal import access
from portal.api.context import Info
from portal.audit.rows import has_rubric, plain_children, plain_contribution, scorer_for
from portal.contributions.models import Contribution


@strawberry.type(name="DraftingAdvice")
@access.fields({"feedback.read": ("criterion_id", "section_id", "message", "suggestions")})
class DraftingAdviceType:
    """The audit scorer's advice while drafting: never a block on submitting."""

    criterion_id: str
    section_id: str | None
    message: str
    suggestions: list[str]


async def contribution_feedback(info: Info, contribution: Contribution) -> list[DraftingAdviceType]:
    loaders = info.context.loaders
    organisation = await loaders.organisation.load(contribution.organisation_id)
    agencies_dir = info.context.settings.agencies_dir
    if not has_rubric(agencies_dir, organisation.agency_id):
        return []
    conference, invitation, author, requests = (
        await loaders.conference.load(contribution.conference_id),
        await loaders.invitation.load(contribution.invitation_id),
        await loaders.person.load(contribution.author_id),
        await loaders.withholdings_by_contribution.load(contribution.id),
    )
    visible = access.visible_sections(info.context.actor, contribution, access.Purpose.READ, requests, conference.chair_id)
    la = await loaders.local_authority.load(conference.la_id)
    children = await loaders.children_by_conference.load(conference.id)
    plain = plain_contribution(
        agency=info.context.agencies[organisation.agency_id], contribution_id=contribution.id, status=contribution.status,
        version=contribution.version, sections=visible.texts(contribution.sections), scales=contribution.scales, submitted_at=contribution.submitted_at,
        shared_with_family_on=contribution.shared_with_family_on, organisation=(organisation.id, organisation.name, organisation.code),
        author=(author.id, author.name, author.job_title), invitation=(invitation.id, invitation.report_due_at, invitation.family_due_at),
        conference=(conference.id, conference.kind, conference.scheduled_at or invitation.report_due_at, la.slug),
        children=plain_children(children), withholding_requests=((w.section_id, w.decision) for w in requests),
    )
    advice = scorer_for(agencies_dir, organisation.agency_id).feedback(plain)
    return [DraftingAdviceType(criterion_id=a.criterion_id, section_id=a.section_id, message=a.message, suggestions=list(a.suggestions)) for a in advice]
