"""The child's own views: the link the social worker sends, the questions the child answers, and what the chair reads."""

import base64
from datetime import datetime

import strawberry
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased
from strawberry.file_uploads import Upload

from portal import access, clock
from portal.api.common import UserError, write
from portal.api.conferences.types import ViewsConveyedEnum
from portal.api.context import Info
from portal.children.models import Child
from portal.conferences.models import Conference
from portal.enums import ConferenceStatus
from portal.errors import DomainError, Problem
from portal.families import child_views
from portal.families.drawings import MAX_BYTES, Drawing, NotAPicture, clean
from portal.families.models import ChildViews, ChildViewsLink
from portal.families.pictures import PICTURES
from portal.identity import Actor
from portal.ids import parse_id
from portal.people.models import Person
from portal.unit_of_work import in_transaction


@strawberry.type(name="ChildPicture", description="One of the pictures a child may choose.")
@access.fields({access.PUBLIC: ("id", "label")})
class ChildPictureType:
    id: str
    label: str


@strawberry.type(name="ChildViewsRequest", description="A link sent to you for a child's views before a meeting.")
@access.fields({"child.views.own": ("id", "child_given_name", "meeting_at", "for_advocate", "expires_at", "sent_at_least_once")})
class ChildViewsRequestType:
    id: strawberry.ID
    child_given_name: str
    meeting_at: datetime | None
    for_advocate: bool
    expires_at: datetime
    sent_at_least_once: bool = strawberry.field(description="The views have been sent; sending again replaces them.")


@strawberry.type(name="ChildViewsLink", description="A link sent for a child's views, as the social worker sees it.")
@access.fields({"child.views.links": ("id", "child_id", "sent_to", "for_advocate", "sent_at", "expires_at", "views_sent_at", "withdrawn_at", "withdrawn_by")})
class ChildViewsLinkType:
    id: strawberry.ID
    child_id: strawberry.ID
    sent_to: str
    for_advocate: bool
    sent_at: datetime
    expires_at: datetime
    views_sent_at: datetime | None
    withdrawn_at: datetime | None = strawberry.field(description="When the link was withdrawn; it no longer opens. Views already given stay.")
    withdrawn_by: str | None = strawberry.field(description="The name of whoever withdrew it.")


@strawberry.type(name="ChildViews", description="What a child said before the meeting, in words, pictures or a drawing.")
@access.fields({"child.views.chair": (
    "id", "child_id", "child_given_name", "for_advocate", "going_well", "worries", "wishes", "who_there", "pictures", "drawing_data_url",
    "submitted_at", "views_conveyed", "participation_code",
)})
class ChildViewsType:
    id: strawberry.ID
    child_id: strawberry.ID
    child_given_name: str
    for_advocate: bool = strawberry.field(description="Given by the child's advocate rather than the child.")
    going_well: str
    worries: str
    wishes: str
    who_there: str
    pictures: list[ChildPictureType]
    drawing_data_url: str | None = strawberry.field(description="The drawing or photo as a data: URL, re-encoded without its metadata.")
    submitted_at: datetime
    views_conveyed: ViewsConveyedEnum  # type: ignore[valid-type]
    participation_code: str = strawberry.field(description="The SSDA903 participation code the way the views came implies (PN6 form, PN5 advocate).")


def _views_type(views: ChildViews, link: ChildViewsLink, given_name: str) -> ChildViewsType:
    how = child_views.conveyed_by(link)
    drawing = f"data:{views.drawing_type};base64,{base64.b64encode(views.drawing).decode()}" if views.drawing else None
    return ChildViewsType(
        id=strawberry.ID(str(views.id)), child_id=strawberry.ID(str(views.child_id)), child_given_name=given_name, for_advocate=link.for_advocate,
        going_well=views.going_well, worries=views.worries, wishes=views.wishes, who_there=views.who_there,
        pictures=[ChildPictureType(id=p, label=PICTURES[p]) for p in views.pictures.split(",") if p in PICTURES],
        drawing_data_url=drawing, submitted_at=views.submitted_at, views_conveyed=how, participation_code=child_views.participation(how),
    )


@strawberry.input
class SendChildViewsLinkInput:
    conference_id: strawberry.ID
    child_id: strawberry.ID
    email: str = strawberry.field(description="The child's or their advocate's address. The email holds only the link; give them the code yourself.")
    for_advocate: bool = False


