"""The demo region: every kind in every state, valid invented NHS numbers, and idempotent seeding."""

from sqlalchemy import create_engine, func, select
from sqlalchemy.orm import Session

from portal.children.models import Child
from portal.children.nhs import is_valid_nhs_number
from portal.conferences.models import Conference
from portal.contributions.models import Contribution, WithholdingRequest
from portal.demo import seed_demo
from portal.enums import ConferenceKind, ConferenceStatus, ContributionStatus, Role, WithholdingDecision
from portal.models import metadata
from portal.people.models import LocalAuthority, Organisation, PersonRole
from portal.settings import sync_url


def counts(session: Session) -> dict[str, int]:
    return {t.name: session.execute(select(func.count()).select_from(t)).scalar_one() for t in metadata.sorted_tables}


def test_demo_seeds_a_whole_region_once(database_url: str):
    engine = create_engine(sync_url(database_url))
    with Session(engine) as session:
        assert seed_demo(session).created
        first = counts(session)
        assert not seed_demo(session).created
        assert counts(session) == first
        assert session.execute(select(func.count()).select_from(LocalAuthority)).scalar_one() == 4
        pairs = set(session.execute(select(Conference.kind, Conference.status)).all())
        assert pairs == {(k.value, s.value) for k in ConferenceKind for s in ConferenceStatus}
        assert set(session.execute(select(Contribution.status)).scalars()) == {s.value for s in ContributionStatus}
        assert set(session.execute(select(WithholdingRequest.decision)).scalars()) == {d.value for d in WithholdingDecision}
        assert set(session.execute(select(PersonRole.role)).scalars()) == {r.value for r in Role}
        assert {"gp", "school", "substance_misuse", "cafcass", "police"} <= set(session.execute(select(Organisation.agency_id)).scalars())
        held = session.execute(select(Conference).where(Conference.status == "HELD")).scalars().all()
        assert held and all(c.held_on and c.next_review_due_on and c.next_review_due_on > c.held_on for c in held)
        reviews = session.execute(select(Conference).where(Conference.kind == "RCPC", Conference.status != "DRAFT")).scalars().all()
        assert reviews and all(c.previous_conference_id and c.review_number == 1 for c in reviews)
        numbers = session.execute(select(Child.nhs_number)).scalars().all()
        assert numbers and all(is_valid_nhs_number(n) and n.startswith("999") for n in numbers)
        gp_codes = session.execute(select(Organisation.code).where(Organisation.agency_id == "gp", Organisation.name.like("%Surgery"))).scalars().all()
        assert all(len(c) == 6 and c[0].isalpha() and c[1:].isdigit() for c in gp_codes)
    engine.dispose()


def test_demo_children_have_the_people_around_them_and_their_reports_pseudonymise(database_url: str):
    from portal.audit.pseudonymise import Protected, Pseudonymiser
    from portal.audit.rows import known_people
    from portal.children.models import CasePerson
    from portal.conferences.models import ConferenceChild

    engine = create_engine(sync_url(database_url))
    with Session(engine) as session:
        seed_demo(session)
        children = session.execute(select(Child)).scalars().all()
        relatives = session.execute(select(CasePerson)).scalars().all()
        assert {c.id for c in children} == {r.child_id for r in relatives}
        contribution = next(c for c in session.execute(select(Contribution).order_by(Contribution.id)).scalars() if "parental_health" in c.sections)
        family = session.execute(
            select(Child).join(ConferenceChild, ConferenceChild.child_id == Child.id).where(ConferenceChild.conference_id == contribution.conference_id)
        ).scalars().all()
        around = [r for r in relatives if r.child_id in {c.id for c in family}]
        organisations = Protected(session.execute(select(Organisation.name)).scalars().all())
    engine.dispose()
    text = contribution.sections["parental_health"]
    mother = next(r for r in around if r.relationship == "MOTHER")
    partner = next(r for r in around if r.relationship == "MOTHERS_PARTNER")
    secrets = [mother.given_name, mother.family_name, mother.phone, mother.postcode, partner.given_name, partner.family_name]
    assert all(s in text for s in secrets)
    cleaned = Pseudonymiser(known_people(family, around), organisations).text(text)
    assert [s for s in secrets if s in cleaned] == [] and "[mother]" in cleaned and "[mother's partner]" in cleaned
