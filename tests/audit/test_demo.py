"""The demo region has an auditor in each council and the designated doctor as the audit's regional lead."""

from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from portal.demo import seed_demo
from portal.enums import Role
from portal.people.models import LocalAuthority, PersonRole
from portal.settings import sync_url


def test_each_demo_council_has_an_auditor_and_the_region_a_lead(database_url: str):
    engine = create_engine(sync_url(database_url))
    with Session(engine) as session:
        seed_demo(session)
        auditors = session.execute(select(PersonRole.la_id).where(PersonRole.role == Role.AUDITOR)).scalars().all()
        councils = session.execute(select(LocalAuthority.id)).scalars().all()
    engine.dispose()
    assert sorted(a for a in auditors if a is not None) == sorted(councils)
    assert auditors.count(None) == 1
