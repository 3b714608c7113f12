"""The DfE history a recorded outcome writes, matched by the child's LA child id: the protection plan an
ICPC starts or an RCPC reviews or ends, and the LAC review with the child's participation code."""

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from portal.children.models import Child
from portal.conferences.models import Conference
from portal.enums import ConferenceKind
from portal.history.models import LookedAfterReview, ProtectionPlan
from portal.outcomes import codes
from portal.outcomes.codes import ProtectionDecision
from portal.outcomes.models import ChildOutcome


def _with_review(review_dates: str, day: str) -> str:
    return " ".join(sorted(set(review_dates.split()) | {day}))


async def _open_plan(session: AsyncSession, la_id: int, la_child_id: str, on) -> ProtectionPlan | None:  # type: ignore[no-untyped-def]
    return (await session.execute(
        select(ProtectionPlan)
        .where(ProtectionPlan.la_id == la_id, ProtectionPlan.la_child_id == la_child_id, ProtectionPlan.started_on <= on,
               ProtectionPlan.ended_on.is_(None) | (ProtectionPlan.ended_on >= on))
        .order_by(ProtectionPlan.started_on.desc()).limit(1)
    )).scalar_one_or_none()


async def write_history(session: AsyncSession, conference: Conference, child: Child, outcome: ChildOutcome) -> bool:
    """Write the child's history row for the outcome; False when there is nothing to match it to (no LA child id,
    no open plan for a review) or the outcome starts nothing (no plan)."""
    la_child_id, held_on = child.la_child_id, conference.held_on
    if not la_child_id or held_on is None:
        return False
    kind = ConferenceKind(conference.kind)
    if kind == ConferenceKind.LAC_REVIEW:
        review = (await session.execute(select(LookedAfterReview).where(
            LookedAfterReview.la_id == conference.la_id, LookedAfterReview.la_child_id == la_child_id, LookedAfterReview.held_on == held_on,
        ))).scalar_one_or_none()
        if review is None:
            session.add(LookedAfterReview(la_id=conference.la_id, la_child_id=la_child_id, held_on=held_on, participation=outcome.participation))
        else:
            review.participation = outcome.participation
        return True
    if outcome.decision == ProtectionDecision.CHILD_PROTECTION_PLAN:
        assert outcome.plan_started_on is not None
        earlier = (await session.execute(select(func.count()).where(
            ProtectionPlan.la_id == conference.la_id, ProtectionPlan.la_child_id == la_child_id, ProtectionPlan.started_on < outcome.plan_started_on,
        ))).scalar_one()
        plan = (await session.execute(select(ProtectionPlan).where(
            ProtectionPlan.la_id == conference.la_id, ProtectionPlan.la_child_id == la_child_id, ProtectionPlan.started_on == outcome.plan_started_on,
        ))).scalar_one_or_none()
        if plan is None:
            plan = ProtectionPlan(la_id=conference.la_id, la_child_id=la_child_id, started_on=outcome.plan_started_on, previous_plans=earlier)
            session.add(plan)
        plan.initial_category = codes.census_code(outcome.initial_categories) or ""
        plan.latest_category = codes.census_code(outcome.latest_categories) or ""
        return True
    if outcome.decision in (ProtectionDecision.PLAN_CONTINUES, ProtectionDecision.PLAN_ENDS):
        plan = await _open_plan(session, conference.la_id, la_child_id, held_on)
        if plan is None:
            return False
        plan.review_dates = _with_review(plan.review_dates, held_on.isoformat())
        if outcome.latest_categories:
            plan.latest_category = codes.census_code(outcome.latest_categories) or plan.latest_category
        if not outcome.initial_categories:
            outcome.initial_categories = _categories_of(plan.initial_category)
        if outcome.decision == ProtectionDecision.PLAN_ENDS:
            plan.ended_on = held_on
        return True
    return False


def _categories_of(code: str) -> str:
    """The stored categories for a plan's census code; MUL says only that there were several."""
    return code if code in codes.SINGLE_CATEGORIES else ""
