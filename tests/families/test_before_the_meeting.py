"""Before the meeting: the family sees who is coming, reads each report once it is shared, marked new until they have read it (never a
draft, a withheld section or a "do not share" person's contact details), and writes to the chair,
who alone reads it. Each refusal answers like "not found"."""

from portal.demo_identity import HEADER
from tests.support.contributions import REQUIRED_GP, draft
from tests.support.families import separated_parents
from tests.support.people import EVERYONE

PAGE = """query($id: ID!) { familyConference(id: $id) {
  invitees { organisationName attendance }
  reports { id organisationName sharedOn new sections { id title text { source } } }
  myResponses { text }
} }"""
ANSWER = "answer"
WITHHELD = "The lodger's health, which he has asked us not to share."


async def shared_report(api, world, texts=None, saved=None) -> str:
    saved = saved or await draft(api, world, {**REQUIRED_GP, "complicating_factors": WITHHELD, **(texts or {})})
    await api.mutate("submitContribution", {"contributionId": saved["id"]}, "contribution { id }", as_=world.gp1_author)
    asked = await api.mutate("requestWithholding", {"contributionId": saved["id"], "sectionId": "complicating_factors", "reason": "Third party."},
                             "withholdingRequest { id }", as_=world.gp1_author)
    assert not asked["errors"]
    shared = await api.mutate("recordSharedWithFamily", {"contributionId": saved["id"], "sharedOn": "2026-10-09"}, "contribution { id }", as_=world.gp1_author)
    assert not shared["errors"], shared
    return saved["id"]


async def test_invitees_say_whether_they_are_coming_and_the_family_sees_it(api, world, database):
    family = await separated_parents(api, world, database)
    before = (await api(PAGE, {"id": world.id("conf_a")}, as_=family.mother))["familyConference"]["invitees"]
    assert {i["attendance"] for i in before} == {None} and len(before) == 3
    said = await api.mutate("recordAttendance", {"invitationId": world.id("inv_gp1"), "answer": "REPORT_ONLY"}, ANSWER, as_=world.gp1_author)
    assert said == {"answer": "REPORT_ONLY", "errors": []}
    again = await api.mutate("recordAttendance", {"invitationId": world.id("inv_gp1"), "answer": "ATTENDING"}, ANSWER, as_=world.gp1_colleague)
    assert again["answer"] == "ATTENDING"
    after = (await api(PAGE, {"id": world.id("conf_a")}, as_=family.mother))["familyConference"]["invitees"]
    assert {i["organisationName"]: i["attendance"] for i in after}["Riverside Surgery"] == "ATTENDING"
    for person in ("school_author", "gp2_author", "chair_a", "bs_a", "guardian_1"):
        refused = await api.mutate("recordAttendance", {"invitationId": world.id("inv_gp1"), "answer": "NOT_ATTENDING"}, ANSWER, as_=getattr(world, person))
        assert refused["answer"] is None and refused["errors"][0]["code"] == "NOT_FOUND", person
    refused = await api.mutate("recordAttendance", {"invitationId": world.id("inv_gp1"), "answer": "NOT_ATTENDING"}, ANSWER, as_=family.mother)
    assert refused["errors"][0]["code"] == "NOT_FOUND"
    shown = await api(f'{{ invitation(id: "{world.id("inv_gp1")}") {{ attendance }} }}', as_=world.chair_a)
    assert shown["invitation"]["attendance"] == "ATTENDING"


async def test_a_report_reaches_the_family_only_once_shared_and_without_what_is_withheld(api, world, database):
    family = await separated_parents(api, world, database)
    saved = await draft(api, world, {**REQUIRED_GP, "complicating_factors": WITHHELD})
    page = await api(PAGE, {"id": world.id("conf_a")}, as_=family.mother)
    assert page["familyConference"]["reports"] == []  # a draft
    await api.mutate("submitContribution", {"contributionId": saved["id"]}, "contribution { id }", as_=world.gp1_author)
    assert (await api(PAGE, {"id": world.id("conf_a")}, as_=family.mother))["familyConference"]["reports"] == []  # not yet shared
    await shared_report(api, world, saved=saved)
    (report,) = (await api(PAGE, {"id": world.id("conf_a")}, as_=family.mother))["familyConference"]["reports"]
    ids = [s["id"] for s in report["sections"]]
    assert "complicating_factors" not in ids and WITHHELD not in str(report)
    assert ids == ["about_author", "worries", "registration_attendance", "immunisations", "missed_appointments", "parental_health",
                   "danger_statement", "working_well", "next_steps"]
    assert report["sharedOn"] == "2026-10-09" and report["new"] is True and report["organisationName"] == "Riverside Surgery"


