"""An invented region for demonstrations: four local authorities, their partner agencies,
people in every role, children, and conferences of every kind in every state.

Everything is made up. NHS numbers are drawn from the 999 range used for testing and pass
the modulus-11 check. Seeding is deterministic and runs once: a second run changes nothing.
"""

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from portal import clock
from portal.careplans.models import CarePlanView, CareProceedings, ProceedingsChild
from portal.children.models import CasePerson, Child
from portal.children.nhs import nhs_check_digit
from portal.conferences.models import ChildConsultation, Conference, ConferenceChild, Invitation
from portal.conferences.timescales import due_times, next_review_due, rules_for_la
from portal.contributions.models import Contribution, ContributionVersion, WithholdingRequest
from portal.demo_challenges import seed_challenges
from portal.demo_child_views import child_views_link
from portal.demo_history import seed_history
from portal.demo_monitoring import seed_monitoring
from portal.demo_outcomes import seed_outcomes
from portal.demo_text import section_text
from portal.enums import ConferenceKind, ConferenceStatus, ContributionStatus, Relationship, Role, ViewsConveyed, WithholdingDecision
from portal.families.attendance import Attendance
from portal.families.models import FAMILY_AGENCY, FamilyMember, InvitationAttendance, MeetingPlace
from portal.people.models import LocalAuthority, Organisation, Person, PersonRole, Region
from portal.timescales import RULES_DIR, LARules, load_rules

REGION = ("northmoor", "Northmoor Safeguarding Partnership")
AUTHORITIES = [
    ("brackenridge", "Brackenridge Borough Council"),
    ("easterby", "Easterby City Council"),
    ("holmcastle", "Holmcastle County Council"),
    ("westmarsh", "Westmarsh Metropolitan Borough Council"),
]
GIVEN = ["Amara", "Leo", "Isla", "Kian", "Maisie", "Rory", "Zara", "Theo", "Esme", "Callum", "Nia", "Alfie", "Poppy", "Jayden", "Ivy", "Finley"]
FAMILY = ["Ashdown", "Brennan", "Corrigan", "Dunmore", "Ellery", "Fairbrook", "Garside", "Hollins", "Ingleby", "Kettering-Moss", "Lowther", "Marwood"]
ADULT_GIVEN = ["Helen", "Owain", "Priya", "Gareth", "Lucy", "Samir", "Fiona", "Declan", "Ruth", "Tomasz", "Anjali", "Mark", "Bethan", "Colin", "Nadia", "Ewan"]

MOTHERS = ["Kerry", "Agnieszka", "Ngozi", "Shannon", "Roisin", "Farzana", "Chantelle", "Tendai"]
PARTNERS = [("Dean", "Whitlock"), ("Piotr", "Zalewski"), ("Jason", "Pritchard"), ("Tunde", "Okafor"), ("Craig", "Hulme"), ("Imran", "Malik")]
GRANDMOTHERS = ["Maureen", "Halina", "Bernadette", "Parveen", "Sandra", "Adaeze"]
STREETS = ["Rosebank House, Mill Brow", "Victoria Terrace", "Rowan Close", "Kestrel Drive", "Albert Road", "Weaver Court, Canal Street"]


@dataclass
class Seeded:
    created: bool
    counts: dict[str, int]


class _Names:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def adult(self) -> str:
        while True:
            name = f"{self.rng.choice(ADULT_GIVEN)} {self.rng.choice(FAMILY)}"
            if name not in self.used:
                self.used.add(name)
                return name


def nhs_number(rng: random.Random) -> str:
    while True:
        first_nine = "999" + "".join(rng.choice("0123456789") for _ in range(6))
        check = nhs_check_digit(first_nine)
        if check is not None:
            return f"{first_nine}{check}"


def _email(name: str, domain: str) -> str:
    return f"{name.lower().replace(' ', '.').replace('-', '')}@{domain}.example"


