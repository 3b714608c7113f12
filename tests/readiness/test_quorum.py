from dataclasses import replace

from portal.enums import Role
from portal.readiness import Status
from portal.readiness.checks.quorum import check
from tests.support.readiness_inputs import AFTER_MEETING, POLICE, RULES, SCHOOL, SOCIAL_CARE, without


def _drop(data, *orgs):
    for org in orgs:
        data = replace(data, contributions=without(data, org))
    return data


def test_met_with_social_care_and_three_others(ready) -> None:
    result = check(ready)
    assert result.status is Status.MET
    assert "3 other agencies" in result.explanation


def test_two_others_is_enough_by_default(ready) -> None:
    assert check(_drop(ready, POLICE)).status is Status.MET


def test_holmcastle_needs_three_others(ready) -> None:
    data = replace(_drop(ready, POLICE), rules=RULES["holmcastle"])
    result = check(data)
    assert result.status is Status.AT_RISK
    assert "Northmoor Constabulary" in result.explanation
    assert check(replace(data, now=AFTER_MEETING)).status is Status.NOT_MET


def test_social_care_must_contribute(ready) -> None:
    result = check(_drop(ready, SOCIAL_CARE))
    assert result.status is Status.AT_RISK
    assert "without social care" in result.explanation
    assert result.who_must_act[0].organisation_name == "Brackenridge Children's Services"


def test_not_enough_agencies_invited_is_for_business_support(ready) -> None:
    data = replace(ready, invitations=tuple(i for i in ready.invitations if i.organisation not in (SCHOOL, POLICE)))
    result = check(data)
    assert result.status is Status.NOT_MET
    assert [a.role for a in result.who_must_act] == [Role.BUSINESS_SUPPORT]
    assert "1 other agencies are invited" in result.explanation
