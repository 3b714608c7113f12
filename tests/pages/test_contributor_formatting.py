from portal.pages.contributors.formatting import govuk_datetime


def test_times_are_written_the_gov_uk_way_in_englands_time():
    assert govuk_datetime("2026-12-13T10:00:00+00:00") == "10am on Sunday 13 December 2026"
    assert govuk_datetime("2026-10-19T10:30:00+00:00") == "11:30am on Monday 19 October 2026"
    assert govuk_datetime("2026-12-14T12:00:00+00:00") == "midday on Monday 14 December 2026"
    assert govuk_datetime("2026-12-14T17:05:00+00:00") == "5:05pm on Monday 14 December 2026"
    assert govuk_datetime(None) == ""