def seed_demo(session: Session, today: date | None = None) -> Seeded:
    if session.execute(select(Region).where(Region.slug == REGION[0])).scalar_one_or_none():
        return Seeded(created=False, counts={})
    rng = random.Random(20261128)
    names = _Names(rng)
    today = today or clock.today()
    region = Region(slug=REGION[0], name=REGION[1])
    session.add(region)
    session.flush()

    def person(org: Organisation, title: str, roles: list[tuple[Role, int | None]], domain: str) -> Person:
        name = names.adult()
        who = Person(organisation_id=org.id, name=name, email=_email(name, domain), job_title=title)
        session.add(who)
        session.flush()
        session.add_all(PersonRole(person_id=who.id, role=r, la_id=la) for r, la in roles)
        return who

    def org(agency: str, name: str, code: str | None, la_id: int | None = None) -> Organisation:
        o = Organisation(region_id=region.id, la_id=la_id, agency_id=agency, name=name, code=code)
        session.add(o)
        session.flush()
        return o

    shared = {
        "substance_misuse": org("substance_misuse", "Northmoor Recovery Partnership", "NRP01"),
        "health_visiting": org("health_visiting", "Northmoor Community Health 0–19 Service", "NCH19"),
        "police": org("police", "Northmoor Police Public Protection Unit", "NPPPU"),
        "cafcass": org("cafcass", "CAFCASS Northmoor Team", "CAFNM"),
    }
    contributors: dict[int, list[Person]] = {}
    for key, o in shared.items():
        titles = {"substance_misuse": "Recovery worker", "health_visiting": "Health visitor", "police": "Detective constable", "cafcass": "Children's guardian"}
        contributors[o.id] = [person(o, titles[key], [(Role.CONTRIBUTOR, None)], key.replace("_", ""))]
    guardians = [person(shared["cafcass"], "Children's guardian", [(Role.GUARDIAN, None), (Role.CONTRIBUTOR, None)], "cafcass") for _ in range(2)]
    contributors[shared["cafcass"].id] += guardians
    auditor_org = org("gp", "Northmoor Designated Safeguarding Team", "NDST1")
    person(auditor_org, "Designated doctor for safeguarding", [(Role.AUDITOR, None)], "nhs")

    councils: list[tuple[LocalAuthority, Organisation]] = []
    audited: list[tuple[LocalAuthority, LARules, list[Organisation], list[list[Child]], dict[int, list[CasePerson]], list[Person]]] = []
    all_rules = load_rules(RULES_DIR)
    counts = {"local_authorities": 0, "children": 0, "case_people": 0, "conferences": 0, "invitations": 0, "contributions": 0}
    for la_index, (slug, la_name) in enumerate(AUTHORITIES):
        la = LocalAuthority(region_id=region.id, slug=slug, name=la_name)
        session.add(la)
        session.flush()
        counts["local_authorities"] += 1
        rules = rules_for_la(all_rules, slug)
        social = org("social_care", f"{la_name} Children's Social Care", f"SC{la_index + 1:03d}", la.id)
        councils.append((la, social))
        chairs = [person(social, "Independent reviewing officer", [(Role.CHAIR, la.id)], slug) for _ in range(2)]
        person(social, "Conference business support officer", [(Role.BUSINESS_SUPPORT, la.id), (Role.LA_ADMIN, la.id)], slug)
        workers = [person(social, "Social worker", [(Role.SOCIAL_WORKER, la.id), (Role.CONTRIBUTOR, None)], slug) for _ in range(2)]
        contributors[social.id] = workers
        practices = [
            org("gp", f"{name} Surgery", f"{'BEHW'[la_index]}{81001 + la_index * 10 + i}")
            for i, name in enumerate(rng.sample(["Riverside", "Millbrook", "Station Road", "Hawthorn", "Castle Green", "Eastgate"], 3))
        ]
        for practice in practices:
            contributors[practice.id] = [
                person(practice, "GP partner", [(Role.CONTRIBUTOR, None)], "nhs"),
                person(practice, "Practice safeguarding lead", [(Role.CONTRIBUTOR, None), (Role.ORG_ADMIN, None)], "nhs"),
            ]
        schools = [
            org("school", f"{name} {kind}", f"{140000 + la_index * 100 + i}")
            for i, (name, kind) in enumerate([(rng.choice(["St Aidan's", "Oakfield", "Moorside"]), "Primary School"), (rng.choice(["Northgate", "Fellside", "Brookvale"]), "Academy")])
        ]
        for school in schools:
            contributors[school.id] = [person(school, "Designated safeguarding lead", [(Role.CONTRIBUTOR, None)], "school")]

        families: list[list[Child]] = []
        for _ in range(8):
            family_name = rng.choice(FAMILY)
            size = rng.choice([1, 1, 2, 3])
            family = [
                Child(
                    la_id=la.id,
                    given_name=rng.choice(GIVEN),
                    family_name=family_name,
                    date_of_birth=today - timedelta(days=rng.randint(200, 16 * 365)),
                    nhs_number=nhs_number(rng),
                )
                for _ in range(size)
            ]
            session.add_all(family)
            families.append(family)
        session.flush()
        counts["children"] += sum(len(f) for f in families)
        relatives = {family[0].id: _relatives(random.Random(f"{slug}-{family[0].id}"), family) for family in families}
        session.add_all(r for people in relatives.values() for r in people)
        counts["case_people"] += sum(len(p) for p in relatives.values())

        audited.append((la, rules, practices, families, relatives, chairs))
        proceedings_family = families[0]
        proceedings = CareProceedings(
            la_id=la.id, case_number=f"{slug[:2].upper()}{today.year % 100}C{100 + la_index:04d}", guardian_id=guardians[la_index % 2].id,
            started_on=today - timedelta(days=90),
        )
        session.add(proceedings)
        session.flush()
        session.add_all(ProceedingsChild(proceedings_id=proceedings.id, child_id=c.id) for c in proceedings_family)
        for child in proceedings_family:
            for version, view in enumerate(section_text("care_plan_view", rng, child.given_name), start=1):
                session.add(CarePlanView(proceedings_id=proceedings.id, child_id=child.id, version=version, view=view, iro_id=chairs[0].id,
                                         recorded_at=datetime.combine(today - timedelta(days=60 - 20 * version), time(11), UTC)))

        plan = [(kind, status) for kind in ConferenceKind for status in ConferenceStatus]
        held_icpc: Conference | None = None
        for n, (kind, status) in enumerate(plan):
            family = families[n % len(families)]
            offset = {ConferenceStatus.DRAFT: None, ConferenceStatus.SCHEDULED: 5 + n, ConferenceStatus.HELD: -20 - n, ConferenceStatus.CANCELLED: 10 + n}[status]
            when = datetime.combine(today + timedelta(days=offset), time(10, 0), UTC) if offset is not None else None
            conference = Conference(
                la_id=la.id, kind=kind, status=status, scheduled_at=when, chair_id=chairs[n % 2].id,
                strategy_discussion_on=(today - timedelta(days=10)) if kind in (ConferenceKind.ICPC, ConferenceKind.TRANSFER_IN_ICPC) else None,
                became_looked_after_on=(today - timedelta(days=25)) if kind == ConferenceKind.LAC_REVIEW else None,
                previous_conference_id=held_icpc.id if kind == ConferenceKind.RCPC and held_icpc else None,
                review_number=1 if kind in (ConferenceKind.RCPC, ConferenceKind.LAC_REVIEW) else None,
            )
            if status == ConferenceStatus.HELD:
                assert when is not None
                conference.held_on = when.date()
                conference.next_review_due_on = next_review_due(conference, conference.held_on, rules)
            session.add(conference)
            session.flush()
            if kind == ConferenceKind.ICPC and status == ConferenceStatus.HELD:
                held_icpc = conference
            counts["conferences"] += 1
            session.add_all(ConferenceChild(conference_id=conference.id, child_id=c.id) for c in family)
            if status == ConferenceStatus.DRAFT:
                continue
            invited = [social, practices[n % 3], schools[n % 2], shared["health_visiting"]]
            if n % 3 == 0:
                invited.append(shared["substance_misuse"])
            if n % 4 == 1:
                invited.append(shared["police"])
            if kind == ConferenceKind.LAC_REVIEW:
                invited.append(shared["cafcass"])
            assert when is not None
            statuses = [ContributionStatus.SUBMITTED, ContributionStatus.AMENDED, ContributionStatus.DRAFT, None, ContributionStatus.WITHDRAWN, ContributionStatus.SUBMITTED]
            due = due_times(conference, rules)
            for i, organisation in enumerate(invited):
                invitation = Invitation(
                    conference_id=conference.id, organisation_id=organisation.id, report_due_at=due.report_due_at,
                    family_due_at=due.family_due_at, invited_at=when - timedelta(days=12),
                )
                session.add(invitation)
                session.flush()
                counts["invitations"] += 1
                contribution_status = statuses[(i + n) % len(statuses)]
                if contribution_status is None:
                    continue
                author = contributors[organisation.id][0]
                _contribute(session, rng, invitation, organisation, author, family, relatives[family[0].id], contribution_status, chairs[n % 2], when)
                counts["contributions"] += 1
            if status in (ConferenceStatus.HELD, ConferenceStatus.SCHEDULED):
                for j, child in enumerate(family):
                    conveyed = list(ViewsConveyed)[(n + j) % len(ViewsConveyed)]
                    session.add(ChildConsultation(conference_id=conference.id, child_id=child.id, seen=conveyed != ViewsConveyed.NOT_CONVEYED,
                                                  views_conveyed=conveyed, recorded_by_id=workers[0].id, note=""))
    # Each council's auditor for the regional GP audit; the designated doctor above leads it.
    # Added last so the rest of the invented region stays as it was.
    for la, social in councils:
        person(social, "Safeguarding quality auditor", [(Role.AUDITOR, la.id)], la.slug)
    counts["family_members"] = _family_with_access(session, councils[0][0], today)
    # Each council's head of service and IRO manager, who read its IRO annual report (added last, as above).
    for la, social in councils:
        person(social, "Head of children's social care", [(Role.HEAD_OF_SERVICE, la.id)], la.slug)
        person(social, "Review and development unit manager", [(Role.IRO_MANAGER, la.id)], la.slug)
    counts["history_records"] = seed_history(session, councils[0][0].id, today)
    counts |= seed_monitoring(session, councils[0][0].id, councils[0][0].slug, today)
    # Held ICPCs with GP reports for the regional audit to sample (added last, as above).
    for la, rules, practices, families, relatives, chairs in audited:
        _audited_icpcs(session, contributors, la, rules, practices, families, relatives, chairs, today, counts)
    # Outcomes of the held initial conferences but each council's latest (added last, as above).
    counts["outcomes"] = sum(seed_outcomes(session, la.id, rules, today) for la, rules, *_ in audited)
    # Each council's managers who answer IRO challenges, and challenges at different stages (added last, as above).
    counts["challenges"] = sum(seed_challenges(session, la, social, rules_for_la(all_rules, la.slug), person, today) for la, social in councils)
    session.commit()
    return Seeded(created=True, counts=counts)


