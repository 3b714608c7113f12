"""Recording the IRO's view of the LA's care plan: each record is a new version."""

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from portal import access
from portal.careplans.models import CarePlanView, ProceedingsChild
from portal.errors import invalid, not_found
from portal.identity import Actor
from portal.lookup import parse_id, visible_proceedings

MAX_VIEW = 20_000


async def record_care_plan_view(session: AsyncSession, actor: Actor, proceedings_id: str, child_id: str, view: str) -> CarePlanView:
    path = ("input",)
    proceedings = await visible_proceedings(session, actor, proceedings_id, (*path, "proceedingsId"))
    access.require(actor, "careplan.record", proceedings, path=(*path, "proceedingsId"))
    child_number = parse_id(child_id, (*path, "childId"), "child")
    in_proceedings = (
        await session.execute(
            select(ProceedingsChild.child_id).where(
                ProceedingsChild.proceedings_id == proceedings.id, ProceedingsChild.child_id == child_number
            )
        )
    ).first()
    if in_proceedings is None:
        raise not_found((*path, "childId"), "child in these proceedings")
    if not view.strip():
        raise invalid((*path, "view"), "Write the IRO's view of the care plan.")
    if len(view) > MAX_VIEW:
        raise invalid((*path, "view"), f"The view is {len(view):,} characters; the limit is {MAX_VIEW:,}.")
    latest = (
        await session.execute(
            select(func.max(CarePlanView.version)).where(
                CarePlanView.proceedings_id == proceedings.id, CarePlanView.child_id == child_number
            )
        )
    ).scalar_one()
    record = CarePlanView(proceedings_id=proceedings.id, child_id=child_number, version=(latest or 0) + 1, view=view, iro_id=actor.person_id)
    session.add(record)
    await session.flush()
    return record
