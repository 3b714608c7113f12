"""A small invented world for API tests: two local authorities, their agencies, people and cases."""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from portal import clock
from portal.careplans.models import CarePlanView, CareProceedings, ProceedingsChild
from portal.children.models import Child
from portal.conferences.models import Conference, ConferenceChild, Invitation
from portal.enums import ConferenceKind, ConferenceStatus, Role
from portal.people.models import LocalAuthority, Organisation, Person, PersonRole, Region


@dataclass
class World:
    ids: dict[str, int] = field(default_factory=dict)

    def __getattr__(self, name: str) -> int:
        try:
            return self.ids[name]
        except KeyError:
            raise AttributeError(name) from None

    def id(self, name: str) -> str:
        return str(self.ids[name])


def soon(days: int = 10) -> datetime:
    return (clock.now() + timedelta(days=days)).replace(hour=10, minute=0, second=0, microsecond=0)


async def build_world(session: AsyncSession) -> World:
    world = World()

    async def add(name: str, row: object) -> object:
        session.add(row)
        await session.flush()
        world.ids[name] = row.id  # type: ignore[attr-defined]
        return row

    region = await add("region", Region(slug="northmoor", name="Northmoor"))
    la_a = await add("la_a", LocalAuthority(region_id=region.id, slug="easterby", name="Easterby City Council"))
    la_b = await add("la_b", LocalAuthority(region_id=region.id, slug="westmarsh", name="Westmarsh Council"))
    orgs = {
        "social_a": ("social_care", "Easterby Children's Social Care", la_a.id),
        "social_b": ("social_care", "Westmarsh Children's Social Care", la_b.id),
        "gp1": ("gp", "Riverside Surgery", None),
        "gp2": ("gp", "Millbrook Surgery", None),
        "school": ("school", "Oakfield Primary School", None),
        "cafcass": ("cafcass", "CAFCASS Northmoor", None),
    }
    for name, (agency, label, la) in orgs.items():
        await add(name, Organisation(region_id=region.id, la_id=la, agency_id=agency, name=label, code=name.upper()))
    people = {
        "chair_a": ("social_a", [(Role.CHAIR, "la_a")]),
        "chair_a2": ("social_a", [(Role.CHAIR, "la_a")]),
        "bs_a": ("social_a", [(Role.BUSINESS_SUPPORT, "la_a")]),
        "sw_a": ("social_a", [(Role.SOCIAL_WORKER, "la_a"), (Role.CONTRIBUTOR, None)]),
        "chair_b": ("social_b", [(Role.CHAIR, "la_b")]),
        "bs_b": ("social_b", [(Role.BUSINESS_SUPPORT, "la_b")]),
        "gp1_author": ("gp1", [(Role.CONTRIBUTOR, None)]),
        "gp1_colleague": ("gp1", [(Role.CONTRIBUTOR, None)]),
        "gp2_author": ("gp2", [(Role.CONTRIBUTOR, None)]),
        "school_author": ("school", [(Role.CONTRIBUTOR, None)]),
        "guardian_1": ("cafcass", [(Role.GUARDIAN, None), (Role.CONTRIBUTOR, None)]),
        "guardian_2": ("cafcass", [(Role.GUARDIAN, None), (Role.CONTRIBUTOR, None)]),
    }
    for name, (org, roles) in people.items():
        person = await add(name, Person(organisation_id=world.ids[org], name=name.replace("_", " ").title(), email=f"{name}@example.org", job_title="Tester"))
        for role, la in roles:
            session.add(PersonRole(person_id=person.id, role=role, la_id=world.ids[la] if la else None))
    children = {
        "child_a1": ("la_a", "Maisie", "Ashdown", date(2018, 4, 2), "9990000018"),
        "child_a2": ("la_a", "Theo", "Ashdown", date(2021, 9, 14), "9990000026"),
        "child_b1": ("la_b", "Esme", "Corrigan", date(2016, 1, 30), "9990000034"),
    }
    for name, (la, given, family, born, nhs) in children.items():
        await add(name, Child(la_id=world.ids[la], given_name=given, family_name=family, date_of_birth=born, nhs_number=nhs))
    meeting = soon()
    conf_a = await add("conf_a", Conference(la_id=la_a.id, kind=ConferenceKind.ICPC, status=ConferenceStatus.SCHEDULED, scheduled_at=meeting,
                                            chair_id=world.ids["chair_a"], strategy_discussion_on=clock.today()))
    conf_b = await add("conf_b", Conference(la_id=la_b.id, kind=ConferenceKind.RCPC, status=ConferenceStatus.SCHEDULED, scheduled_at=meeting,
                                            chair_id=world.ids["chair_b"]))
    session.add_all([
        ConferenceChild(conference_id=conf_a.id, child_id=world.ids["child_a1"]),
        ConferenceChild(conference_id=conf_a.id, child_id=world.ids["child_a2"]),
        ConferenceChild(conference_id=conf_b.id, child_id=world.ids["child_b1"]),
    ])
    due = meeting - timedelta(days=3)
    for name, conf, org in (("inv_social_a", conf_a, "social_a"), ("inv_gp1", conf_a, "gp1"), ("inv_school", conf_a, "school"),
                            ("inv_social_b", conf_b, "social_b"), ("inv_gp2_b", conf_b, "gp2")):
        await add(name, Invitation(conference_id=conf.id, organisation_id=world.ids[org], report_due_at=due, family_due_at=due))
    proceedings = await add("proceedings_a", CareProceedings(la_id=la_a.id, case_number="EA26C0001", guardian_id=world.ids["guardian_1"], started_on=date(2026, 9, 1)))
    session.add(ProceedingsChild(proceedings_id=proceedings.id, child_id=world.ids["child_a1"]))
    await session.flush()
    await add("view_a1", CarePlanView(proceedings_id=proceedings.id, child_id=world.ids["child_a1"], version=1,
                                      view="The IRO supports the plan for Maisie to stay with her grandmother.", iro_id=world.ids["chair_a"]))
    await session.commit()
    return world