def _family_with_access(session: Session, la: LocalAuthority, today: date) -> int:
    """The mother of the children of the council's upcoming conference with the most reports shared with the family, given access by its social worker,
    where the meeting is held and who has said they are coming: a family a visitor can act as."""
    shared = select(func.count(Contribution.id)).where(Contribution.conference_id == Conference.id, Contribution.shared_with_family_on.is_not(None))
    conference = session.execute(
        select(Conference).where(Conference.la_id == la.id, Conference.status == ConferenceStatus.SCHEDULED)
        .order_by(shared.scalar_subquery().desc(), Conference.scheduled_at, Conference.id).limit(1)
    ).scalar_one()
    worker = session.execute(
        select(Person).join(PersonRole, PersonRole.person_id == Person.id).where(PersonRole.role == Role.SOCIAL_WORKER, PersonRole.la_id == la.id).order_by(Person.id).limit(1)
    ).scalar_one()
    mothers = session.execute(
        select(CasePerson).join(ConferenceChild, ConferenceChild.child_id == CasePerson.child_id)
        .where(ConferenceChild.conference_id == conference.id, CasePerson.relationship == Relationship.MOTHER).order_by(CasePerson.id)
    ).scalars().all()
    families = Organisation(region_id=la.region_id, la_id=la.id, agency_id=FAMILY_AGENCY, name=f"Families known to {la.name}")
    session.add(families)
    session.flush()
    mother = Person(organisation_id=families.id, name=f"{mothers[0].given_name} {mothers[0].family_name}", email=mothers[0].email)
    session.add(mother)
    session.flush()
    session.add_all(
        FamilyMember(person_id=mother.id, case_person_id=m.id, child_id=m.child_id, la_id=la.id, mobile=m.phone, granted_by_id=worker.id,
                     granted_at=datetime.combine(today - timedelta(days=7), time(9), UTC))
        for m in mothers
    )
    child_views_link(session, conference, families, worker, mothers[0].child_id, today)
    session.add(MeetingPlace(conference_id=conference.id, place=f"Room 2, {la.name} Children's Centre, Market Street", recorded_by_id=worker.id))
    invitations = session.execute(select(Invitation).where(Invitation.conference_id == conference.id).order_by(Invitation.id)).scalars().all()
    answers = (Attendance.ATTENDING, Attendance.REPORT_ONLY, Attendance.ATTENDING)  # the rest have not replied yet
    session.add_all(InvitationAttendance(invitation_id=i.id, answer=a, recorded_by_id=worker.id) for i, a in zip(invitations, answers, strict=False))
    return len(mothers)


