"""What an LA administrator reads and changes through the API: the people they administer with roles,
status and last sign-in, organisations they add, and their council's part of the access log with its
tamper check. Another council's administrator, and every other role, gets nothing of it."""

from datetime import UTC, datetime

import pytest

from portal.identity.events import Event
from portal.identity.models import SignInEvent
from tests.support.access_log import tamper
from tests.support.administration import la_administrators
from tests.support.families import separated_parents
from tests.support.guardians import record_view

PEOPLE = """query($search: String) { administeredPeople(search: $search, first: 100) {
  nodes { id name email status lastSignedInAt organisation { name } roles { role localAuthority { name } } } } }"""
PERSON = """query($id: ID!) { administeredPerson(id: $id) { id name } }"""
LOG = """query($child: String, $person: String, $since: Date, $until: Date) { accessLog(child: $child, person: $person, since: $since, until: $until, first: 100) {
  nodes { id action operationName fields person { name } children { givenName familyName } } } }"""
VERIFY = """mutation { verifyAccessLog { verdict { ok rows head brokenAt problem } errors { code message } } }"""
ADD = "organisation { id name code agencyId localAuthority { id } }"
OTHERS = ("chair_a", "bs_a", "sw_a", "gp1_author", "guardian_1", "chair_b")
CHILD = """query($id: ID!) { child(id: $id) { givenName } }"""


async def test_an_administrator_sees_their_councils_and_the_regions_people_with_last_sign_in(api, world, database):
    admin_a, admin_b = await la_administrators(database, world)
    async with database.session() as db:
        db.add(SignInEvent(kind=Event.SIGNED_IN, person_id=world.gp1_author, at=datetime(2026, 10, 9, 14, 30, tzinfo=UTC)))
        db.add(SignInEvent(kind=Event.SIGNED_IN, person_id=world.gp1_author, at=datetime(2026, 10, 10, 8, 0, tzinfo=UTC)))
        db.add(SignInEvent(kind=Event.CODE_REFUSED, person_id=world.gp1_author, at=datetime(2026, 10, 11, 8, 0, tzinfo=UTC)))
        await db.commit()
    people = {p["name"]: p for p in (await api(PEOPLE, as_=admin_a))["administeredPeople"]["nodes"]}
    assert {"Chair A", "Bs A", "Gp1 Author", "Guardian 1", "School Author", "Admin A"} <= people.keys()
    assert not {"Chair B", "Bs B", "Admin B"} & people.keys()
    gp = people["Gp1 Author"]
    assert gp["lastSignedInAt"] == "2026-10-10T08:00:00+00:00" and gp["status"] == "ACTIVE" and gp["email"] == "gp1_author@example.org"
    assert people["Chair A"]["roles"] == [{"role": "CHAIR", "localAuthority": {"name": "Easterby City Council"}}] and people["Chair A"]["lastSignedInAt"] is None
    westmarsh = {p["name"] for p in (await api(PEOPLE, as_=admin_b))["administeredPeople"]["nodes"]}
    assert "Chair B" in westmarsh and "Chair A" not in westmarsh and "Gp1 Author" in westmarsh
    assert [p["name"] for p in (await api(PEOPLE, {"search": "GP1_A"}, as_=admin_a))["administeredPeople"]["nodes"]] == ["Gp1 Author"]
    assert [p["name"] for p in (await api(PEOPLE, {"search": "%"}, as_=admin_a))["administeredPeople"]["nodes"]] == []
    assert (await api(PERSON, {"id": world.id("chair_b")}, as_=admin_a))["administeredPerson"] is None
    assert (await api(PERSON, {"id": world.id("chair_a")}, as_=admin_a))["administeredPerson"]["name"] == "Chair A"
    for name in OTHERS:
        assert (await api(PEOPLE, as_=world.ids[name]))["administeredPeople"]["nodes"] == [], name
        assert (await api(PERSON, {"id": world.id("gp1_author")}, as_=world.ids[name]))["administeredPerson"] is None, name


