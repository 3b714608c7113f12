"""The chair answers a meeting's monitoring checklist."""

import strawberry

from portal import access
from portal.api.common import UserError, write
from portal.api.context import Info
from portal.api.monitoring.queries import checklist_of
from portal.api.monitoring.types import CheckAnswerEnum, MonitoringChecklistType
from portal.conferences.models import Conference
from portal.errors import ErrorCode
from portal.monitoring.checklist import NewAnswer, record_check

MAX_ANSWERS = 40


@strawberry.input
class MonitoringAnswerInput:
    item: str = strawberry.field(description="The item's id in the LA's checklist (MonitoringItem.id).")
    answer: CheckAnswerEnum  # type: ignore[valid-type]
    note: str = strawberry.field(default="", description="Required for NOT_MET: what was not met (at most 2,000 characters).")


@strawberry.input
class RecordMonitoringCheckInput:
    conference_id: strawberry.ID
    answers: list[MonitoringAnswerInput] = strawberry.field(description="Some or all of the items (at most 40); an item answered again takes the new answer.")


@strawberry.type
@access.fields({"monitoring.read": ("checklist",), access.PUBLIC: ("errors",)})
class MonitoringCheckPayload:
    checklist: MonitoringChecklistType | None
    errors: list[UserError]


@strawberry.type
class MonitoringMutation:
    @strawberry.mutation(description="The meeting's chair answers items of its monitoring checklist: met, not met (with a note) or not applicable.")
    async def record_monitoring_check(self, info: Info, input: RecordMonitoringCheckInput) -> MonitoringCheckPayload:
        answers = [NewAnswer(a.item, a.answer.value if hasattr(a.answer, "value") else str(a.answer), a.note) for a in input.answers[:MAX_ANSWERS + 1]]
        if len(answers) > MAX_ANSWERS:
            return MonitoringCheckPayload(checklist=None, errors=[UserError(path=["input", "answers"], message=f"At most {MAX_ANSWERS} answers at a time.",
                                                                               code=ErrorCode.INVALID)])
        payload = await write(info, MonitoringCheckPayload, lambda s, a: record_check(s, a, input.conference_id, answers))
        if payload.checklist is None:
            return payload
        conference = await info.context.session.get(Conference, payload.checklist.conference_id)  # type: ignore[attr-defined]
        return MonitoringCheckPayload(checklist=await checklist_of(info, conference), errors=[])  # type: ignore[arg-type]
