from datetime import UTC, date, datetime

import pytest

from portal.audit.contribution import ContributionFormatError, parse_contribution
from tests.support.audit_builders import contribution


def test_parses_the_api_shape():
    c = parse_contribution(contribution())
    assert (c.id, c.status, c.agency_id, c.version) == ("123", "SUBMITTED", "gp", 2)
    assert c.organisation.code == "Y01234" and c.organisation.la_slug == "easterby"
    assert c.author.job_title == "GP partner"
    assert c.submitted_at == datetime(2026, 10, 1, 9, tzinfo=UTC)
    assert c.shared_with_family_on == date(2026, 9, 30)
    assert c.section("immunisations").source.startswith("Primary immunisations")
    assert [(s.child_id, s.score) for s in c.scales] == [("4", 3), ("5", 4)]
    assert c.invitation.family_due_at.hour == 17
    assert c.conference.kind == "ICPC" and [ch.id for ch in c.conference.children] == ["4", "5"]


def test_nulls_where_the_api_allows_them():
    c = parse_contribution(contribution(submittedAt=None, sharedWithFamilyOn=None, invitation=None, status="DRAFT"))
    assert c.submitted_at is None and c.shared_with_family_on is None and c.invitation is None


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"status": "FINAL"}, "status: 'FINAL' is not one of SUBMITTED, DRAFT, AMENDED, WITHDRAWN"),
        ({"submittedAt": "yesterday"}, "submittedAt: expected an ISO 8601 date-time with offset"),
        ({"submittedAt": "2026-10-01T09:00:00"}, "submittedAt: expected an ISO 8601 date-time with offset"),
        ({"sharedWithFamilyOn": "30/09/2026"}, "sharedWithFamilyOn: expected an ISO 8601 date"),
        ({"version": "2"}, "version: expected an integer"),
        ({"scales": [{"childId": "4", "score": 11}]}, "scales[0].score: 11 is outside 0 to 10"),
        ({"sections": [{"id": "worries", "title": "Worries"}]}, "sections[0].text: missing"),
        ({"sections": {"id": "worries"}}, "sections: expected a list"),
        ({"organisation": "Riverside"}, "organisation: expected an object"),
        (
            {"conference": {"id": "31", "kind": "CIN", "scheduledAt": "2026-10-05T10:00:00+00:00", "laSlug": "x"}},
            "conference.kind: 'CIN' is not one of",
        ),
    ],
)
def test_errors_name_the_field(change, message):
    with pytest.raises(ContributionFormatError) as error:
        parse_contribution(contribution(**change))
    assert str(error.value).startswith(message)


def test_not_an_object():
    with pytest.raises(ContributionFormatError, match="contribution: expected an object, got list"):
        parse_contribution([])