@strawberry.type
@access.fields({"child.views.links": ("link", "code"), access.PUBLIC: ("errors",)})
class SendChildViewsLinkPayload:
    link: ChildViewsLinkType | None
    code: str | None = strawberry.field(description="The six-digit code that opens the link, shown this once: give it to the child or advocate.")
    errors: list[UserError]


@strawberry.input
class WithdrawChildViewsLinkInput:
    link_id: strawberry.ID


@strawberry.type
@access.fields({"child.views.links": ("link",), access.PUBLIC: ("errors",)})
class WithdrawChildViewsLinkPayload:
    link: ChildViewsLinkType | None
    errors: list[UserError]


@strawberry.input
class SubmitChildViewsInput:
    link_id: strawberry.ID
    going_well: str = ""
    worries: str = ""
    wishes: str = ""
    who_there: str = ""
    pictures: list[str] = strawberry.field(default_factory=list, description="Ids from childPictures.")
    drawing: Upload | None = strawberry.field(default=None, description="A drawing or a photo of one: JPEG, PNG, GIF or WebP, at most 5 MB.")


@strawberry.type
@access.fields({"child.views.own": ("submitted_at", "views_conveyed", "participation_code"), access.PUBLIC: ("errors",)})
class SubmitChildViewsPayload:
    submitted_at: datetime | None
    views_conveyed: ViewsConveyedEnum | None  # type: ignore[valid-type]
    participation_code: str | None
    errors: list[UserError]


async def _drawing(upload: Upload | None) -> tuple[Drawing | None, Problem | None]:
    if upload is None:
        return None, None
    raw = await upload.read(MAX_BYTES + 1)
    if not raw:
        return None, None
    try:
        return clean(raw), None
    except NotAPicture as refused:
        return None, Problem(("input", "drawing"), str(refused))


@strawberry.type
class ChildViewsQuery:
    @strawberry.field(description="The pictures a child may choose from to give their views.")
    def child_pictures(self) -> list[ChildPictureType]:
        return [ChildPictureType(id=key, label=label) for key, label in PICTURES.items()]

    @strawberry.field(description="The links sent to you for a child's views that still work (not expired or withdrawn), for meetings not yet held.")
    async def child_views_requests(self, info: Info) -> list[ChildViewsRequestType]:
        reader = info.context.reader
        rows = await reader.all(
            select(ChildViewsLink, Child.given_name, Conference.scheduled_at, ChildViews.id)
            .join(Child, Child.id == ChildViewsLink.child_id).join(Conference, Conference.id == ChildViewsLink.conference_id)
            .outerjoin(ChildViews, ChildViews.link_id == ChildViewsLink.id)
            .where(access.scope(info.context.actor, "child.views.own"), Conference.status == ConferenceStatus.SCHEDULED,
                   ChildViewsLink.expires_at > clock.now(), ChildViewsLink.withdrawn_at.is_(None))
            .order_by(ChildViewsLink.id)
        )
        found = []
        for link, given_name, meeting_at, views_id in rows:
            reader.children_seen.add(link.child_id)
            found.append(ChildViewsRequestType(id=strawberry.ID(str(link.id)), child_given_name=given_name, meeting_at=meeting_at,
                                               for_advocate=link.for_advocate, expires_at=link.expires_at, sent_at_least_once=views_id is not None))
        return found

    @strawberry.field(description="The links sent for the views of a conference's children; for its local authority's social workers and business support.")
    async def child_views_links(self, info: Info, conference_id: strawberry.ID) -> list[ChildViewsLinkType]:
        number = parse_id(conference_id)
        if number is None:
            return []
        withdrawer = aliased(Person)
        rows = await info.context.reader.all(
            select(ChildViewsLink, Person.email, ChildViews.submitted_at, withdrawer.name).join(Person, Person.id == ChildViewsLink.person_id)
            .outerjoin(ChildViews, ChildViews.link_id == ChildViewsLink.id).outerjoin(withdrawer, withdrawer.id == ChildViewsLink.withdrawn_by_id)
            .where(ChildViewsLink.conference_id == number, access.scope(info.context.actor, "child.views.links")).order_by(ChildViewsLink.id)
        )
        return [_link_type(link, email, submitted_at, withdrawn_by) for link, email, submitted_at, withdrawn_by in rows]

    @strawberry.field(description="What the conference's children said before the meeting; for its chair.")
    async def child_views(self, info: Info, conference_id: strawberry.ID) -> list[ChildViewsType]:
        number = parse_id(conference_id)
        conference = await info.context.loaders.conference.load(number) if number is not None else None
        if conference is None or not access.allowed(info.context.actor, "child.views.chair", conference):
            return []
        reader = info.context.reader
        rows = await reader.all(
            select(ChildViews, ChildViewsLink, Child.given_name).join(ChildViewsLink, ChildViewsLink.id == ChildViews.link_id)
            .join(Child, Child.id == ChildViews.child_id).where(ChildViews.conference_id == number).order_by(ChildViews.submitted_at, ChildViews.id)
        )
        for views, _link, _name in rows:
            reader.children_seen.add(views.child_id)
        return [_views_type(views, link, name) for views, link, name in rows]


