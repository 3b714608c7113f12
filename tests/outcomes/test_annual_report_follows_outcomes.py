"""`portal report annual` counts what a chair records: the plan an ICPC starts (plans by category) and the minutes sent;
`portal export ssda903-reviews` writes the participation code the chair confirmed."""

import json
from datetime import date

from portal.conferences.models import ChildConsultation, Conference, ConferenceChild
from portal.enums import ConferenceKind, ConferenceStatus, ViewsConveyed
from tests.support.dfe_returns import run as command
from tests.support.outcomes import hold, icpc, record, run


def figures(database_url: str) -> dict:
    printed = command(["report", "annual", "--la", "easterby", "--year", "2026-27", "--json"], PORTAL_DATABASE_URL=database_url)
    assert printed.returncode == 0, printed.stderr
    return json.loads(printed.stdout)["figures"]


async def test_the_annual_report_changes_after_the_chair_records_the_outcome_and_the_minutes(api, world, database, database_url):
    await hold(database, world.conf_a, {world.child_a1: "EA1001", world.child_a2: "EA1002"})
    before = figures(database_url)
    assert before["cp_plans.by_category"]["value"] == {"NEG": 0, "PHY": 0, "EMO": 0, "SAB": 0, "MUL": 0}
    assert before["outcomes.minutes_on_time_pct"] | {"definition": ""} == {
        "label": "Minutes sent on time (%)", "definition": "", "value": None, "count": 0, "of": 0, "last_year": None}

    assert (await record(api, world, icpc(world), world.chair_a))["errors"] == []
    assert (await run(api, "RecordMinutesSent", {"conference": world.id("conf_a"), "sentOn": "2026-10-12"}, world.chair_a))["recordMinutesSent"]["errors"] == []
    after = figures(database_url)
    assert after["cp_plans.by_category"]["value"] == {"NEG": 1, "PHY": 0, "EMO": 0, "SAB": 0, "MUL": 1}
    assert after["cp_plans.second_or_subsequent"] | {"definition": "", "label": ""} == {
        "label": "", "definition": "", "value": 0, "of": 2, "last_year": None}
    assert (after["outcomes.minutes_on_time_pct"]["value"], after["outcomes.minutes_on_time_pct"]["of"]) == (100.0, 1)


async def test_the_reviews_export_writes_the_code_the_chair_confirmed_over_the_consultations(api, world, database, database_url, tmp_path):
    async with database.session() as session:
        review = Conference(la_id=world.la_a, kind=ConferenceKind.LAC_REVIEW, status=ConferenceStatus.SCHEDULED, chair_id=world.chair_a,
                            became_looked_after_on=date(2026, 9, 1), review_number=1)
        session.add(review)
        await session.flush()
        session.add(ConferenceChild(conference_id=review.id, child_id=world.child_a1))
        session.add(ChildConsultation(conference_id=review.id, child_id=world.child_a1, seen=True, views_conveyed=ViewsConveyed.ATTENDED,
                                      recorded_by_id=world.chair_a))
        await session.commit()
        review_id = review.id
    await hold(database, review_id, {world.child_a1: "EA1001"})
    target = tmp_path / "reviews.csv"

    def exported() -> str:
        result = command(["export", "ssda903-reviews", "--la", "easterby", "--year", "2026-27", "--out", str(target)], PORTAL_DATABASE_URL=database_url)
        assert result.returncode == 0, result.stderr
        return target.read_text()

    assert exported() == "CHILD,DOB,REVIEW,REVIEW_CODE\nEA1001,02/04/2018,12/10/2026,PN1\n"  # from the consultation: attended
    recorded = await record(api, world, {"conferenceId": str(review_id), "carePlanEndorsed": True, "decisions": "Stays with her grandmother.",
                                         "nextReviewOn": "2027-01-04", "children": [{"childId": world.id("child_a1"), "participation": "PN2"}]},
                            world.chair_a)
    assert recorded["errors"] == []
    assert exported() == "CHILD,DOB,REVIEW,REVIEW_CODE\nEA1001,02/04/2018,12/10/2026,PN2\n"  # an advocate spoke for her, as the chair recorded