AUDITED_DAYS_AGO = (30, 75, 120, 165, 210, 255)  # over the last nine months
# What some GP reports leave out, so the audit has criteria not met to find.
LEFT_OUT = tuple(map(frozenset, (
    {"child_voice", "impact_analysis"}, set(), {"immunisations", "missed_appointments", "history_of_abuse"}, {"danger_statement"}, set(), {"child_voice"},
)))


def _audited_icpcs(
    session: Session, contributors: dict[int, list[Person]], la: LocalAuthority, rules: LARules, practices: list[Organisation],
    families: list[list[Child]], relatives: dict[int, list[CasePerson]], chairs: list[Person], today: date, counts: dict[str, int],
) -> None:
    """Held initial conferences with a submitted GP report each, for the regional audit to sample.
    Drawn from their own random stream, so the rest of the region stays as it was."""
    rng = random.Random(f"audit-{la.slug}")
    for n, days_ago in enumerate(AUDITED_DAYS_AGO):
        family = families[(n + 1) % len(families)]
        when = datetime.combine(today - timedelta(days=days_ago), time(10, 0), UTC)
        conference = Conference(la_id=la.id, kind=ConferenceKind.ICPC, status=ConferenceStatus.HELD, scheduled_at=when, chair_id=chairs[n % 2].id,
                                strategy_discussion_on=(when - timedelta(days=14)).date(), held_on=when.date())
        conference.next_review_due_on = next_review_due(conference, when.date(), rules)
        session.add(conference)
        session.flush()
        session.add_all(ConferenceChild(conference_id=conference.id, child_id=c.id) for c in family)
        practice = practices[n % len(practices)]
        due = due_times(conference, rules)
        invitation = Invitation(conference_id=conference.id, organisation_id=practice.id, report_due_at=due.report_due_at,
                                family_due_at=due.family_due_at, invited_at=when - timedelta(days=12))
        session.add(invitation)
        session.flush()
        _contribute(session, rng, invitation, practice, contributors[practice.id][n % 2], family, relatives[family[0].id],
                    ContributionStatus.SUBMITTED, chairs[n % 2], when, leave_out=LEFT_OUT[n])
        counts["conferences"] += 1
        counts["invitations"] += 1
        counts["contributions"] += 1