@pytest.mark.parametrize(("fields", "path", "message"), [
    ({"agencyId": "gp", "name": "Castle Surgery", "code": "81001"}, "code", "Enter the practice’s ODS code"),
    ({"agencyId": "gp", "name": "Castle Surgery", "code": ""}, "code", "Enter the practice’s ODS code"),
    ({"agencyId": "gp", "name": "Riverside Again", "code": "gp1"}, "code", "Enter the practice’s ODS code"),
    ({"agencyId": "school", "name": "Fell School", "code": "12"}, "code", "Enter the school’s unique reference number"),
    ({"agencyId": "police", "name": " ", "code": ""}, "name", "Enter the organisation’s name"),
    ({"agencyId": "police", "name": "x" * 201, "code": ""}, "name", "Enter the organisation’s name"),
    ({"agencyId": "social_care", "name": "Another council", "code": ""}, "agencyId", "Choose what kind"),
    ({"agencyId": "astrology", "name": "Stars", "code": ""}, "agencyId", "Choose what kind"),
])
async def test_an_organisation_that_cannot_be_added_is_refused_with_the_field_to_fix(api, world, database, fields, path, message):
    admin_a, _ = await la_administrators(database, world)
    refused = await api.mutate("addOrganisation", fields, ADD, as_=admin_a)
    assert refused["organisation"] is None and refused["errors"][0]["path"] == ["input", path] and refused["errors"][0]["message"].startswith(message)


async def test_an_administrator_adds_a_gp_practice_a_school_and_a_service(api, world, database):
    admin_a, admin_b = await la_administrators(database, world)
    practice = await api.mutate("addOrganisation", {"agencyId": "gp", "name": "  Castle   Green Surgery ", "code": "b 81009"}, ADD, as_=admin_a)
    assert practice["errors"] == [] and practice["organisation"]["name"] == "Castle Green Surgery" and practice["organisation"]["code"] == "B81009"
    again = await api.mutate("addOrganisation", {"agencyId": "gp", "name": "Castle Surgery", "code": "B81009"}, ADD, as_=admin_b)
    assert again["errors"][0]["message"] == "Castle Green Surgery already has the code B81009 in your region."
    school = await api.mutate("addOrganisation", {"agencyId": "school", "name": "Fellside Academy", "code": ""}, ADD, as_=admin_a)
    assert school["errors"] == [] and school["organisation"]["code"] is None and school["organisation"]["localAuthority"] is None
    service = await api.mutate("addOrganisation", {"agencyId": "substance_misuse", "name": "Easterby Recovery", "localAuthorityId": world.id("la_a")}, ADD, as_=admin_a)
    assert service["errors"] == [] and service["organisation"]["localAuthority"] == {"id": world.id("la_a")}
    theirs = await api.mutate("addOrganisation", {"agencyId": "police", "name": "Westmarsh Police", "localAuthorityId": world.id("la_b")}, ADD, as_=admin_a)
    assert theirs["errors"][0]["code"] == "FORBIDDEN"
    for name in OTHERS:
        refused = await api.mutate("addOrganisation", {"agencyId": "gp", "name": "Sneaky Surgery", "code": "C81001"}, ADD, as_=world.ids[name])
        assert refused["organisation"] is None and refused["errors"][0]["code"] == "FORBIDDEN", name


