"""The report's figures from the portal's own conferences: reports on time, children seen before their review."""

from datetime import UTC, date, datetime

from portal.conferences.models import ChildConsultation, Conference, ConferenceChild, Invitation
from portal.contributions.models import Contribution
from portal.enums import ConferenceKind, ConferenceStatus, ContributionStatus, ViewsConveyed
from portal.history.annual import ReportingYear, annual_report
from portal.history.report import load_records
from portal.timescales import RULES_DIR, load_rules

DUE = datetime(2025, 6, 3, 16, 0, tzinfo=UTC)


async def test_reports_and_consultations_of_the_conferences_the_la_held_in_the_year(database, world):
    async with database.session() as session:
        review = Conference(la_id=world.la_a, kind=ConferenceKind.LAC_REVIEW, status=ConferenceStatus.HELD, held_on=date(2025, 6, 10))
        elsewhere = Conference(la_id=world.la_b, kind=ConferenceKind.LAC_REVIEW, status=ConferenceStatus.HELD, held_on=date(2025, 6, 10))
        session.add_all([review, elsewhere])
        await session.flush()
        for conference in (review, elsewhere):
            session.add_all([ConferenceChild(conference_id=conference.id, child_id=world.child_a1),
                             ConferenceChild(conference_id=conference.id, child_id=world.child_a2)])
            session.add(ChildConsultation(conference_id=conference.id, child_id=world.child_a1, seen=True,
                                          views_conveyed=ViewsConveyed.ATTENDED, recorded_by_id=world.chair_a))
        for organisation, status, submitted, shared in (
            (world.gp1, ContributionStatus.SUBMITTED, DUE, date(2025, 6, 5)),  # on time, shared on the family's day
            (world.school, ContributionStatus.DRAFT, None, None),  # never submitted
            (world.gp2, ContributionStatus.AMENDED, datetime(2025, 6, 4, 9, 0, tzinfo=UTC), date(2025, 6, 9)),  # late, shared late
        ):
            invitation = Invitation(conference_id=review.id, organisation_id=organisation, report_due_at=DUE,
                                    family_due_at=datetime(2025, 6, 5, 16, 0, tzinfo=UTC))
            session.add(invitation)
            await session.flush()
            session.add(Contribution(invitation_id=invitation.id, conference_id=review.id, organisation_id=organisation, author_id=world.gp1_author,
                                     status=status, submitted_at=submitted, shared_with_family_on=shared))
        await session.commit()
    async with database.session() as session:
        records = await load_records(session, world.la_a)
    figures = annual_report("easterby", records, ReportingYear.parse("2025-26"), load_rules(RULES_DIR)["default"]).figures
    assert {k: figures[k]["value"] for k in ("children_seen_before_review_pct", "reports.submitted_on_time_pct",
                                               "reports.shared_with_family_on_time_pct")} == {
        "children_seen_before_review_pct": 50.0, "reports.submitted_on_time_pct": 33.3, "reports.shared_with_family_on_time_pct": 33.3}
    assert figures["reports.submitted_on_time_pct"]["last_year"] is None