async def test_the_contact_details_of_a_person_marked_do_not_share_never_reach_the_family(api, world, database):
    family = await separated_parents(api, world, database)
    await shared_report(api, world, {"parental_health": "Father now lives at 14 larch road,  Easterby (eb4 7qt), phone 07700900456. Mother: depression."})
    (report,) = (await api(PAGE, {"id": world.id("conf_a")}, as_=family.mother))["familyConference"]["reports"]
    text = {s["id"]: s["text"]["source"] for s in report["sections"]}["parental_health"]
    assert "larch" not in text.lower() and "7qt" not in text.lower() and "900456" not in text
    assert text == "Father now lives at [contact details removed] ([contact details removed]), phone [contact details removed]. Mother: depression."


async def test_opening_a_report_marks_it_read_for_that_parent_only(api, world, database):
    family = await separated_parents(api, world, database)
    report = await shared_report(api, world)
    path = f"/family/conferences/{world.conf_a}/reports/{report}"
    opened = await api.client.get(path, headers={HEADER: str(family.mother), "accept": "text/html"})
    assert opened.status_code == 200 and "Bruising seen twice" in opened.text and WITHHELD not in opened.text
    assert (await api(PAGE, {"id": world.id("conf_a")}, as_=family.mother))["familyConference"]["reports"][0]["new"] is True
    read = await api.client.post(f"{path}/read", headers={HEADER: str(family.mother)})
    assert read.status_code == 303 and read.headers["location"] == f"/family/conferences/{world.conf_a}#reports"
    assert (await api(PAGE, {"id": world.id("conf_a")}, as_=family.mother))["familyConference"]["reports"][0]["new"] is False
    assert (await api(PAGE, {"id": world.id("conf_a")}, as_=family.father))["familyConference"]["reports"][0]["new"] is True
    for person in EVERYONE:
        refused = await api.client.get(path, headers={HEADER: str(getattr(world, person)), "accept": "text/html"})
        assert refused.status_code == 404 and "Bruising" not in refused.text, person
        assert (await api.client.post(f"{path}/read", headers={HEADER: str(getattr(world, person))})).status_code == 404, person
    marked = await api.mutate("markFamilyReportRead", {"contributionId": report}, "contributionId", as_=world.chair_a)
    assert marked["errors"][0]["code"] == "NOT_FOUND"
    meeting = await api.client.get(f"/family/conferences/{world.conf_a}", headers={HEADER: str(family.father), "accept": "text/html"})
    assert "Shared with you on 9 October 2026" in meeting.text and ">New<" in meeting.text.replace("\n", "").replace("  ", "")


