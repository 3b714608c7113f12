"""Feedback after the meeting from family members and children, and its summary for the head of service."""

from datetime import date, datetime, timedelta

import strawberry
from sqlalchemy.ext.asyncio import AsyncSession

from portal import access, clock
from portal.api.common import UserError
from portal.api.context import Info
from portal.families import feedback
from portal.identity import Actor
from portal.ids import parse_id
from portal.unit_of_work import in_transaction


@strawberry.type(name="MeetingFeedback", description="What one family member or child said after a meeting; no names.")
@access.fields({"family.feedback.read": ("helped", "differently", "from_child", "sent_at")})
class MeetingFeedbackType:
    helped: str
    differently: str
    from_child: bool
    sent_at: datetime


@strawberry.type(name="MeetingFeedbackSummary", description="What families and children told us after meetings held in a period.")
@access.fields({"family.feedback.read": ("responses", "from_family", "from_children", "conferences", "comments")})
class MeetingFeedbackSummaryType:
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

    @strawberry.field(description="What families and children said after the local authority's meetings held from `start` to `end` "
                      "(the last twelve months when not given); for its head of service and IRO manager, null for anyone else.")
    async def meeting_feedback(self, info: Info, la_id: strawberry.ID, start: date | None = None, end: date | None = None) -> MeetingFeedbackSummaryType | None:
        number = parse_id(la_id)
        if number is None or not access.allowed(info.context.actor, "family.feedback.read", number):
            return None
        end = end or clock.today()
        rows = await info.context.reader.scalars(feedback.summary_statement(number, start or end - timedelta(days=365), end))
        found = feedback.summary(list(rows))
        return MeetingFeedbackSummaryType(
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
