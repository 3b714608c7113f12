"""Demo outcomes: every held initial conference of each council but its latest has its outcome recorded (a plan for each
child, categories of abuse varying), with the outcome letter and minutes sent on time, late or not yet. The latest held
ICPC, RCPC and LAC review are left for a chair to record in the demo tour."""

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from portal.conferences.models import Conference, ConferenceChild
from portal.enums import ConferenceKind, ConferenceStatus
from portal.outcomes.codes import ProtectionDecision
from portal.outcomes.models import ChildOutcome, ConferenceOutcome
from portal.timescales import LARules

CATEGORIES = ("NEG", "EMO", "NEG EMO", "PHY", "NEG PHY EMO", "SAB")


def seed_outcomes(session: Session, la_id: int, rules: LARules, today: date) -> int:
    """Record outcomes for the LA's held ICPCs but the latest; returns how many."""
    calendar = rules.calendar()
    held = list(session.execute(
        select(Conference).where(Conference.la_id == la_id, Conference.kind == ConferenceKind.ICPC, Conference.status == ConferenceStatus.HELD)
        .order_by(Conference.held_on, Conference.id)
    ).scalars())
    for n, conference in enumerate(held[:-1]):
        assert conference.held_on is not None and conference.chair_id is not None
        held_on = conference.held_on
        sent = [calendar.add_working_days(held_on, days) for days in (1, 12)] if n % 3 == 0 else \
            [calendar.add_working_days(held_on, days) for days in (2, 18)] if n % 3 == 1 else [calendar.add_working_days(held_on, 1), None]
        outcome = ConferenceOutcome(
            conference_id=conference.id, recorded_by_id=conference.chair_id, core_group_on=calendar.add_working_days(held_on, 8 + n % 4),
            next_review_on=held_on + timedelta(days=84), notes="Check the school's attendance figures before the core group.",
            outcome_sent_on=sent[0] if sent[0] <= today else None, minutes_sent_on=sent[1] if sent[1] and sent[1] <= today else None,
        )
        outcome.outcome_sent_recorded_by_id = conference.chair_id if outcome.outcome_sent_on else None
        outcome.minutes_sent_recorded_by_id = conference.chair_id if outcome.minutes_sent_on else None
        session.add(outcome)
        session.flush()
        children = session.execute(select(ConferenceChild.child_id).where(ConferenceChild.conference_id == conference.id)).scalars()
        for j, child_id in enumerate(sorted(children)):
            categories = CATEGORIES[(n + j) % len(CATEGORIES)]
            session.add(ChildOutcome(conference_id=conference.id, child_id=child_id, decision=ProtectionDecision.CHILD_PROTECTION_PLAN,
                                     initial_categories=categories, latest_categories=categories, plan_started_on=held_on))
    session.flush()
    return max(len(held) - 1, 0)
