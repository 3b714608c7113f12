"""Recording the IRO's view of the LA's care plan (each record is a new version), and which version the
guardian last looked at."""

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from portal import access, clock
from portal.careplans.models import CarePlanSeen, CarePlanView, CareProceedings, ProceedingsChild
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


MAX_SEEN = 100


async def mark_seen(session: AsyncSession, actor: Actor, view_ids: list[str]) -> list[CarePlanSeen]:
    """The assigned guardian has looked at these views: each child's record keeps the latest version
    looked at and when. Anyone else is told the view does not exist."""
    path = ("input", "viewIds")
    if len(view_ids) > MAX_SEEN:
        raise invalid(path, f"At most {MAX_SEEN} views at a time.")
    seen: dict[tuple[int, int], CarePlanSeen] = {}
    for n, view_id in enumerate(view_ids):
        number = parse_id(view_id, (*path, str(n)), "care plan view")
        view = (
            await session.execute(
                select(CarePlanView).join(CareProceedings, CareProceedings.id == CarePlanView.proceedings_id)
                .where(CarePlanView.id == number, access.scope(actor, "proceedings.read"))
            )
        ).scalar_one_or_none()
        proceedings = await session.get(CareProceedings, view.proceedings_id) if view is not None else None
        if view is None or not access.allowed(actor, "proceedings.guardian", proceedings):
            raise not_found((*path, str(n)), "care plan view")
        key = (view.proceedings_id, view.child_id)
        record = seen.get(key) or (
            await session.execute(
                select(CarePlanSeen).where(
                    CarePlanSeen.person_id == actor.person_id, CarePlanSeen.proceedings_id == view.proceedings_id, CarePlanSeen.child_id == view.child_id
                )
            )
        ).scalar_one_or_none()
        if record is None:
            record = CarePlanSeen(person_id=actor.person_id, proceedings_id=view.proceedings_id, child_id=view.child_id, version=view.version)
            session.add(record)
        record.version, record.seen_at = max(record.version, view.version), clock.now()
        seen[key] = record
    await session.flush()
    return list(seen.values())