async def test_the_family_writes_to_the_chair_and_only_the_chair_reads_it(api, world, database):
    family = await separated_parents(api, world, database)
    meeting = f"/family/conferences/{world.conf_a}"
    headers = {HEADER: str(family.mother), "accept": "text/html"}
    empty = await api.client.post(f"{meeting}/response", data={"text": "  "}, headers=headers)
    assert empty.status_code == 200 and 'href="#text"' in empty.text
    long = "a" * 2001
    too_long = await api.client.post(f"{meeting}/response", data={"text": long}, headers=headers)
    assert too_long.status_code == 200 and "at most 2,000 characters. It is 2,001" in too_long.text and long in too_long.text
    sent = await api.client.post(f"{meeting}/response", data={"text": "Why is the school worried?\n<b>Thank you</b>"}, headers=headers)
    assert sent.status_code == 303 and sent.headers["location"].startswith(f"{meeting}?sent=1")
    shown = await api.client.get(sent.headers["location"], headers=headers)
    assert "Your message was sent to the chair" in shown.text and "&lt;b&gt;Thank you&lt;/b&gt;" in shown.text
    assert (await api(PAGE, {"id": world.id("conf_a")}, as_=family.father))["familyConference"]["myResponses"] == []
    chair = await api.client.get(f"/chair/conferences/{world.conf_a}", headers={HEADER: str(world.chair_a), "accept": "text/html"})
    assert "What the family wrote to you" in chair.text and "Why is the school worried?" in chair.text and "Jodie Ashdown" in chair.text
    query = 'query($id: ID!) { familyResponses(conferenceId: $id) { text fromName } }'
    for person in EVERYONE:
        found = (await api(query, {"id": world.id("conf_a")}, as_=getattr(world, person)))["familyResponses"]
        assert bool(found) == (person == "chair_a"), person
    assert (await api(query, {"id": world.id("conf_a")}, as_=family.father))["familyResponses"] == []
    for other in (world.id("conf_b"), "x"):
        refused = await api.mutate("sendFamilyResponse", {"conferenceId": other, "text": "Hello"}, "response { id }", as_=family.mother)
        assert refused["errors"][0]["code"] == "NOT_FOUND", other
    refused = await api.mutate("sendFamilyResponse", {"conferenceId": world.id("conf_a"), "text": "Hello"}, "response { id }", as_=world.chair_a)
    assert refused["errors"][0]["code"] == "NOT_FOUND"


async def test_the_contributor_answers_on_the_report_page(api, world, database):
    await draft(api, world)
    headers = {HEADER: str(world.gp1_author), "accept": "text/html"}
    page = await api.client.get(f"/reports/{world.inv_gp1}", headers=headers)
    assert "Will you attend the meeting?" in page.text
    unchosen = await api.client.post(f"/reports/{world.inv_gp1}/attendance", data={}, headers=headers)
    assert unchosen.headers["location"] == f"/reports/{world.inv_gp1}?attendance=choose#attendance"
    assert "Select whether you will attend the meeting" in (await api.client.get(unchosen.headers["location"], headers=headers)).text
    saved = await api.client.post(f"/reports/{world.inv_gp1}/attendance", data={"attendance": "ATTENDING"}, headers=headers)
    assert saved.status_code == 303
    shown = await api.client.get(saved.headers["location"], headers=headers)
    assert 'value="ATTENDING" checked' in shown.text
    refused = await api.client.post(f"/reports/{world.inv_gp1}/attendance", data={"attendance": "ATTENDING"}, headers={HEADER: str(world.school_author)})
    assert refused.status_code == 404


async def test_business_support_records_where_the_meeting_is_and_the_family_sees_it(api, world, database):
    family = await separated_parents(api, world, database)
    selection = "place joinUrl"
    place = {"conferenceId": world.id("conf_a"), "place": "Room 2, Easterby Children's Centre", "joinUrl": "https://meet.example.org/abc"}
    for person in ("gp1_author", "sw_a", "chair_b", "bs_b"):
        refused = await api.mutate("setMeetingPlace", place, selection, as_=getattr(world, person))
        assert refused["place"] is None and refused["errors"][0]["code"] in ("NOT_FOUND", "FORBIDDEN"), person
    refused = await api.mutate("setMeetingPlace", place, selection, as_=family.mother)
    assert refused["errors"][0]["code"] == "NOT_FOUND"
    bad = await api.mutate("setMeetingPlace", {**place, "place": "x" * 301, "joinUrl": "javascript:alert(1)"}, selection, as_=world.bs_a)
    assert [e["path"] for e in bad["errors"]] == [["input", "place"], ["input", "joinUrl"]]
    assert (await api.mutate("setMeetingPlace", {**place, "place": "", "joinUrl": ""}, selection, as_=world.bs_a))["errors"]
    saved = await api.mutate("setMeetingPlace", place, selection, as_=world.bs_a)
    assert saved == {"place": "Room 2, Easterby Children's Centre", "joinUrl": "https://meet.example.org/abc", "errors": []}
    shown = await api.client.get(f"/family/conferences/{world.conf_a}", headers={HEADER: str(family.father), "accept": "text/html"})
    assert "Room 2, Easterby Children" in shown.text and 'href="https://meet.example.org/abc"' in shown.text