def _relatives(rng: random.Random, family: list[Child]) -> list[CasePerson]:
    """The family's mother (with contact details), her partner and the maternal grandmother, recorded for every child."""
    family_name = family[0].family_name
    mother, (partner, partner_family), grandmother = rng.choice(MOTHERS), rng.choice(PARTNERS), rng.choice(GRANDMOTHERS)
    number = rng.randint(1, 99)
    street = rng.choice(STREETS)
    address = f"Flat {number % 9 + 1}, {street}" if "," in street else f"{number} {street}"
    return [
        person
        for child in family
        for person in (
            CasePerson(child_id=child.id, relationship=Relationship.MOTHER, given_name=mother, family_name=family_name, address=address,
                       postcode=f"EB{number % 9 + 1} {number % 10}QT", phone=f"07700 900{number:03d}", email=f"{mother.lower()}.{family_name.lower()}@mail.example"),
            CasePerson(child_id=child.id, relationship=Relationship.MOTHERS_PARTNER, given_name=partner, family_name=partner_family,
                       do_not_share_contact=True),
            CasePerson(child_id=child.id, relationship=Relationship.GRANDMOTHER, given_name=grandmother, family_name=family_name, known_as="Nana"),
        )
    ]


def _household_text(relatives: list[CasePerson]) -> str:
    mother, partner, grandmother = relatives[:3]
    return (f" {mother.given_name} {mother.family_name} ({mother.address}, {mother.postcode}; {mother.phone}) lives with her partner"
            f" {partner.given_name} {partner.family_name}; {grandmother.given_name} helps most weekends.")


