"""The IRO annual report's challenge figures, one test per definition, on challenges worked out by hand
(a reporting year runs from 1 April to 31 March), and the report from challenges the portal recorded."""

from datetime import date

from portal.challenges.figures import ChallengeRecord
from portal.history import annual
from portal.history.annual import Records, ReportingYear
from portal.history.report import load_records
from tests.support.challenges import RULES, as_person, raise_one

YEAR = ReportingYear.parse("2025-26")
DEFAULT = RULES["default"]


def record(raised: str, reasons: tuple[str, ...], stage: str, position: int, outcome: str | None, name: str = "") -> ChallengeRecord:
    names = {s.id: s.name for s in DEFAULT.challenges.stages}
    return ChallengeRecord(raised_on=date.fromisoformat(raised), kind="FORMAL", reasons=reasons, stage=stage, stage_name=name or names[stage],
                           position=position, outcome=outcome, status="OPEN" if outcome in (None, "NOT_UPHELD") else "CLOSED",
                           due_on=date.fromisoformat(raised), closed_on=None)


RECORDS = Records(challenges=[
    record("2025-04-01", ("report_quality", "other"), "informal", 0, "RESOLVED"),  # the year's first day
    record("2026-03-31", ("report_quality",), "director", 4, "UPHELD"),  # its last day
    record("2025-10-10", ("child_not_consulted",), "head_of_service", 3, "NOT_UPHELD"),
    record("2025-06-01", ("decisions_not_actioned",), "panel", 2, None, "Legal gateway panel"),  # a stage the LA's rules no longer hold
    record("2025-03-31", ("report_quality",), "director", 4, "UPHELD"),  # last year
    record("2026-04-01", ("report_quality",), "director", 4, "UPHELD"),  # next year
])


def test_raised_counts_alerts_and_challenges_raised_from_1_april_to_31_march():
    assert annual.challenges_raised(RECORDS, YEAR) == {"value": 4}
    assert annual.challenges_raised(RECORDS, YEAR.previous()) == {"value": 1}


def test_by_reason_counts_a_challenge_under_each_of_its_reasons_as_a_share_of_those_raised():
    found = annual.challenges_by_reason(RECORDS, YEAR)
    assert found["of"] == 4
    counts = {reason: (part["count"], part["value"]) for reason, part in found["value"].items()}
    assert counts["report_quality"] == (2, 50.0) and counts["other"] == (1, 25.0) and counts["child_not_consulted"] == (1, 25.0)
    assert counts["decisions_not_actioned"] == (1, 25.0) and counts["paperwork_not_completed"] == (0, 0.0)
    assert list(found["value"])[-1] == "other" and found["value"]["other"]["meaning"] == "Other"


def test_by_highest_stage_counts_each_challenge_once_at_the_furthest_stage_it_reached_in_the_las_order():
    found = annual.challenges_by_highest_stage(RECORDS, YEAR, DEFAULT)
    assert [(stage, part["count"]) for stage, part in found["value"].items()] == [
        ("informal", 1), ("team_manager", 0), ("service_manager", 0), ("head_of_service", 1), ("director", 1), ("cafcass", 0), ("panel", 1)]
    assert found["of"] == 4 and found["value"]["panel"]["meaning"] == "Legal gateway panel" and found["value"]["director"]["value"] == 25.0


def test_upheld_counts_those_whose_last_answer_upheld_them_out_of_all_raised():
    assert annual.challenges_upheld(RECORDS, YEAR) == {"value": 1, "of": 4}
    assert annual.challenges_upheld(Records(), YEAR) == {"value": 0, "of": 0}


def test_the_report_gives_last_years_challenges_only_where_some_were_raised():
    report = annual.annual_report("easterby", RECORDS, YEAR, DEFAULT).as_json()["figures"]
    assert report["challenges.raised"]["value"] == 4 and report["challenges.raised"]["last_year"] == {"value": 1}
    assert report["challenges.upheld"]["definition"].startswith("Challenges raised in the year whose last answer")
    early = annual.annual_report("easterby", RECORDS, YEAR.previous(), DEFAULT).as_json()["figures"]
    assert early["challenges.raised"]["last_year"] is None


async def test_the_report_counts_the_challenges_the_portal_recorded(database, managed, frozen):
    from portal.challenges import services

    first = await raise_one(database, managed, reasons=["report_quality", "child_not_consulted"])
    await raise_one(database, managed, child_id=managed.id("child_a2"), reasons=["report_quality"], stage="director", responder_id=None)
    await as_person(database, managed.chair_a, lambda s, a: services.escalate_challenge(s, a, first.id, "service_manager", None, rules=RULES))
    await as_person(database, managed.sm_a, lambda s, a: services.respond_to_challenge(s, a, first.id, "UPHELD", "Agreed."))
    await raise_one(database, managed, by="chair_b", child_id=managed.id("child_b1"), responder_id=None)
    async with database.session() as session:
        records = await load_records(session, managed.la_a)
    figures = annual.annual_report("easterby", records, ReportingYear.parse("2026-27"), RULES["easterby"]).as_json()["figures"]
    assert figures["challenges.raised"]["value"] == 2
    assert {k: v["count"] for k, v in figures["challenges.by_reason"]["value"].items() if v["count"]} == {"report_quality": 2, "child_not_consulted": 1}
    assert {k: v["count"] for k, v in figures["challenges.by_highest_stage"]["value"].items() if v["count"]} == {"service_manager": 1, "director": 1}
    assert figures["challenges.upheld"] == figures["challenges.upheld"] | {"value": 1, "of": 2}
