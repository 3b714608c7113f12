"""The small world plus a regional audit: auditors, and GP contributions to ICPCs in two councils.

Contributions name the child, with date of birth and NHS number, and the people around the child
that the case records (father, his partner, a brother) with their contact details, so pseudonymisation
can be checked."""

from datetime import date, timedelta

from portal import clock
from portal.children.models import CasePerson, Child
from portal.conferences.models import Conference, ConferenceChild, Invitation
from portal.contributions.models import Contribution
from portal.enums import ConferenceKind, ConferenceStatus, ContributionStatus, Relationship, Role
from portal.people.models import Organisation, Person, PersonRole
from tests.support.world import World, soon

PER_COUNCIL = 6
CHILDREN = {
    "la_a": [("Ruby", "Kettlewell"), ("Owen", "Thackeray"), ("Lola", "Pennock"), ("Jude", "Ormerod"), ("Ada", "Fenwick"), ("Milo", "Catterall")],
    "la_b": [("Iris", "Blenkinsop"), ("Noah", "Hebblethwaite"), ("Evie", "Scarth"), ("Reuben", "Tindall"), ("Cora", "Wharton"), ("Felix", "Mossop")],
}


HOUSEHOLDS = {  # per council: father (and what he is known as), father's partner, brother, address, phone prefix, email domain
    "la_a": ("Graham", "Gray", ("Shona", "Quigley"), "Alfie", "Flat 2, Rosebank House, Mill Brow", "EB4 7QT", "07700 900", "example.com"),
    "la_b": ("Desmond", "Dez", ("Marta", "Zielinska"), "Teodor", "27a Victoria Terrace", "NG3 2LP", "07700 901", "example.net"),
}


def household(la: str, n: int, family: str) -> tuple[list[CasePerson], str]:
    """The father, his partner and a brother of child `n` (child_id left to fill in), and how a report speaks of them."""
    father, known_as, (partner, partner_family), brother, address, postcode, phone, domain = HOUSEHOLDS[la]
    email = f"{known_as.lower()}.{family.lower()}@{domain}"
    people = [
        CasePerson(child_id=0, relationship=Relationship.FATHER, given_name=father, family_name=family, known_as=known_as,
                   address=address, postcode=postcode, phone=f"{phone}{n:03d}", email=email),
        CasePerson(child_id=0, relationship=Relationship.FATHERS_PARTNER, given_name=partner, family_name=partner_family),
        CasePerson(child_id=0, relationship=Relationship.SIBLING, given_name=brother, family_name=family),
    ]
    text = (f" {father} {family} ({known_as} to friends; {address}, {postcode}; {email}), whose partner {partner} {partner_family}"
            f" ({phone}{n + 500:03d}) says {brother} cares for his sister,")
    return people, text


def gp_sections(given: str, family: str, born: date, nhs: str, strong: bool, household: str = "") -> dict[str, str]:
    name = f"{given} {family}"
    if not strong:
        return {"about_author": "Dr Hollins", "worries": "Neglect.", "danger_statement": "Neglect", "immunisations": "N/A",
                "next_steps": f"Refer {given} to social care."}
    return {
        "about_author": "I am Dr Priya Hollins, salaried GP and the family's usual GP. Information is from practice records and my consultations.",
        "worries": f"Records show {name} (date of birth {born:%d/%m/%Y}, NHS number {nhs[:3]} {nhs[3:6]} {nhs[6:]}) attended A&E on 03/07/2026 "
                   f"with a burn to her hand; the discharge letter notes she was left alone at 14 Mill Lane. She was not brought to two appointments since May.",
        "registration_attendance": f"{given} has been registered with the practice since 2021. Attends about three times a year, usually brought by her father. Last seen on 11/08/2026 for a cough.",
        "medical_conditions": f"{given} has eczema treated with emollient cream; prescriptions are collected regularly. Development was normal at her 2-year review.",
        "immunisations": "Immunisations are up to date apart from the pre-school booster, which is overdue.",
        "missed_appointments": "Not brought to two appointments in 2026 (dental, eczema review). One out-of-hours contact in June.",
        "parental_health": f"Father{household} has anxiety and misuses alcohol. {given} lives with her father and brother, both registered with the practice.",
        "history_of_abuse": "No previous child protection plans; one safeguarding referral in 2023 about supervision.",
        "impact_analysis": "In my view father's drinking means he is less able to supervise her, which led to the burn and puts her at risk of further injury at home.",
        "danger_statement": f"The practice is worried that if dad keeps drinking and leaves {given} alone, she could be badly burned or hurt again.",
        "working_well": "Dad is warm with her and always brings her to immunisation appointments; I observed him comforting her.",
        "safety_goals": "Dad will make sure an adult is always with her. She will be safe and supervised at home. Professionals will see this at every visit for at least six months.",
        "next_steps": "The practice will review her in four weeks and share any missed appointment with the social worker.",
        "child_voice": f'{given} said "I don\'t like it when daddy sleeps in the day". She seemed quiet and wanted to stay close to her dad.',
    }


