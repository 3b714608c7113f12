"""Over the demo's audit round, the lead and every council's auditor open each audit page: the
round, every report in it (other councils' pseudonymised), moderation (the lead alone), results and
agreement."""

import re

from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from portal.demo import seed_demo
from portal.demo_audit import seed_demo_round
from portal.demo_identity import HEADER
from portal.enums import Role
from portal.people.models import PersonRole
from portal.settings import Settings, sync_url


async def test_every_auditors_pages_open_over_the_demo_round(database_url, database, api):
    engine = create_engine(sync_url(database_url))
    with Session(engine) as session:
        seed_demo(session)
        auditors = session.execute(select(PersonRole.person_id, PersonRole.la_id).where(PersonRole.role == Role.AUDITOR)).all()
    engine.dispose()
    await seed_demo_round(database, Settings().agencies_dir)
    pseudonymised = 0
    for person, la in auditors:
        headers = {HEADER: str(person), "accept": "text/html"}
        listing = await api.client.get("/audit", headers=headers)
        (round_path,) = set(re.findall(r'href="(/audit/rounds/\d+)"', listing.text))
        page = await api.client.get(round_path, headers=headers)
        assert page.status_code == 200 and "disagreements to moderate" in page.text
        reports = sorted(set(re.findall(rf'href="({round_path}/items/\d+)"', page.text)))
        assert len(reports) == 16
        for path in (*reports, f"{round_path}/results", f"{round_path}/agreement"):
            opened = await api.client.get(path, headers=headers)
            assert opened.status_code == 200, (person, path)
            pseudonymised += "This report is from another council" in opened.text
        moderation = re.findall(rf'href="({round_path}/items/\d+/moderate)"', page.text)
        assert len(moderation) == (1 if la is None else 0)
        for path in moderation:
            assert (await api.client.get(path, headers=headers)).status_code == 200
    assert pseudonymised == 4 * 12  # each council's auditor reads the other three councils' reports pseudonymised
