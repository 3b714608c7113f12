"""A conference that is ready in every respect; each test changes one thing."""

from dataclasses import replace
from datetime import UTC, date, datetime

from portal.enums import ConferenceKind, ContributionStatus, ViewsConveyed
from portal.readiness import ChildConsultation, Contribution, Invitation, Organisation, ReadinessInput
from portal.timescales import RULES_DIR, Anchors, load_rules

RULES = load_rules(RULES_DIR)
MEETING = datetime(2026, 10, 8, 9, 0, tzinfo=UTC)  # Thu 8 Oct 2026, 10:00 in London
REPORT_DUE = datetime(2026, 10, 5, 16, 0, tzinfo=UTC)  # Mon 5 Oct, 17:00 in London
BEFORE_DUE = datetime(2026, 10, 1, 12, 0, tzinfo=UTC)
AFTER_DUE = datetime(2026, 10, 6, 12, 0, tzinfo=UTC)
AFTER_MEETING = datetime(2026, 10, 8, 15, 0, tzinfo=UTC)

SOCIAL_CARE = Organisation("1", "Brackenridge Children's Services", "social_care")
GP = Organisation("7", "Riverside Surgery", "gp")
SCHOOL = Organisation("8", "Hollins Lane Primary School", "school")
POLICE = Organisation("9", "Northmoor Constabulary", "police")


def invitation(org: Organisation) -> Invitation:
    return Invitation(f"inv-{org.id}", org, REPORT_DUE, REPORT_DUE)


def contribution(org: Organisation, **changes) -> Contribution:
    base = Contribution(
        id=f"c-{org.id}",
        invitation_id=f"inv-{org.id}",
        status=ContributionStatus.SUBMITTED,
        submitted_at=datetime(2026, 10, 2, 9, 0, tzinfo=UTC),
        shared_with_family_on=date(2026, 10, 2),
        sections={"worries": "Worries in plain words."},
        scales={"4": 4, "5": 5},
    )
    return replace(base, **changes)


def ready_conference(**changes) -> ReadinessInput:
    orgs = (SOCIAL_CARE, GP, SCHOOL, POLICE)
    base = ReadinessInput(
        conference_id="31",
        kind=ConferenceKind.ICPC,
        meeting_at=MEETING,
        anchors=Anchors(strategy_discussion=date(2026, 9, 21)),
        rules=RULES["default"],
        children=("4", "5"),
        invitations=tuple(invitation(o) for o in orgs),
        contributions=(
            contribution(SOCIAL_CARE, sections={
                "danger_statement": "Social care, the school and the GP are worried that ...",
                "safety_goals": "Both parents will ...",
            }),
            contribution(GP),
            contribution(SCHOOL),
            contribution(POLICE),
        ),
        consultations=(
            ChildConsultation("4", True, ViewsConveyed.ADVOCATE),
            ChildConsultation("5", True, ViewsConveyed.ATTENDED),
        ),
        now=AFTER_DUE,
    )
    return replace(base, **changes)


def without(data: ReadinessInput, org: Organisation) -> tuple[Contribution, ...]:
    return tuple(c for c in data.contributions if c.invitation_id != f"inv-{org.id}")


def changed(data: ReadinessInput, org: Organisation, **changes) -> tuple[Contribution, ...]:
    return tuple(replace(c, **changes) if c.invitation_id == f"inv-{org.id}" else c for c in data.contributions)
