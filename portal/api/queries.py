"""Root queries. Every list and lookup is scoped by the access rules in SQL."""


import strawberry
from sqlalchemy import select

from portal import access, clock
from portal.api.context import Info
from portal.api.pagination import PageError, connection, page_window, paged
from portal.api.types import (
    AgencyType,
    CareProceedingsType,
    ChildType,
    ConferenceKindEnum,
    ConferenceStatusEnum,
    ConferenceType,
    Connection,
    ContributionType,
    InvitationType,
    OrganisationType,
    PersonType,
)
from portal.careplans.models import CareProceedings
from portal.children.models import Child
from portal.conferences.models import Conference, ConferenceChild, Invitation
from portal.errors import DomainError
from portal.lookup import visible_contribution
from portal.people.models import Organisation


def _number(value: strawberry.ID) -> int | None:
    return int(value) if str(value).isdigit() else None


async def child_conferences(info: Info, child_id: int) -> list[Conference]:
    statement = (
        select(Conference)
        .join(ConferenceChild, ConferenceChild.conference_id == Conference.id)
        .where(ConferenceChild.child_id == child_id, access.conference_scope(info.context.actor))
        .order_by(Conference.scheduled_at.desc().nulls_last(), Conference.id.desc())
    )
    return list(await info.context.reader.scalars(statement))


@strawberry.input
class ConferenceFilter:
    chaired_by_me: bool = False
    upcoming: bool = strawberry.field(default=False, description="Only scheduled conferences from now on, soonest first.")
    la_id: strawberry.ID | None = None
    status: ConferenceStatusEnum | None = None  # type: ignore[valid-type]
    kind: ConferenceKindEnum | None = None  # type: ignore[valid-type]


def _window(info: Info, first: int | None, after: str | None) -> tuple[int, int]:
    try:
        return page_window(first, after, info.context.settings.page_size_max)
    except PageError as error:
        raise ValueError(str(error)) from None


@strawberry.type
class Query:
    @strawberry.field(description="The person making the request.")
    async def me(self, info: Info) -> PersonType:
        return await info.context.loaders.person.load(info.context.actor.person_id)

    @strawberry.field(description="What each agency writes: its sections, help and which are required.")
    def agencies(self, info: Info) -> list[AgencyType]:
        return [AgencyType.of(a) for a in info.context.agencies.all()]

    @strawberry.field(description="Organisations in your region, for inviting to conferences.")
    async def organisations(
        self, info: Info, agency_id: str | None = None, first: int | None = None, after: str | None = None
    ) -> Connection[OrganisationType]:
        offset, size = _window(info, first, after)
        statement = select(Organisation).where(Organisation.region_id == info.context.actor.region_id)
        if agency_id:
            statement = statement.where(Organisation.agency_id == agency_id)
        rows = await info.context.reader.scalars(paged(statement.order_by(Organisation.name, Organisation.id), offset, size))
        return connection(rows, offset, size)

    @strawberry.field(description="Invitations to your organisation, soonest due first.")
    async def my_invitations(
        self, info: Info, first: int | None = None, after: str | None = None, open_only: bool = False
    ) -> Connection[InvitationType]:
        offset, size = _window(info, first, after)
        actor = info.context.actor
        if not actor.is_contributor:
            return connection([], offset, size)
        statement = select(Invitation).where(Invitation.organisation_id == actor.organisation_id)
        if open_only:
            statement = statement.join(Conference, Conference.id == Invitation.conference_id).where(
                Conference.status.in_(("DRAFT", "SCHEDULED"))
            )
        rows = await info.context.reader.scalars(paged(statement.order_by(Invitation.report_due_at, Invitation.id), offset, size))
        return connection(rows, offset, size)

    @strawberry.field(description="Conferences you may see.")
    async def conferences(
        self, info: Info, filter: ConferenceFilter | None = None, first: int | None = None, after: str | None = None
    ) -> Connection[ConferenceType]:
        offset, size = _window(info, first, after)
        chosen = filter or ConferenceFilter()
        statement = select(Conference).where(access.conference_scope(info.context.actor))
        if chosen.chaired_by_me:
            statement = statement.where(Conference.chair_id == info.context.actor.person_id)
        if chosen.la_id is not None:
            statement = statement.where(Conference.la_id == _number(chosen.la_id))
        if chosen.status is not None:
            statement = statement.where(Conference.status == chosen.status)
        if chosen.kind is not None:
            statement = statement.where(Conference.kind == chosen.kind)
        if chosen.upcoming:
            statement = statement.where(Conference.scheduled_at >= clock.now(), Conference.status == "SCHEDULED")
            statement = statement.order_by(Conference.scheduled_at, Conference.id)
        else:
            statement = statement.order_by(Conference.scheduled_at.desc().nulls_first(), Conference.id.desc())
        rows = await info.context.reader.scalars(paged(statement, offset, size))
        info.context.loaders.conference.prime_many({row.id: row for row in rows})
        return connection(rows, offset, size)

    @strawberry.field
    async def conference(self, info: Info, id: strawberry.ID) -> ConferenceType | None:
        number = _number(id)
        if number is None:
            return None
        rows = await info.context.reader.scalars(
            select(Conference).where(Conference.id == number, access.conference_scope(info.context.actor))
        )
        return rows[0] if rows else None

    @strawberry.field(description="An invitation to a conference you may see.")
    async def invitation(self, info: Info, id: strawberry.ID) -> InvitationType | None:
        number = _number(id)
        if number is None:
            return None
        rows = await info.context.reader.scalars(
            select(Invitation)
            .join(Conference, Conference.id == Invitation.conference_id)
            .where(Invitation.id == number, access.conference_scope(info.context.actor))
        )
        return rows[0] if rows else None

    @strawberry.field
    async def contribution(self, info: Info, id: strawberry.ID) -> ContributionType | None:
        try:
            async with info.context.reader.lock:
                contribution, _ = await visible_contribution(info.context.session, info.context.actor, id, ("id",))
        except DomainError:
            return None
        return contribution

    @strawberry.field(description="A child you may see, with their conference history.")
    async def child(self, info: Info, id: strawberry.ID) -> ChildType | None:
        number = _number(id)
        if number is None:
            return None
        rows = await info.context.reader.scalars(select(Child).where(Child.id == number, access.child_scope(info.context.actor)))
        info.context.reader.children_seen.update(row.id for row in rows)
        return rows[0] if rows else None

    @strawberry.field(description="Care proceedings you may see: a guardian's own, or an IRO's local authority's.")
    async def care_proceedings(self, info: Info, first: int | None = None, after: str | None = None) -> Connection[CareProceedingsType]:
        offset, size = _window(info, first, after)
        statement = select(CareProceedings).where(access.proceedings_scope(info.context.actor)).order_by(CareProceedings.id)
        rows = await info.context.reader.scalars(paged(statement, offset, size))
        return connection(rows, offset, size)

