"""Importing SSDA903 folders and CIN census files: idempotent, every refusal located, a file whole or not at all."""

from sqlalchemy import func, select

from portal.history.imports import import_cin_census, import_ssda903
from portal.history.models import HistoryChild, LookedAfterEpisode, LookedAfterReview, ProtectionPlan, Section47Enquiry
from tests.support.dfe_returns import CENSUS, EPISODES, HEADER, REVIEWS, census, folder


async def counts(database) -> dict[str, int]:
    async with database.session() as session:
        return {model.__tablename__: (await session.execute(select(func.count()).select_from(model))).scalar_one()
                for model in (HistoryChild, LookedAfterEpisode, LookedAfterReview, ProtectionPlan, Section47Enquiry)}


def summary(results) -> list[tuple[str, int, int, int]]:
    return [(w.file, w.added, w.changed, w.unchanged) for w in results]


async def test_an_ssda903_folder_imports_once_and_a_second_time_changes_nothing(database, la, tmp_path):
    directory = folder(tmp_path)
    async with database.session() as session:
        first = await import_ssda903(session, la.id, directory)
    assert summary(first) == [("header.csv", 2, 0, 0), ("episodes.csv", 3, 0, 0), ("reviews.csv", 3, 0, 0)]
    async with database.session() as session:
        second = await import_ssda903(session, la.id, directory)
    assert summary(second) == [("header.csv", 0, 0, 2), ("episodes.csv", 0, 0, 3), ("reviews.csv", 0, 0, 3)]
    assert await counts(database) == {"history_child": 2, "looked_after_episode": 3, "looked_after_review": 3, "protection_plan": 0, "section47_enquiry": 0}
    async with database.session() as session:
        episode = (await session.execute(select(LookedAfterEpisode).where(LookedAfterEpisode.reason_new_episode == "P"))).scalar_one()
    assert (episode.la_child_id, episode.started_on.isoformat(), episode.placement, episode.reason_place_change, episode.placement_postcode) == (
        "A1", "2018-09-02", "U3", "CARPL", "DL1")


async def test_next_years_return_closes_the_episode_left_open(database, la, tmp_path):
    async with database.session() as session:
        await import_ssda903(session, la.id, folder(tmp_path, "2018-19"))
    later = EPISODES.replace("A1,02/09/2018,P,C2,N1,U3,PR1,,,CARPL", "A1,02/09/2018,P,C2,N1,U3,PR1,30/06/2019,E4A,CARPL")
    async with database.session() as session:
        results = await import_ssda903(session, la.id, folder(tmp_path, "2019-20", episodes=later))
    assert summary(results)[1] == ("episodes.csv", 0, 1, 2)
    async with database.session() as session:
        ended = (await session.execute(select(LookedAfterEpisode.ended_on, LookedAfterEpisode.reason_ended).where(
            LookedAfterEpisode.reason_new_episode == "P"))).one()
    assert (ended[0].isoformat(), ended[1]) == ("2019-06-30", "E4A")


async def test_a_file_with_refused_rows_imports_none_of_its_rows_and_names_each_by_line_and_field(database, la, tmp_path):
    bad = EPISODES + "A2,31/02/2019,S,C2,N1,U1,PR1,,,,,,\nA2,01/03/2019,Q,C2,N1,ZZ,PR1,,,,,,\nA9,01/03/2019,S,C2,N1,U1,PR1,,,,,,\n"
    async with database.session() as session:
        results = await import_ssda903(session, la.id, folder(tmp_path, episodes=bad))
    header, episodes, reviews = results
    assert not header.refused and not reviews.refused
    assert [str(r) for r in episodes.rejections] == [
        "episodes.csv:5: DECOM: '31/02/2019' is not a date (dd/mm/yyyy)",
        "episodes.csv:6: PLACE: 'ZZ' is not a DfE code for PLACE",
        "episodes.csv:6: RNE: 'Q' is not a DfE code for RNE",
        "episodes.csv:7: CHILD: no child 'A9' in header.csv or an earlier import",
    ]
    assert (await counts(database))["looked_after_episode"] == 0
    assert (await counts(database))["looked_after_review"] == 3


async def test_a_file_missing_a_column_or_repeating_a_row_is_refused(database, la, tmp_path):
    no_rec = EPISODES.replace(",REC,", ",",  1)
    repeated = REVIEWS + "A1,14/02/2010,05/06/2018,PN2\n"
    async with database.session() as session:
        results = await import_ssda903(session, la.id, folder(tmp_path, episodes=no_rec, reviews=repeated))
    assert [str(r) for w in results for r in w.rejections] == [
        "episodes.csv:1: REC: the header row lacks the column REC",
        "reviews.csv:5: REVIEW: repeats the row on line 2",
    ]
    assert await counts(database) == {"history_child": 2, "looked_after_episode": 0, "looked_after_review": 0, "protection_plan": 0, "section47_enquiry": 0}