async def add_audit(session, world: World) -> World:
    """Auditors for each council and a regional lead, and GP contributions to ICPCs in both councils."""

    async def add(name: str, row: object) -> object:
        session.add(row)
        await session.flush()
        world.ids[name] = row.id  # type: ignore[attr-defined]
        return row

    team = await add("audit_team", Organisation(region_id=world.region, agency_id="gp", name="Northmoor Designated Safeguarding Team", code="NDST"))
    for name, org, la in (("lead", team.id, None), ("auditor_a", world.social_a, world.la_a), ("auditor_b", world.social_b, world.la_b)):
        person = await add(name, Person(organisation_id=org, name=name.replace("_", " ").title(), email=f"{name}@example.org", job_title="Auditor"))
        session.add(PersonRole(person_id=person.id, role=Role.AUDITOR, la_id=la))
    for la, gp, author in (("la_a", "gp1", "gp1_author"), ("la_b", "gp2", "gp2_author")):
        for n, (given, family) in enumerate(CHILDREN[la]):
            born = date(2019, 5, 4) + timedelta(days=97 * n)
            nhs = f"99900{n:02d}{world.ids[la]:03d}"[:10]
            child = await add(f"{la}_child{n}", Child(la_id=world.ids[la], given_name=given, family_name=family, date_of_birth=born, nhs_number=nhs))
            relatives, mentions = household(la, n, family)
            for relative in relatives:
                relative.child_id = child.id
            session.add_all(relatives)
            meeting = soon(5 + n)
            conference = await add(f"{la}_icpc{n}", Conference(la_id=world.ids[la], kind=ConferenceKind.ICPC, status=ConferenceStatus.SCHEDULED,
                                                                 scheduled_at=meeting, chair_id=world.ids[f"chair_{la[-1]}"]))
            session.add(ConferenceChild(conference_id=conference.id, child_id=child.id))
            invitation = await add(f"{la}_inv{n}", Invitation(conference_id=conference.id, organisation_id=world.ids[gp],
                                                              report_due_at=meeting - timedelta(days=3), family_due_at=meeting - timedelta(days=2)))
            await add(f"{la}_gp{n}", Contribution(
                invitation_id=invitation.id, conference_id=conference.id, organisation_id=world.ids[gp], author_id=world.ids[author],
                status=ContributionStatus.AMENDED if n == 1 else ContributionStatus.SUBMITTED, version=2,
                sections=gp_sections(given, family, born, nhs, strong=n % 3 != 2, household=mentions), scales={str(child.id): 4} if n % 2 == 0 else {},
                submitted_at=meeting - timedelta(days=4 if n % 2 == 0 else 1),
                shared_with_family_on=(meeting - timedelta(days=3)).date() if n % 3 == 0 else None,
            ))
    # Never sampled: a GP contribution to a review conference and a school's to an ICPC.
    for name, conference, invitation, org, author in (("gp2_rcpc", "conf_b", "inv_gp2_b", "gp2", "gp2_author"),
                                                      ("school_icpc", "conf_a", "inv_school", "school", "school_author")):
        await add(name, Contribution(invitation_id=world.ids[invitation], conference_id=world.ids[conference], organisation_id=world.ids[org],
                                     author_id=world.ids[author], status=ContributionStatus.SUBMITTED, sections={"worries": "Bruising."},
                                     submitted_at=soon(1)))
    await session.commit()
    return world


def period() -> tuple[str, str]:
    today = clock.now().date()
    return today.isoformat(), (today + timedelta(days=40)).isoformat()
