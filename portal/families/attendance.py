"""An invited organisation says whether it will attend the meeting, send a report only, or not attend;
the family sees the answers as they arrive."""

from enum import StrEnum

from sqlalchemy.ext.asyncio import AsyncSession

from portal import access, clock
from portal.families.models import InvitationAttendance
from portal.identity import Actor
from portal.lookup import own_invitation


class Attendance(StrEnum):
    ATTENDING = "ATTENDING"
    REPORT_ONLY = "REPORT_ONLY"
    NOT_ATTENDING = "NOT_ATTENDING"


async def record_attendance(session: AsyncSession, actor: Actor, invitation_id: str, answer: Attendance) -> InvitationAttendance:
    path = ("input", "invitationId")
    invitation = await own_invitation(session, actor, invitation_id, path)
    access.require(actor, "contribution.write", invitation.organisation_id, path=path)
    assert invitation.id is not None
    recorded = await session.get(InvitationAttendance, invitation.id, with_for_update=True)
    if recorded is None:
        recorded = InvitationAttendance(invitation_id=invitation.id, answer=answer, recorded_by_id=actor.person_id)
        session.add(recorded)
    recorded.answer, recorded.recorded_by_id, recorded.recorded_at = answer, actor.person_id, clock.now()
    await session.flush()
    return recorded
