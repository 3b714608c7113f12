"""Recording a held conference's outcome, and when the outcome letter and the minutes were sent.

Recording the outcome also writes the child's DfE history, matched by the child's LA child id: an ICPC's
plan starts a child protection plan, an RCPC's decision reviews (and may end) the open plan, and a LAC
review is a review with the child's participation code. The annual report counts those rows."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from portal import access, clock
from portal.children.models import Child
from portal.conferences.models import Conference, ConferenceChild
from portal.enums import ConferenceKind, ConferenceStatus
from portal.errors import DomainError, Problem, conflict, invalid, not_found
from portal.identity import Actor
from portal.lookup import parse_id, visible_conference
from portal.outcomes import codes
from portal.outcomes.codes import INITIAL_DECISIONS, REVIEW_DECISIONS, ProtectionDecision
from portal.outcomes.history import write_history
from portal.outcomes.models import TEXT_LIMIT, ChildOutcome, ConferenceOutcome
from portal.readiness.changes import conference_changed
from portal.timescales.deadlines import ICPC_KINDS

PLANNED = (ProtectionDecision.CHILD_PROTECTION_PLAN, ProtectionDecision.PLAN_CONTINUES)


@dataclass(frozen=True)
class ChildDecision:
    child_id: str
    decision: ProtectionDecision | None = None
    initial_categories: Sequence[str] = ()
    latest_categories: Sequence[str] = ()
    plan_started_on: date | None = None
    participation: str | None = None


@dataclass(frozen=True)
class NewOutcome:
    conference_id: str
    children: Sequence[ChildDecision] = ()
    core_group_on: date | None = None
    next_review_on: date | None = None
    care_plan_endorsed: bool | None = None
    decisions: str = ""
    notes: str = ""


@dataclass
class _Checks:
    problems: list[Problem] = field(default_factory=list)

    def refuse(self, path: tuple[str, ...], message: str) -> None:
        self.problems.append(Problem(path, message))


async def _held(session: AsyncSession, actor: Actor, conference_id: str, action: str) -> Conference:
    path = ("input", "conferenceId")
    conference = await visible_conference(session, actor, conference_id, path)
    access.require(actor, action, conference, path=path)
    if conference.status != ConferenceStatus.HELD or conference.held_on is None:
        raise conflict(path, "Record that the conference was held first.")
    return conference


def _check_categories(checks: _Checks, path: tuple[str, ...], categories: Sequence[str], required: bool, what: str) -> None:
    if codes.MULTIPLE in categories:
        checks.refuse(path, "Choose each category that applies; several are recorded as multiple.")
    elif required and not categories:
        checks.refuse(path, f"Choose at least one category of abuse for the {what}.")
    elif not required and categories:
        checks.refuse(path, "Only a child protection plan has a category of abuse.")


def _check_child(checks: _Checks, conference: Conference, child: ChildDecision, path: tuple[str, ...]) -> None:
    kind = ConferenceKind(conference.kind)
    held_on = conference.held_on
    assert held_on is not None
    if kind == ConferenceKind.LAC_REVIEW:
        if child.decision is not None:
            checks.refuse((*path, "decision"), "A looked-after child review makes no child protection decision.")
        if child.participation is None:
            checks.refuse((*path, "participation"), "Choose how the child took part in the review (PN0 to PN7).")
        elif child.participation not in codes.PARTICIPATION_CODES:
            checks.refuse((*path, "participation"), "The participation code must be one of PN0 to PN7.")
        if child.initial_categories or child.latest_categories or child.plan_started_on:
            checks.refuse((*path, "decision"), "A looked-after child review records no plan or category of abuse.")
        return
    if child.participation is not None:
        checks.refuse((*path, "participation"), "Participation codes are for looked-after child reviews.")
    allowed = INITIAL_DECISIONS if kind in ICPC_KINDS else REVIEW_DECISIONS
    if child.decision not in allowed:
        words = " or ".join(codes.DECISION_TEXT[d].lower() for d in allowed)
        checks.refuse((*path, "decision"), f"Choose the conference's decision for the child: {words}.")
        return
    if kind in ICPC_KINDS:
        planned = child.decision == ProtectionDecision.CHILD_PROTECTION_PLAN
        _check_categories(checks, (*path, "initialCategories"), child.initial_categories, planned, "plan")
        if child.latest_categories and not planned:
            checks.refuse((*path, "latestCategories"), "Only a child protection plan has a category of abuse.")
        elif codes.MULTIPLE in child.latest_categories:
            checks.refuse((*path, "latestCategories"), "Choose each category that applies; several are recorded as multiple.")
        if child.plan_started_on is not None:
            if not planned:
                checks.refuse((*path, "planStartedOn"), "Only a child protection plan has a start date.")
            elif child.plan_started_on < held_on:
                checks.refuse((*path, "planStartedOn"), "The plan cannot start before the conference that made it.")
            elif child.plan_started_on > clock.today():
                checks.refuse((*path, "planStartedOn"), "The plan's start date cannot be in the future.")
        return
    continues = child.decision == ProtectionDecision.PLAN_CONTINUES
    _check_categories(checks, (*path, "latestCategories"), child.latest_categories, continues, "plan as it continues")
    if codes.MULTIPLE in child.initial_categories:
        checks.refuse((*path, "initialCategories"), "Choose each category that applies; several are recorded as multiple.")
    if child.plan_started_on is not None:
        checks.refuse((*path, "planStartedOn"), "A review conference does not start a plan; its start date is the initial conference's.")


def _check(conference: Conference, new: NewOutcome, covered: Sequence[int]) -> list[tuple[int, ChildDecision]]:
    checks = _Checks()
    held_on = conference.held_on
    assert held_on is not None
    kind = ConferenceKind(conference.kind)
    chosen: list[tuple[int, ChildDecision]] = []
    for i, child in enumerate(new.children):
        path = ("input", "children", str(i))
        number = parse_id(child.child_id, (*path, "childId"), "child in this conference")
        if number not in covered:
            raise not_found((*path, "childId"), "child in this conference")
        if any(number == seen for seen, _ in chosen):
            checks.refuse((*path, "childId"), "Give each child's decision once.")
            continue
        chosen.append((number, child))
        _check_child(checks, conference, child, path)
    if {n for n, _ in chosen} != set(covered) and not any(p.path[-1] == "childId" for p in checks.problems):
        checks.refuse(("input", "children"), "Give the decision for every child the conference was about.")
    planned = any(c.decision in PLANNED for _, c in chosen)
    made_plan = any(c.decision == ProtectionDecision.CHILD_PROTECTION_PLAN for _, c in chosen)
    if new.core_group_on is not None:
        if not made_plan:
            checks.refuse(("input", "coreGroupOn"), "Only an initial conference that makes a plan sets the first core group.")
        elif new.core_group_on <= held_on:
            checks.refuse(("input", "coreGroupOn"), "The first core group must be after the conference.")
    elif made_plan:
        checks.refuse(("input", "coreGroupOn"), "Give the date of the first core group.")
    needs_review = planned or kind == ConferenceKind.LAC_REVIEW
    if new.next_review_on is not None:
        if not needs_review:
            checks.refuse(("input", "nextReviewOn"), "There is no next review when no child has a plan.")
        elif new.next_review_on <= held_on:
            checks.refuse(("input", "nextReviewOn"), "The next review must be after this conference.")
    elif needs_review:
        checks.refuse(("input", "nextReviewOn"), "Give the date of the next review.")
    if kind == ConferenceKind.LAC_REVIEW:
        if new.care_plan_endorsed is None:
            checks.refuse(("input", "carePlanEndorsed"), "Say whether you endorse the care plan.")
        if not new.decisions.strip():
            checks.refuse(("input", "decisions"), "Write the review's decisions.")
    else:
        if new.care_plan_endorsed is not None:
            checks.refuse(("input", "carePlanEndorsed"), "Only a looked-after child review endorses a care plan.")
        if new.decisions.strip():
            checks.refuse(("input", "decisions"), "Write a child protection conference's decisions as each child's decision.")
    for name, text in (("decisions", new.decisions), ("notes", new.notes)):
        if len(text) > TEXT_LIMIT:
            checks.refuse(("input", name), f"This is longer than {TEXT_LIMIT:,} characters.")
    if checks.problems:
        raise DomainError(*checks.problems)
    return chosen


async def record_outcome(session: AsyncSession, actor: Actor, new: NewOutcome) -> ConferenceOutcome:
    conference = await _held(session, actor, new.conference_id, "outcome.record")
    if await session.get(ConferenceOutcome, conference.id) is not None:
        raise conflict(("input", "conferenceId"), "The outcome of this conference is already recorded.")
    covered = list((await session.execute(
        select(ConferenceChild.child_id).where(ConferenceChild.conference_id == conference.id).order_by(ConferenceChild.child_id)
    )).scalars())
    chosen = _check(conference, new, covered)
    outcome = ConferenceOutcome(
        conference_id=conference.id, recorded_by_id=actor.person_id, core_group_on=new.core_group_on, next_review_on=new.next_review_on,
        care_plan_endorsed=new.care_plan_endorsed, decisions=new.decisions.strip(), notes=new.notes.strip(),
    )
    session.add(outcome)
    await session.flush()
    children = {c.id: c for c in (await session.execute(select(Child).where(Child.id.in_(covered)))).scalars()}
    for number, decision in chosen:
        planned = decision.decision == ProtectionDecision.CHILD_PROTECTION_PLAN
        initial = codes.stored(decision.initial_categories)
        row = ChildOutcome(
            conference_id=conference.id, child_id=number, decision=decision.decision,
            initial_categories=initial, latest_categories=codes.stored(decision.latest_categories) or (initial if planned else ""),
            plan_started_on=(decision.plan_started_on or conference.held_on) if planned else None,
            participation=decision.participation or "",
        )
        row.recorded_in_history = await write_history(session, conference, children[number], row)
        session.add(row)
    await session.flush()
    conference_changed(session, conference.id)
    return outcome


async def record_sent(session: AsyncSession, actor: Actor, conference_id: str, sent_on: date, what: str) -> ConferenceOutcome:
    """Record the day the outcome letter (`what` = "outcome") or the minutes (`what` = "minutes") were sent; a second
    record corrects the first."""
    conference = await _held(session, actor, conference_id, "outcome.record_sent")
    outcome = await session.get(ConferenceOutcome, conference.id)
    if outcome is None:
        raise conflict(("input", "conferenceId"), "Record the conference's outcome first.")
    assert conference.held_on is not None
    if sent_on < conference.held_on:
        raise invalid(("input", "sentOn"), "It cannot have been sent before the conference was held.")
    if sent_on > clock.today():
        raise invalid(("input", "sentOn"), "The date sent cannot be in the future.")
    if what == "outcome":
        outcome.outcome_sent_on, outcome.outcome_sent_recorded_by_id = sent_on, actor.person_id
    else:
        outcome.minutes_sent_on, outcome.minutes_sent_recorded_by_id = sent_on, actor.person_id
    await session.flush()
    conference_changed(session, conference.id)
    return outcome
