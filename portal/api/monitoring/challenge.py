"""raiseChallengeFromCheck: the meeting's chair turns a checklist item answered "not met" into an IRO alert or challenge."""

import strawberry

from portal import access
from portal.api.common import UserError, write
from portal.api.context import Info
from portal.monitoring.challenge import ChallengeFromItem, raise_from_item


@strawberry.input
class RaiseChallengeFromCheckInput:
    conference_id: strawberry.ID
    item: str = strawberry.field(description="The checklist item answered NOT_MET; its challenge reason is the challenge's.")
    child_id: strawberry.ID = strawberry.field(description="Which of the meeting's children the challenge is about.")
    kind: str = strawberry.field(description="ALERT or FORMAL.")
    resolution_sought: str
    responder_id: strawberry.ID | None = strawberry.field(default=None, description="Who must answer at the first stage, when more than one person may.")


@strawberry.type
@access.fields({"monitoring.read": ("challenge_id",), access.PUBLIC: ("errors",)})
class ChallengeFromCheckPayload:
    challenge_id: strawberry.ID | None
    errors: list[UserError]


@strawberry.type
class MonitoringChallengeMutation:
    @strawberry.mutation(description="Raise an IRO alert or challenge from a checklist item answered 'not met', in one step (once per item).")
    async def raise_challenge_from_check(self, info: Info, input: RaiseChallengeFromCheckInput) -> ChallengeFromCheckPayload:
        given = ChallengeFromItem(conference_id=input.conference_id, item=input.item, child_id=input.child_id, kind=input.kind,
                                  resolution_sought=input.resolution_sought, responder_id=input.responder_id)
        payload = await write(info, ChallengeFromCheckPayload, lambda s, a: raise_from_item(s, a, given, info.context.rules))
        challenge = payload.challenge_id
        return ChallengeFromCheckPayload(challenge_id=strawberry.ID(str(challenge.id)) if challenge is not None else None, errors=payload.errors)  # type: ignore[attr-defined]
