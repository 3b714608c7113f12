"""Loading one row for a write, through the same scopes reads use: unseen rows are 'not found'."""

from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from portal import access, ids
from portal.careplans.models import CareProceedings
from portal.conferences.models import Conference, Invitation
from portal.contributions.models import Contribution, WithholdingRequest
from portal.errors import not_found
from portal.identity import Actor
from portal.people.models import Organisation

T = TypeVar("T")


def parse_id(value: str | int, path: tuple[str, ...], what: str) -> int:
    """The row id a client sent; one that can name no row is 'not found' at `path`."""
    number = ids.parse_id(value)
    if number is None:
        raise not_found(path, what)
    return number


def visible_la(actor: Actor, la_id: str | int, path: tuple[str, ...]) -> int:
    """A local authority the actor works for; any other is 'not found', like one that does not exist."""
    number = parse_id(la_id, path, "local authority")
    if not access.allowed(actor, "local_authority.staff", number):
        raise not_found(path, "local authority")
    return number


async def visible_organisation(session: AsyncSession, actor: Actor, organisation_id: str | int, path: tuple[str, ...]) -> Organisation:
    number = parse_id(organisation_id, path, "organisation")
    organisation = (
        await session.execute(select(Organisation).where(Organisation.id == number, access.scope(actor, "organisation.read")))
    ).scalar_one_or_none()
    if organisation is None:
        raise not_found(path, "organisation")
    return organisation


async def visible_conference(session: AsyncSession, actor: Actor, conference_id: str | int, path: tuple[str, ...]) -> Conference:
    number = parse_id(conference_id, path, "conference")
    conference = (
        await session.execute(select(Conference).where(Conference.id == number, access.scope(actor, "conference.read")))
    ).scalar_one_or_none()
    if conference is None:
        raise not_found(path, "conference")
    return conference


async def own_invitation(session: AsyncSession, actor: Actor, invitation_id: str | int, path: tuple[str, ...]) -> Invitation:
    """An invitation to the actor's own organisation (only they write to it)."""
    number = parse_id(invitation_id, path, "invitation")
    invitation = (
        await session.execute(
            select(Invitation).where(Invitation.id == number, access.scope(actor, "invitation.own"))
        )
    ).scalar_one_or_none()
    if invitation is None:
        raise not_found(path, "invitation")
    return invitation


async def visible_contribution(
    session: AsyncSession, actor: Actor, contribution_id: str | int, path: tuple[str, ...], *, for_update: bool = False
) -> tuple[Contribution, Conference]:
    number = parse_id(contribution_id, path, "contribution")
    statement = (
        select(Contribution, Conference)
        .join(Conference, Conference.id == Contribution.conference_id)
        .where(Contribution.id == number, access.scope(actor, "contribution.read"))
    )
    if for_update:
        statement = statement.with_for_update(of=Contribution)
    row = (await session.execute(statement)).first()
    if row is None or not access.allowed(actor, "contribution.read", row[0], row[1].la_id):
        raise not_found(path, "contribution")
    return row[0], row[1]


async def visible_proceedings(session: AsyncSession, actor: Actor, proceedings_id: str | int, path: tuple[str, ...]) -> CareProceedings:
    number = parse_id(proceedings_id, path, "care proceedings")
    proceedings = (
        await session.execute(select(CareProceedings).where(CareProceedings.id == number, access.scope(actor, "proceedings.read")))
    ).scalar_one_or_none()
    if proceedings is None:
        raise not_found(path, "care proceedings")
    return proceedings


async def visible_withholding_request(
    session: AsyncSession, actor: Actor, request_id: str | int, path: tuple[str, ...]
) -> tuple[WithholdingRequest, Conference]:
    """A withholding request on a contribution the actor may read and whose withheld sections they may see."""
    number = parse_id(request_id, path, "withholding request")
    row = (
        await session.execute(
            select(WithholdingRequest, Contribution, Conference)
            .join(Contribution, Contribution.id == WithholdingRequest.contribution_id)
            .join(Conference, Conference.id == Contribution.conference_id)
            .where(WithholdingRequest.id == number, access.scope(actor, "contribution.read"))
            .with_for_update(of=WithholdingRequest)
        )
    ).first()
    if row is None or not access.allowed(actor, "contribution.read", row[1], row[2].la_id) or not access.can_see_withheld(actor, row[1], row[2].chair_id):
        raise not_found(path, "withholding request")
    return row[0], row[2]