async def test_the_access_log_shows_an_administrator_their_councils_rows_only(api, world, database, frozen):
    admin_a, admin_b = await la_administrators(database, world)
    await api(CHILD, {"id": world.id("child_a1")}, as_=world.chair_a)
    frozen.move_to(datetime(2026, 10, 14, 9, 0, tzinfo=UTC))
    await api(CHILD, {"id": world.id("child_a2")}, as_=world.sw_a)
    await api(CHILD, {"id": world.id("child_b1")}, as_=world.chair_b)
    await record_view(api, world)  # a change to Maisie's record by Easterby's IRO

    def rows(answer: dict) -> list[tuple[str, str, list[str]]]:
        """Each row but the administrator's own reads of the log (the names it showed them are logged too)."""
        return [(r["person"]["name"], r["action"], [c["givenName"] for c in r["children"]]) for r in answer["accessLog"]["nodes"]
                if r["fields"] != ["accessLog"]]

    everything = rows(await api(LOG, as_=admin_a))
    assert ("Chair A", "read", ["Maisie"]) in everything and ("Sw A", "read", ["Theo"]) in everything and ("Chair A", "write", ["Maisie"]) in everything
    assert not any(name == "Chair B" for name, _, _ in everything) and not any("Esme" in children for _, _, children in everything)
    assert rows(await api(LOG, {"child": "maisie ASH"}, as_=admin_a)) == [("Chair A", "write", ["Maisie"]), ("Chair A", "read", ["Maisie"])]
    assert rows(await api(LOG, {"child": "9990000026"}, as_=admin_a)) == [("Sw A", "read", ["Theo"])]
    assert rows(await api(LOG, {"child": "Esme"}, as_=admin_a)) == []
    assert {r[0] for r in rows(await api(LOG, {"person": "sw_a@"}, as_=admin_a))} == {"Sw A"}
    assert [r[2] for r in rows(await api(LOG, {"until": "2026-10-13"}, as_=admin_a))] == [["Maisie"]]
    assert ["Theo"] not in [r[2] for r in rows(await api(LOG, {"since": "2026-10-14", "child": "Maisie"}, as_=admin_a))]
    assert any(r["fields"] == ["accessLog"] and r["person"]["name"] == "Admin A" for r in (await api(LOG, as_=admin_a))["accessLog"]["nodes"])
    westmarsh = rows(await api(LOG, as_=admin_b))
    assert ("Chair B", "read", ["Esme"]) in westmarsh and not any(name in ("Chair A", "Sw A") for name, _, _ in westmarsh)
    for name in OTHERS:
        assert (await api(LOG, as_=world.ids[name]))["accessLog"]["nodes"] == [], name


async def test_the_verify_button_finds_tampering_and_only_administrators_may_press_it(api, world, database):
    admin_a, _ = await la_administrators(database, world)
    await api(CHILD, {"id": world.id("child_a1")}, as_=world.chair_a)
    intact = (await api(VERIFY, as_=admin_a))["verifyAccessLog"]
    assert intact["errors"] == [] and intact["verdict"]["ok"] is True and intact["verdict"]["rows"] >= 1 and len(intact["verdict"]["head"]) == 64
    for name in OTHERS:
        refused = (await api(VERIFY, as_=world.ids[name]))["verifyAccessLog"]
        assert refused["verdict"] is None and refused["errors"][0]["code"] == "FORBIDDEN", name
    await tamper(database, "UPDATE access_log SET operation_name = 'nothing to see' WHERE id = (SELECT MIN(id) FROM access_log)")
    broken = (await api(VERIFY, as_=admin_a))["verifyAccessLog"]["verdict"]
    assert broken["ok"] is False and broken["rows"] == 0 and broken["problem"].startswith("its content does not match its hash")


async def test_family_members_are_not_the_administrators_people(api, world, database):
    admin_a, _ = await la_administrators(database, world)
    family = await separated_parents(api, world, database)
    names = {p["name"] for p in (await api(PEOPLE, as_=admin_a))["administeredPeople"]["nodes"]}
    assert "Chair A" in names and not any("Ashdown" in name for name in names)
    assert (await api(PERSON, {"id": str(family.mother)}, as_=admin_a))["administeredPerson"] is None
    roles = await api.mutate("setPersonRoles", {"personId": str(family.mother), "roles": [{"role": "CHAIR", "laId": world.id("la_a")}]}, "person { id }",
                             as_=admin_a)
    suspended = await api.mutate("suspendPerson", {"personId": str(family.mother)}, "person { id }", as_=admin_a)
    assert roles["errors"][0]["code"] == "FORBIDDEN" and suspended["errors"][0]["code"] == "FORBIDDEN"
