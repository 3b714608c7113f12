"""Invented monitoring for one demo council: checklists its chairs completed before (and once after) the meetings
it held and before its next scheduled one, and children in its DfE history who meet the challenge clinic's themes,
so the checklist, the quarterly findings and the drift watchlist all have something to show."""

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from portal.conferences.models import Conference
from portal.enums import ConferenceStatus
from portal.history.models import HistoryChild, LookedAfterEpisode, ProtectionPlan
from portal.monitoring.config import monitoring_for
from portal.monitoring.models import MonitoringAnswer, MonitoringCheck
from portal.timescales.workdays import add_months

NOT_MET = {"child_consulted": "The child was not seen before the review: the visit was cancelled twice.",
           "report_quality": "The social work report repeats last review's analysis and has no up-to-date chronology."}


def _checklists(session: Session, la_id: int, slug: str) -> int:
    items = monitoring_for(slug).checklist
    meetings = session.execute(
        select(Conference).where(Conference.la_id == la_id, Conference.status.in_((ConferenceStatus.HELD, ConferenceStatus.SCHEDULED)))
        .order_by(Conference.scheduled_at, Conference.id)
    ).scalars().all()
    held = [c for c in meetings if c.status == ConferenceStatus.HELD]
    upcoming = [c for c in meetings if c.status == ConferenceStatus.SCHEDULED][:1]
    added = 0
    for n, conference in enumerate([*held, *upcoming]):
        assert conference.scheduled_at is not None and conference.chair_id is not None
        late = n == 1  # one checklist finished the day after its meeting, so the figure is not 100%
        completed = conference.scheduled_at + timedelta(days=1) if late else conference.scheduled_at - timedelta(days=1, hours=2)
        check = MonitoringCheck(la_id=la_id, conference_id=conference.id, started_at=completed - timedelta(hours=1), completed_at=completed,  # type: ignore[arg-type]
                                completed_by_id=conference.chair_id)
        session.add(check)
        session.flush()
        for m, item in enumerate(items):
            unmet = item.id in NOT_MET and (n + m) % 2 == 0
            answer = "NOT_MET" if unmet else ("NOT_APPLICABLE" if item.id == "plan_reviewed_at_core_groups" and conference.kind == "LAC_REVIEW" else "MET")
            session.add(MonitoringAnswer(check_id=check.id, item=item.id, answer=answer, note=NOT_MET[item.id] if unmet else "",  # type: ignore[arg-type]
                                         answered_at=completed, answered_by_id=conference.chair_id))
        added += 1
    return added


def _watchlist_children(session: Session, la_id: int, today: date) -> int:
    """One child for each clinic theme the invented history may miss."""
    def episode(child: str, started: date, ls: str, place: str, rne: str = "S", ended: date | None = None) -> LookedAfterEpisode:
        return LookedAfterEpisode(la_id=la_id, la_child_id=child, started_on=started, reason_new_episode=rne, legal_status=ls, need_code="N1",
                                  placement=place, ended_on=ended, reason_ended="X1" if ended else "")

    rows: list[object] = [HistoryChild(la_id=la_id, la_child_id=f"DM90{n:02d}", sex="12"[n % 2], date_of_birth=date(2015 + n % 5, 3, 1 + n), ethnicity="WBRI")
                          for n in range(1, 7)]
    rows += [
        episode("DM9001", today - timedelta(days=100), "C2", "P1"),
        episode("DM9002", add_months(today, -8), "E1", "A4"),
        episode("DM9003", today - timedelta(days=40), "V4", "R1"),
        episode("DM9004", add_months(today, -11), "C2", "U4", ended=add_months(today, -7)),
        episode("DM9004", add_months(today, -7), "C2", "U5", rne="P", ended=add_months(today, -2)),
        episode("DM9004", add_months(today, -2), "C2", "U6", rne="P"),
        ProtectionPlan(la_id=la_id, la_child_id="DM9005", started_on=add_months(today, -26), initial_category="NEG", latest_category="NEG", previous_plans=0),
        ProtectionPlan(la_id=la_id, la_child_id="DM9006", started_on=add_months(today, -5), initial_category="EMO", latest_category="EMO", previous_plans=1),
    ]
    session.add_all(rows)
    return len(rows)


def seed_monitoring(session: Session, la_id: int, slug: str, today: date) -> dict[str, int]:
    session.flush()
    return {"monitoring_checklists": _checklists(session, la_id, slug), "watchlist_records": _watchlist_children(session, la_id, today)}



