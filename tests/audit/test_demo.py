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


async def test_the_demo_has_an_audit_round_with_levels_and_a_disagreement_to_moderate(database_url: str, database, api):
    from portal.demo_audit import seed_demo_round
    from portal.settings import Settings

    engine = create_engine(sync_url(database_url))
    with Session(engine) as session:
        seed_demo(session)
        lead = session.execute(select(PersonRole.person_id).where(PersonRole.role == Role.AUDITOR, PersonRole.la_id.is_(None))).scalar_one()
    engine.dispose()
    agencies = Settings().agencies_dir
    assert await seed_demo_round(database, agencies) == 16
    assert await seed_demo_round(database, agencies) == 0
    query = """{ auditRounds { nodes { itemCount levelledItemCount awaitingModeration { criterionId }
      agreement { criterionId disagreements { criterionId } } results(groupBy: COUNCIL) { group contributions } } }
      auditResults(groupBy: QUARTER) { group } }"""
    data = await api(query, as_=lead)
    (found,) = data["auditRounds"]["nodes"]
    assert (found["itemCount"], found["levelledItemCount"]) == (16, 2)
    assert found["awaitingModeration"] == [{"criterionId": "child_voice"}]
    assert [a["criterionId"] for a in found["agreement"] if a["disagreements"]] == ["impact_analysis"]
    assert [r["contributions"] for r in found["results"]] == [4, 4, 4, 4]
    assert len(data["auditResults"]) >= 3