def _contribute(
    session: Session, rng: random.Random, invitation: Invitation, organisation: Organisation, author: Person,
    family: list[Child], relatives: list[CasePerson], status: ContributionStatus, chair: Person, meeting: datetime,
    leave_out: frozenset[str] = frozenset(),
) -> None:
    from portal.agencies import get_registry

    agency = get_registry()[organisation.agency_id]
    first = family[0].given_name
    sections = {s.id: section_text(s.id, rng, first)[0] for s in agency.sections if s.id != "other_information" and s.id not in leave_out}
    if "parental_health" in sections:
        sections["parental_health"] += _household_text(relatives)
    scales = {str(c.id): rng.randint(2, 7) for c in family}
    submitted = status != ContributionStatus.DRAFT
    contribution = Contribution(
        invitation_id=invitation.id, conference_id=invitation.conference_id, organisation_id=organisation.id, author_id=author.id,
        status=status, version=1, sections=sections, scales=scales,
        created_at=meeting - timedelta(days=8), updated_at=meeting - timedelta(days=4),
        submitted_at=meeting - timedelta(days=rng.choice([2, 4, 5])) if submitted else None,
        shared_with_family_on=(meeting - timedelta(days=3)).date() if submitted and rng.random() < 0.6 else None,
    )
    session.add(contribution)
    session.flush()
    history = [ContributionStatus.DRAFT]
    if submitted:
        history.append(ContributionStatus.SUBMITTED)
    if status in (ContributionStatus.AMENDED, ContributionStatus.WITHDRAWN):
        history.append(status)
    for number, state in enumerate(history, start=1):
        note = {ContributionStatus.AMENDED: "Added the outcome of the latest appointment.", ContributionStatus.WITHDRAWN: "Sent to the wrong conference."}.get(state, "")
        session.add(ContributionVersion(contribution_id=contribution.id, number=number, status=state, sections=sections, scales=scales,
                                        note=note, created_by_id=author.id, created_at=meeting - timedelta(days=8 - number)))
    contribution.version = len(history)
    if submitted and rng.random() < 0.3:
        decision = rng.choice(list(WithholdingDecision))
        session.add(WithholdingRequest(
            contribution_id=contribution.id, section_id="complicating_factors",
            reason="Contains a third party's confidential health information.", requested_by_id=author.id, decision=decision,
            decided_by_id=chair.id if decision != WithholdingDecision.PENDING else None,
            decided_at=meeting - timedelta(days=2) if decision != WithholdingDecision.PENDING else None,
            decision_note={WithholdingDecision.AGREED: "Agreed: third-party information.",
                           WithholdingDecision.REFUSED: "Refused: the family already know this from the social worker."}.get(decision, ""),
        ))
