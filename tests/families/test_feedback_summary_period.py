"""What families told us, over a period: meetingFeedback counts a reporting year or dates chosen and explains a period it
cannot count (ends before it starts, longer than two years) by the argument to change; the page has a year select, date
inputs and, for someone reading two councils, a council select; bad input is shown in an error summary with what was typed
kept; anyone else, or another council: not found."""

from portal.enums import Role
from portal.people.models import PersonRole
from tests.families.test_after_the_meeting import SENT, as_, held
from tests.history.conftest import add_managers
from tests.support.families import separated_parents
from tests.support.people import EVERYONE

PAGE = "/what-families-told-us"
PERIOD = """query($la: ID!, $start: Date, $end: Date) { meetingFeedback(laId: $la, start: $start, end: $end) { startsOn endsOn responses } }"""
COUNCILS = "{ meetingFeedbackCouncils { id name } }"


def dates(start: tuple[str, str, str], end: tuple[str, str, str], **more: str) -> dict[str, str]:
    typed = {f"from-{part}": value for part, value in zip(("day", "month", "year"), start, strict=True)}
    return typed | {f"to-{part}": value for part, value in zip(("day", "month", "year"), end, strict=True)} | more


async def told(api, world, database) -> dict[str, int]:
    managers = await add_managers(database, world)
    family = await separated_parents(api, world, database)
    await held(api, world)  # on 12 October 2026, the pinned day
    sent = await api.mutate("sendMeetingFeedback", {"conferenceId": world.id("conf_a"), "helped": "Reading the reports first."}, SENT,
                            as_=family.mother)
    assert not sent["errors"], sent
    return managers


async def test_the_field_counts_the_period_asked_for_and_explains_one_it_cannot(api, world, database):
    managers = await told(api, world, database)
    la = world.id("la_a")
    found = (await api(PERIOD, {"la": la}, as_=managers["hos_a"]))["meetingFeedback"]
    assert found == {"startsOn": "2025-10-12", "endsOn": "2026-10-12", "responses": 1}
    year = (await api(PERIOD, {"la": la, "start": "2025-04-01", "end": "2026-03-31"}, as_=managers["hos_a"]))["meetingFeedback"]
    assert year == {"startsOn": "2025-04-01", "endsOn": "2026-03-31", "responses": 0}
    for start, end, argument, message in (
            ("2026-10-13", "2026-10-01", "end", "The end of the period must be the same as or after its start (13 October 2026)"),
            ("2026-10-13", None, "end", "The end of the period must be the same as or after its start (13 October 2026)"),
            ("2023-01-01", "2026-01-01", "end", "The period can be at most two years (731 days) long: this one is 1,097 days")):
        body = (await api.raw(PERIOD, {"la": la, "start": start, "end": end}, managers["irom_a"])).json()
        assert body["data"] == {"meetingFeedback": None}, start
        (error,) = body["errors"]
        assert error["message"] == message and error["extensions"] == {"code": "INVALID", "argument": argument}, error
    assert (await api(PERIOD, {"la": la, "start": "2024-10-12", "end": "2026-10-12"}, as_=managers["hos_a"]))["meetingFeedback"]["responses"] == 1
    for person in [managers["hos_b"]] + [getattr(world, n) for n in EVERYONE]:  # the period is not even looked at
        body = (await api.raw(PERIOD, {"la": la, "start": "2026-10-13", "end": "2026-10-01"}, person)).json()
        assert body == {"data": {"meetingFeedback": None}}, person
        assert (await api(COUNCILS, as_=person))["meetingFeedbackCouncils"] == ([] if person != managers["hos_b"] else [
            {"id": world.id("la_b"), "name": "Westmarsh Council"}])
    assert (await api(COUNCILS, as_=managers["hos_a"]))["meetingFeedbackCouncils"] == [{"id": la, "name": "Easterby City Council"}]


