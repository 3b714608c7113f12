"""The conference map: all agencies' worries together, all strengths together, and so on, then every child's scales."""

import strawberry

from portal import access
from portal.agencies import CORE_SECTIONS
from portal.api.children.types import ChildType
from portal.api.common import Markdown
from portal.api.context import Info
from portal.api.people.types import OrganisationType
from portal.conferences.models import Conference
from portal.contributions.models import Contribution
from portal.contributions.services import SHARED


@strawberry.type
@access.fields({"contribution.read": ("contribution_id", "organisation", "text")})
class MapEntry:
    contribution_id: strawberry.ID
    organisation: OrganisationType
    text: Markdown


@strawberry.type
@access.fields({"conference.read": ("section_id", "title", "entries")})
class MapSection:
    """One Signs of Safety section with what every agency wrote in it."""

    section_id: str
    title: str
    entries: list[MapEntry]


@strawberry.type
@access.fields({"contribution.read": ("contribution_id", "organisation", "score")})
class MapScore:
    contribution_id: strawberry.ID
    organisation: OrganisationType
    score: int


@strawberry.type
@access.fields({"conference.read": ("child_id", "child", "scores")})
class MapScales:
    """One child of the conference with every submitted contribution's safety scale score for them."""

    child_id: strawberry.ID
    child: ChildType
    scores: list[MapScore]


async def _shared(info: Info, conference: Conference) -> list[Contribution]:
    actor = info.context.actor
    return [
        c
        for c in await info.context.loaders.contributions_by_conference.load(conference.id)
        if c.status in SHARED and access.allowed(actor, "contribution.read", c, conference.la_id)
    ]


async def conference_map(info: Info, conference: Conference) -> list[MapSection]:
    loaders, actor, agencies = info.context.loaders, info.context.actor, info.context.agencies
    contributions = await _shared(info, conference)
    organisations = await loaders.organisation.load_many([c.organisation_id for c in contributions])
    requests = await loaders.withholdings_by_contribution.load_many([c.id for c in contributions])
    visible = [access.visible_sections(actor, c, access.Purpose.READ, asked, conference.chair_id) for c, asked in zip(contributions, requests, strict=True)]
    any_agency = agencies.all()[0]
    sections: list[MapSection] = []
    for section_id in CORE_SECTIONS:
        entries = []
        for contribution, organisation, shown in zip(contributions, organisations, visible, strict=True):
            text = contribution.sections.get(section_id, "").strip()
            if text and section_id in shown:
                entries.append(MapEntry(contribution_id=str(contribution.id), organisation=organisation, text=Markdown(text=text, contribution_id=contribution.id)))
        title = any_agency.section(section_id).title  # type: ignore[union-attr]
        sections.append(MapSection(section_id=section_id, title=title, entries=entries))
    return sections


async def scale_map(info: Info, conference: Conference) -> list[MapScales]:
    loaders = info.context.loaders
    contributions = await _shared(info, conference)
    # Children before organisations: a conference with nothing submitted loads no organisations, and must not
    # leave the other conferences' batch of children.
    children = await loaders.children_by_conference.load(conference.id)
    organisations = await loaders.organisation.load_many([c.organisation_id for c in contributions])
    return [
        MapScales(
            child_id=strawberry.ID(str(child.id)), child=child,
            scores=[
                MapScore(contribution_id=strawberry.ID(str(c.id)), organisation=o, score=c.scales[str(child.id)])
                for c, o in zip(contributions, organisations, strict=True)
                if str(child.id) in c.scales
            ],
        )
        for child in children
    ]
