"""The criteria judged from timestamps and scales rather than text."""

from portal.audit.results import Level

DUE = {"id": "55", "reportDueAt": "2026-10-02T10:00:00+00:00", "familyDueAt": "2026-09-30T17:00:00+00:00"}


def test_submitted_before_due_is_met(score):
    result = score(submittedAt="2026-10-02T09:59:00+00:00")["submitted_on_time"]
    assert result.level is Level.MET
    assert {e.field for e in result.evidence} == {"submittedAt", "invitation.reportDueAt"}


def test_submitted_late_but_before_conference_is_partly_met(score):
    result = score(submittedAt="2026-10-03T16:00:00+00:00")
    assert result["submitted_on_time"].level is Level.PARTLY_MET
    assert result["submitted_on_time"].reason == "Submitted late, but before the conference started: submitted 30 hours late, before the conference"
    assert result.late is True


def test_submitted_after_conference_started_is_not_met(score):
    result = score(submittedAt="2026-10-05T10:30:00+00:00")["submitted_on_time"]
    assert result.level is Level.NOT_MET and "after the conference" in result.reason


def test_draft_not_submitted_is_not_met_with_due_date_advice(score):
    result = score(status="DRAFT", submittedAt=None)["submitted_on_time"]
    assert result.level is Level.NOT_MET
    assert any("02 Oct 2026 11:00" in a for a in result.advice)  # shown in UK local time (BST)


def test_no_due_time_is_not_applicable(score):
    result = score(invitation={"id": "55", "reportDueAt": None, "familyDueAt": None})
    assert result["submitted_on_time"].level is Level.NOT_APPLICABLE
    assert result.late is None


def test_shared_by_family_deadline_is_met(score):
    assert score(sharedWithFamilyOn="2026-09-29")["shared_with_family"].level is Level.MET


def test_shared_after_family_deadline_before_conference_day_is_partly_met(score):
    result = score(sharedWithFamilyOn="2026-10-02")["shared_with_family"]
    assert result.level is Level.PARTLY_MET
    assert result.reason == (
        "Shared after the family deadline but before the conference day: shared 2 days after the family deadline, before the conference"
    )


def test_shared_on_conference_day_is_not_met(score):
    assert score(sharedWithFamilyOn="2026-10-05")["shared_with_family"].level is Level.NOT_MET


def test_never_shared_is_not_met_and_counted(score):
    result = score(sharedWithFamilyOn=None)
    assert result["shared_with_family"].level is Level.NOT_MET
    assert result.never_shared is True


def test_without_family_deadline_any_day_before_conference_is_met(score):
    invitation = {"id": "55", "reportDueAt": "2026-10-02T10:00:00+00:00", "familyDueAt": None}
    assert score(invitation=invitation, sharedWithFamilyOn="2026-10-04")["shared_with_family"].level is Level.MET


def test_family_deadline_is_compared_as_a_uk_date(score):
    # 23:30 UTC on 30 September is 00:30 on 1 October in London (BST).
    invitation = dict(DUE, familyDueAt="2026-09-30T23:30:00+00:00")
    assert score(invitation=invitation, sharedWithFamilyOn="2026-10-01")["shared_with_family"].level is Level.MET


def test_a_scale_for_every_child_is_met(score):
    result = score()["safety_scale"]
    assert result.level is Level.MET
    assert [e.quote for e in result.evidence] == ["child 4: 3/10", "child 5: 4/10"]


def test_a_scale_for_some_children_is_partly_met(score):
    result = score(scales=[{"childId": "4", "score": 2}])["safety_scale"]
    assert result.level is Level.PARTLY_MET and result.reason.endswith(": no score for child 5")
    assert result.reason.startswith("Some children have a score")


def test_no_scale_is_not_met(score):
    assert score(scales=[])["safety_scale"].level is Level.NOT_MET


def test_a_scale_for_a_child_not_at_the_conference_does_not_count(score):
    assert score(scales=[{"childId": "99", "score": 5}])["safety_scale"].level is Level.NOT_MET


AGREED = [{"sectionId": "parental_health", "decision": "AGREED"}]


def test_not_shared_because_the_chair_agreed_to_withhold_is_not_applicable(score):
    result = score(sharedWithFamilyOn=None, withholdingRequests=AGREED)["shared_with_family"]
    assert result.level is Level.NOT_APPLICABLE
    assert result.reason.startswith("Not shared because the chair agreed to withhold the report")
    assert [e.field for e in result.evidence] == ["withholdingRequests"]


def test_a_withholding_not_agreed_does_not_excuse_sharing(score):
    for decision in ("PENDING", "REFUSED"):
        requests = [{"sectionId": "parental_health", "decision": decision}]
        assert score(sharedWithFamilyOn=None, withholdingRequests=requests)["shared_with_family"].level is Level.NOT_MET


def test_shared_on_time_with_an_agreed_withholding_is_judged_on_the_date(score):
    assert score(sharedWithFamilyOn="2026-09-29", withholdingRequests=AGREED)["shared_with_family"].level is Level.MET


def test_a_scale_written_as_a_range_is_partly_met(score):
    result = score({"other_information": "On the safety scale I would put both children at 4 or 5."}, scales=[])["safety_scale"]
    assert result.level is Level.PARTLY_MET and "range" in result.reason
    assert result.evidence[0].section_id == "other_information"


def test_a_scale_on_another_scale_is_partly_met(score):
    text = "On a 1-5 scale, where 5 is safe, I would put Kayden at 3 out of 5."
    assert score({"next_steps": text}, scales=[])["safety_scale"].level is Level.PARTLY_MET


def test_a_score_in_the_text_for_the_only_child_is_met(score):
    one_child = {"id": "31", "kind": "ICPC", "scheduledAt": "2026-10-05T10:00:00+00:00", "laSlug": "easterby", "children": [{"id": "4"}]}
    result = score({"other_information": "Safety scale: 6/10."}, scales=[], conference=one_child)["safety_scale"]
    assert result.level is Level.MET