async def test_a_cin_census_imports_once_and_a_second_time_changes_nothing(database, la, tmp_path):
    async with database.session() as session:
        first = await import_cin_census(session, la.id, census(tmp_path))
    assert (first.added, first.changed, first.unchanged, first.rejections) == (5, 0, 0, [])
    async with database.session() as session:
        second = await import_cin_census(session, la.id, census(tmp_path))
    assert (second.added, second.changed, second.unchanged) == (0, 0, 5)
    async with database.session() as session:
        plan = (await session.execute(select(ProtectionPlan))).scalar_one()
        enquiries = (await session.execute(select(Section47Enquiry).order_by(Section47Enquiry.started_on))).scalars().all()
    assert (plan.initial_category, plan.latest_category, plan.previous_plans, plan.ended_on.isoformat(), plan.review_dates) == (
        "NEG", "MUL", 1, "2019-03-31", "2018-08-10 2019-02-01")
    assert [(e.la_child_id, e.initial_conference_on, e.icpc_not_required) for e in enquiries] == [
        ("A1", plan.started_on, False), ("C7", None, True)]


async def test_the_census_fills_in_a_child_the_ssda903_header_described_without_overwriting_it(database, la, tmp_path):
    async with database.session() as session:
        await import_ssda903(session, la.id, folder(tmp_path))
        written = await import_cin_census(session, la.id, census(tmp_path, CENSUS.replace("2010-02-14", "2010-02-15")))
    assert (written.added, written.changed, written.unchanged) == (4, 0, 1)
    async with database.session() as session:
        born = (await session.execute(select(HistoryChild.date_of_birth).where(HistoryChild.la_child_id == "A1"))).scalar_one()
    assert born.isoformat() == "2010-02-14"


async def test_census_rows_refused_with_their_line_and_element_and_nothing_written(database, la, tmp_path):
    bad = CENSUS.replace("<InitialCategoryOfAbuse>NEG", "<InitialCategoryOfAbuse>BAD").replace(
        "<S47ActualStartDate>2019-01-07", "<S47ActualStartDate>07/01/2019")
    async with database.session() as session:
        written = await import_cin_census(session, la.id, census(tmp_path, bad))
    assert [str(r) for r in written.rejections] == [
        "cin.xml:21: ChildProtectionPlans/InitialCategoryOfAbuse: 'BAD' is not a DfE code for ChildProtectionPlans/InitialCategoryOfAbuse",
        "cin.xml:31: Section47/S47ActualStartDate: '07/01/2019' is not a date (yyyy-mm-dd)",
    ]
    assert sum((await counts(database)).values()) == 0


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE Message [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<Message><Children><Child><ChildIdentifiers><LAchildID>&lol3;</LAchildID></ChildIdentifiers></Child></Children></Message>
"""
EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE Message [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<Message><Children><Child><ChildIdentifiers><LAchildID>&secret;</LAchildID></ChildIdentifiers></Child></Children></Message>
"""


async def test_hostile_or_broken_xml_is_refused_unread(database, la, tmp_path):
    results = []
    for name, text in (("laughs.xml", BILLION_LAUGHS), ("external.xml", EXTERNAL), ("broken.xml", CENSUS[:400]), ("other.xml", "<Return/>")):
        async with database.session() as session:
            results.append(str((await import_cin_census(session, la.id, census(tmp_path, text, name))).rejections[0]))
    assert results[0] == "laughs.xml:2: declares a DTD or entities, which the census never needs: refused unread"
    assert results[1] == "external.xml:2: declares a DTD or entities, which the census never needs: refused unread"
    assert results[2].startswith("broken.xml:14: is not well-formed XML")
    assert results[3] == "other.xml:1: Message: is not a CIN census: expected Message/Children/Child"
    assert sum((await counts(database)).values()) == 0


async def test_a_upn_or_urn_too_long_is_refused_with_its_line_and_field_not_cut_short(database, la, tmp_path):
    long_upn = HEADER.replace("A2,2,03/07/2015,BAFR,,,", "A2,2,03/07/2015,BAFR,A12345678901234,,")
    long_urn = EPISODES.replace("E13,,TS2,TS3,", "E13,,TS2,TS3,SC1234567")
    async with database.session() as session:
        upn = await import_ssda903(session, la.id, folder(tmp_path, "upn", header=long_upn, episodes="", reviews=""))
    assert [str(r) for r in upn[0].rejections] == ["header.csv:3: UPN: is 15 characters: a unique pupil number has at most 13"]
    assert (await counts(database))["history_child"] == 0
    async with database.session() as session:
        urn = await import_ssda903(session, la.id, folder(tmp_path, "urn", episodes=long_urn))
    assert [str(r) for w in urn for r in w.rejections] == ["episodes.csv:4: URN: is 9 characters: an Ofsted unique reference number has at most 8"]
    counted = await counts(database)
    assert (counted["history_child"], counted["looked_after_episode"], counted["looked_after_review"]) == (2, 0, 3)


async def test_a_census_upn_too_long_is_refused_with_its_line_not_cut_short(database, la, tmp_path):
    long_upn = CENSUS.replace("<PersonBirthDate>2010-02-14</PersonBirthDate>", "<PersonBirthDate>2010-02-14</PersonBirthDate>\n        <UPN>A12345678901234</UPN>")
    async with database.session() as session:
        written = await import_cin_census(session, la.id, census(tmp_path, long_upn))
    assert [str(r) for r in written.rejections] == ["cin.xml:9: ChildIdentifiers/UPN: is 15 characters: a unique pupil number has at most 13"]
    assert sum((await counts(database)).values()) == 0