async def test_the_page_shows_a_reporting_year_or_dates_chosen_with_the_period_in_its_heading(api, world, database):
    managers = await told(api, world, database)
    default = await api.client.get(PAGE, headers=as_(managers["hos_a"]))
    assert default.status_code == 200 and "from 12 October 2025 to 12 October 2026</span></h1>" in default.text
    assert "Easterby City Council" in default.text and 'name="la" value="%s"' % world.id("la_a") in default.text
    assert '<option value="2026-27">2026-27</option>' in default.text and '<option value="2017-18">' in default.text
    assert "Reading the reports first." in default.text
    this_year = await api.client.get(PAGE, params={"year": "2026-27"}, headers=as_(managers["hos_a"]))
    assert "from 1 April 2026 to 31 March 2027" in this_year.text and "Reading the reports first." in this_year.text
    assert '<option value="2026-27" selected>' in this_year.text
    last_year = await api.client.get(PAGE, params={"year": "2025-26"}, headers=as_(managers["irom_a"]))
    assert "from 1 April 2025 to 31 March 2026" in last_year.text and "Reading the reports first." not in last_year.text
    chosen = await api.client.get(PAGE, params=dates(("1", "10", "2026"), ("31", "10", "2026")), headers=as_(managers["hos_a"]))
    assert chosen.status_code == 200 and "from 1 October 2026 to 31 October 2026" in chosen.text and "Reading the reports first." in chosen.text
    assert 'id="from-day" name="from-day" type="text" value="1"' in chosen.text.replace(' inputmode="numeric"', "")


async def test_bad_periods_are_explained_in_an_error_summary_keeping_what_was_typed(api, world, database):
    managers = await told(api, world, database)
    for params, field, message in (
            (dates(("31", "2", "2026"), ("1", "3", "2026")), "from-day", "The first day must be a real date"),
            (dates(("1", "4", "2026"), ("1", "13", "2026")), "to-day", "The last day must be a real date"),
            (dates(("1", "", ""), ("", "", "")), "from-month", "The first day must include a month and year"),
            (dates(("1", "4", "2026"), ("", "", "")), "to-day", "Enter the last day"),
            (dates(("x", "4", "2026"), ("1", "5", "2026")), "from-day", "The first day must be a real date"),
            (dates(("1", "10", "2026"), ("1", "9", "2026")), "to-day", "The end of the period must be the same as or after its start (1 October 2026)"),
            (dates(("1", "1", "2020"), ("1", "1", "2026")), "to-day", "The period can be at most two years (731 days) long: this one is 2,193 days"),
            ({"year": "2014-15"}, "year", "Choose a reporting year from the list"),
            ({"year": "<b>"}, "year", "Choose a reporting year from the list")):
        page = await api.client.get(PAGE, params=params, headers=as_(managers["hos_a"]))
        assert page.status_code == 200, params
        assert "govuk-error-summary" in page.text and f'<a href="#{field}">{message}</a>' in page.text, (params, page.text[:3000])
        assert page.text.count(message) == 2 and "<title>Error: " in page.text  # in the summary and beside the field
        assert "Reading the reports first." not in page.text and "</span></h1>" not in page.text
        for name, value in params.items():
            if name != "year" and value:
                assert f'name="{name}" type="text" value="{value}"' in page.text.replace(' inputmode="numeric"', ""), (name, value)


async def test_a_council_select_for_someone_reading_two_and_not_found_for_anyone_else_or_another_council(api, world, database):
    managers = await told(api, world, database)
    async with database.session() as session:
        session.add(PersonRole(person_id=managers["hos_a"], role=Role.HEAD_OF_SERVICE, la_id=world.la_b))
        await session.commit()
    both = await api.client.get(PAGE, headers=as_(managers["hos_a"]))
    assert '<select class="govuk-select" id="la" name="la">' in both.text
    assert f'<option value="{world.id("la_a")}" selected>Easterby City Council</option>' in both.text
    assert f'<option value="{world.id("la_b")}">Westmarsh Council</option>' in both.text
    other = await api.client.get(PAGE, params={"la": world.id("la_b"), "year": "2026-27"}, headers=as_(managers["hos_a"]))
    assert other.status_code == 200 and '<span class="govuk-caption-l">Westmarsh Council</span>' in other.text
    assert "Reading the reports first." not in other.text and "from 1 April 2026 to 31 March 2027" in other.text
    assert f'<option value="{world.id("la_b")}" selected>Westmarsh Council</option>' in other.text
    for la in (world.id("la_a"), "abc", "999999", ""):
        assert (await api.client.get(PAGE, params={"la": la}, headers=as_(managers["hos_b"]))).status_code == (200 if la == "" else 404), la
    for person in [getattr(world, n) for n in EVERYONE]:
        for params in ({}, {"la": world.id("la_a")}, dates(("31", "2", "2026"), ("1", "3", "2026"), la=world.id("la_a"))):
            refused = await api.client.get(PAGE, params=params, headers=as_(person))
            assert refused.status_code == 404 and "There is a problem" not in refused.text, person
