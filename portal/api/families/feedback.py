"""Feedback after the meeting from family members and children, and its summary for the head of service."""

from datetime import date, datetime

import strawberry
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from portal import access, clock
from portal.access.actions import ANNUAL_REPORT_READERS
from portal.api.common import UserError
from portal.api.context import Info
from portal.api.people.types import LocalAuthorityType
from portal.families import feedback
from portal.identity import Actor
from portal.ids import parse_id
from portal.people.models import LocalAuthority
from portal.unit_of_work import in_transaction


@strawberry.type(name="MeetingFeedback", description="What one family member or child said after a meeting; no names.")
@access.fields({"family.feedback.read": ("helped", "differently", "from_child", "sent_at")})
class MeetingFeedbackType:
    helped: str
    differently: str
    from_child: bool
    sent_at: datetime


@strawberry.type(name="MeetingFeedbackSummary", description="What families and children told us after meetings held in a period.")
@access.fields({"family.feedback.read": ("starts_on", "ends_on", "responses", "from_family", "from_children", "conferences", "comments")})
class MeetingFeedbackSummaryType:
    starts_on: date = strawberry.field(description="The period's first day: the meetings held from then are counted.")
    ends_on: date = strawberry.field(description="The period's last day.")
    responses: int
    from_family: int
    from_children: int
    conferences: int = strawberry.field(description="How many meetings the responses are about.")
    comments: list[MeetingFeedbackType] = strawberry.field(description="Newest first.")


@strawberry.input
class SendMeetingFeedbackInput:
    conference_id: strawberry.ID
    helped: str = strawberry.field(default="", description="What helped; at most 2,000 characters.")
    differently: str = strawberry.field(default="", description="What we should do differently; at most 2,000 characters.")


@strawberry.type
@access.fields({"family.feedback.own": ("sent_at",), access.PUBLIC: ("errors",)})
class SendMeetingFeedbackPayload:
    sent_at: datetime | None
    errors: list[UserError]


@strawberry.type(name="HeldMeeting", description="A meeting that has been held, which you may tell us about.")
@access.fields({"family.feedback.own": ("id", "held_on")})
class HeldMeetingType:
    id: strawberry.ID
    held_on: date | None


@strawberry.type
class FeedbackQuery:
    @strawberry.field(description="The held meetings you may send feedback on: about your own children, or ones you gave a child's views for.")
    async def meetings_for_feedback(self, info: Info) -> list[HeldMeetingType]:
        found = await info.context.reader.scalars(feedback.held_conferences(info.context.actor))
        return [HeldMeetingType(id=strawberry.ID(str(c.id)), held_on=c.held_on) for c in found]

    @strawberry.field(description="The local authorities whose meetingFeedback you may read, by name: empty for anyone but their head "
                      "of service and IRO manager.")
    async def meeting_feedback_councils(self, info: Info) -> list[LocalAuthorityType]:
        actor = info.context.actor
        readable = [la for la in actor.la_ids(ANNUAL_REPORT_READERS) if access.allowed(actor, "family.feedback.read", la)]
        if not readable:
            return []
        found = await info.context.reader.scalars(select(LocalAuthority).where(LocalAuthority.id.in_(readable)).order_by(LocalAuthority.name))
        return [LocalAuthorityType(id=strawberry.ID(str(la.id)), slug=la.slug, name=la.name) for la in found]

    @strawberry.field(description="What families and children said after the local authority's meetings held from `start` to `end` "
                      "(without `end`, to today; without `start`, from a year before `end`); for its head of service and IRO manager, null for anyone "
                      "else. A period that ends before it starts or is longer than two years is an error naming the argument to change "
                      "(extensions.argument).")
    async def meeting_feedback(self, info: Info, la_id: strawberry.ID, start: date | None = None, end: date | None = None) -> MeetingFeedbackSummaryType | None:
        number = parse_id(la_id)
        if number is None or not access.allowed(info.context.actor, "family.feedback.read", number):
            return None
        start, end = feedback.period(start, end, clock.today())
        rows = await info.context.reader.scalars(feedback.summary_statement(number, start, end))
        found = feedback.summary(list(rows))
        return MeetingFeedbackSummaryType(
            starts_on=start, ends_on=end,
            responses=found.responses, from_family=found.from_family, from_children=found.from_children, conferences=found.conferences,
            comments=[MeetingFeedbackType(helped=f.helped, differently=f.differently, from_child=f.from_child, sent_at=f.sent_at) for f in found.comments],
        )


@strawberry.type
class FeedbackMutation:
    @strawberry.mutation(description="After a meeting about your child, or one you gave your views for: what helped, and what we should do differently.")
    async def send_meeting_feedback(self, info: Info, input: SendMeetingFeedbackInput) -> SendMeetingFeedbackPayload:
        async def work(session: AsyncSession, actor: Actor) -> datetime:
            sent = await feedback.send_feedback(session, actor, str(input.conference_id), input.helped[:20_000], input.differently[:20_000])
            return sent.sent_at

        sent_at, problems = await in_transaction(info.context, work)
        return SendMeetingFeedbackPayload(sent_at=sent_at, errors=[UserError.of(p) for p in problems])