def _link_type(link: ChildViewsLink, email: str, views_sent_at: datetime | None, withdrawn_by: str | None = None) -> ChildViewsLinkType:
    return ChildViewsLinkType(id=strawberry.ID(str(link.id)), child_id=strawberry.ID(str(link.child_id)), sent_to=email, for_advocate=link.for_advocate,
                              sent_at=link.sent_at, expires_at=link.expires_at, views_sent_at=views_sent_at, withdrawn_at=link.withdrawn_at,
                              withdrawn_by=withdrawn_by)


@strawberry.type
class ChildViewsMutation:
    @strawberry.mutation(description="Send a child, or their advocate, a link to give the child's views before the meeting. The email holds only the "
                         "link; the code that opens it comes back here, once, for you to give them.")
    async def send_child_views_link(self, info: Info, input: SendChildViewsLinkInput) -> SendChildViewsLinkPayload:
        key = info.context.settings.secret_key

        async def work(session: AsyncSession, actor: Actor) -> child_views.SentLink:
            return await child_views.send_link(session, actor, key, str(input.conference_id), str(input.child_id), input.email[:400], input.for_advocate)

        sent, problems = await in_transaction(info.context, work)
        if sent is None:
            return SendChildViewsLinkPayload(link=None, code=None, errors=[UserError.of(p) for p in problems])
        email = (await info.context.session.execute(select(Person.email).where(Person.id == sent.link.person_id))).scalar_one()
        return SendChildViewsLinkPayload(link=_link_type(sent.link, email, None), code=sent.code, errors=[])

    @strawberry.mutation(description="Withdraw a link sent for a child's views, say because it went to the wrong address or the child's "
                         "circumstances changed; for whoever may send links for the conference. The link no longer opens (the child is told "
                         "to ask their social worker), its email is not sent if it is still waiting, it leaves the child's requests, and it "
                         "gives no say after the meeting. Views already given with it are kept: the chair still reads them and the child's "
                         "consultation stands. Send a new link to ask again.")
    async def withdraw_child_views_link(self, info: Info, input: WithdrawChildViewsLinkInput) -> WithdrawChildViewsLinkPayload:
        async def work(session: AsyncSession, actor: Actor) -> ChildViewsLinkType:
            link = await child_views.withdraw_link(session, actor, str(input.link_id))
            email, views_sent_at = (await session.execute(
                select(Person.email, ChildViews.submitted_at).select_from(Person).outerjoin(ChildViews, ChildViews.link_id == link.id)
                .where(Person.id == link.person_id))).one()
            return _link_type(link, email, views_sent_at, actor.name)

        return await write(info, WithdrawChildViewsLinkPayload, work)

    @strawberry.mutation(description="Send the child's views for the meeting the link is for. Sending again replaces what was sent.")
    async def submit_child_views(self, info: Info, input: SubmitChildViewsInput) -> SubmitChildViewsPayload:
        drawing, refused = await _drawing(input.drawing)

        async def work(session: AsyncSession, actor: Actor) -> ChildViews:
            link = await child_views.own_link(session, actor, str(input.link_id))
            answers = child_views.Answers(input.going_well[:20_000], input.worries[:20_000], input.wishes[:20_000], input.who_there[:20_000],
                                          tuple(p[:50] for p in input.pictures[:50]), drawing)
            problems = child_views.problems_with(answers)
            if refused:
                problems = [p for p in problems if p.message != child_views.NOTHING] + [refused]
            if problems:
                raise DomainError(*problems)
            views = await child_views.submit_views(session, actor, str(link.id), answers)
            return views.submitted_at, child_views.conveyed_by(link)

        done, problems = await in_transaction(info.context, work)
        if done is None:
            return SubmitChildViewsPayload(submitted_at=None, views_conveyed=None, participation_code=None, errors=[UserError.of(p) for p in problems])
        submitted_at, how = done
        return SubmitChildViewsPayload(submitted_at=submitted_at, views_conveyed=how, participation_code=child_views.participation(how), errors=[])
