"""The demo's first council shows a drift watchlist touching every clinic theme and checklists completed by its chairs."""

from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from portal import clock
from portal.demo import seed_demo
from portal.history.models import LookedAfterEpisode, ProtectionPlan
from portal.monitoring.config import monitoring_for
from portal.monitoring.models import MonitoringAnswer, MonitoringCheck
from portal.monitoring.watchlist import THEMES, drift_watchlist
from portal.people.models import LocalAuthority
from portal.settings import sync_url


def test_the_demo_has_a_watchlist_of_every_theme_and_completed_checklists(database_url: str, frozen):
    with Session(create_engine(sync_url(database_url))) as session:
        seed_demo(session)
        la = session.execute(select(LocalAuthority).order_by(LocalAuthority.id).limit(1)).scalar_one()
        episodes = session.execute(select(LookedAfterEpisode).where(LookedAfterEpisode.la_id == la.id)).scalars().all()
        plans = session.execute(select(ProtectionPlan).where(ProtectionPlan.la_id == la.id)).scalars().all()
        entries = drift_watchlist(episodes, plans, clock.today(), monitoring_for(la.slug).watchlist)
        assert {r.theme for e in entries for r in e.reasons} == set(THEMES)
        checks = session.execute(select(MonitoringCheck).where(MonitoringCheck.la_id == la.id)).scalars().all()
        assert len(checks) >= 3 and all(c.completed_at for c in checks)
        unmet = session.execute(select(MonitoringAnswer.note).where(MonitoringAnswer.answer == "NOT_MET")).scalars().all()
        assert unmet and all(unmet)
