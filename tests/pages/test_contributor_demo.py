"""Over the whole demo region (every kind of conference in every state, every agency, reports in
every status), each contributor's task list and every page of each of their reports opens."""

import re

from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from portal.demo import seed_demo
from portal.demo_identity import HEADER
from portal.enums import Role
from portal.people.models import Person, PersonRole
from portal.settings import sync_url


async def test_every_contributors_pages_open_over_the_demo(database_url, api):
    engine = create_engine(sync_url(database_url))
    with Session(engine) as session:
        seed_demo(session)
        people = session.execute(select(Person.id, Person.organisation_id).join(PersonRole, PersonRole.person_id == Person.id)
                                 .where(PersonRole.role == Role.CONTRIBUTOR).order_by(Person.id)).all()
    engine.dispose()
    one_each = {organisation: person for person, organisation in reversed(people)}
    opened = 0
    for person in one_each.values():
        headers = {HEADER: str(person), "accept": "text/html"}
        task_list = await api.client.get("/reports", headers=headers)
        assert task_list.status_code == 200, person
        for invitation in re.findall(r'href="/reports/(\d+)"', task_list.text):
            for page in ("", "/check", "/submitted", "/amend", "/withdraw"):
                response = await api.client.get(f"/reports/{invitation}{page}", headers=headers)
                assert response.status_code in (200, 303), (person, invitation, page, response.status_code)
                opened += response.status_code == 200
    assert len(one_each) >= 5 and opened >= 20
