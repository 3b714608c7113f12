import shutil
from pathlib import Path

import pytest

from portal.agencies import CORE_SECTIONS, AgencyFileError, AgencyRegistry, load_agency_file
from portal.app import create_app
from portal.enums import Role
from portal.people.models import Organisation, Person, PersonRole
from portal.settings import ROOT, Settings
from tests.support.api import Api

SHIPPED = ROOT / "agencies"
REQUIRED_AGENCIES = {"gp", "school", "substance_misuse", "health_visiting", "police", "cafcass", "social_care"}

PROBATION = """
id = "probation"
name = "Probation service"
description = "Probation Service officers supervising a parent or household member."
{core}
[[sections]]
id = "supervision"
title = "Supervision and licence conditions"
help = "Orders, licence conditions and how the person is complying."
required = true
aliases = ["Supervision", "Licence conditions"]
"""


def _core_sections() -> str:
    return "\n".join(
        f'[[sections]]\nid = "{s}"\ntitle = "{s.title()}"\nhelp = "Write about {s}."\nrequired = {"true" if s == "worries" else "false"}\n'
        for s in CORE_SECTIONS
    )


def test_shipped_agencies_load_with_the_signs_of_safety_core():
    registry = AgencyRegistry.load(SHIPPED)
    assert REQUIRED_AGENCIES <= {a.id for a in registry.all()}
    gp = registry["gp"]
    assert {"registration_attendance", "immunisations", "missed_appointments", "parental_health"} <= {s.id for s in gp.sections}
    assert "Vaccinations" in gp.section("immunisations").aliases
    assert "Was not brought" in gp.section("missed_appointments").aliases
    assert gp.section("worries").required and not gp.section("other_information").required


def _copy_agencies(tmp_path: Path) -> Path:
    target = tmp_path / "agencies"
    shutil.copytree(SHIPPED, target, ignore=shutil.ignore_patterns("rubrics"))
    return target


@pytest.mark.parametrize(
    ("mutate", "field"),
    [
        (lambda t: t.replace("max_length = 20000", "max_length = -5", 1), "sections[0].max_length"),
        (lambda t: t.replace('title = "About this report"', 'title = ""', 1), "sections[0].title"),
        (lambda t: t.replace('id = "danger_statement"', 'id = "danger"'), "missing the Signs of Safety core sections danger_statement"),
        (lambda t: t.replace('required = true', 'required = "yes"', 1), "sections[0].required"),
        (lambda t: t + '\ncolour = "blue"\n', "colour"),
        (lambda t: t.replace('id = "gp"', 'id = "general"'), "id: 'general' must match the file name 'gp'"),
        (lambda t: t.replace('name = "General practice"', 'name = "General practice'), "is not valid TOML"),
        (lambda t: t.replace('holds = ["safety_goals"]', 'holds = ["safety_plan"]'), "holds names no section safety_plan"),
    ],
)
def test_a_bad_agency_file_stops_start_up_naming_file_and_field(tmp_path: Path, mutate, field: str):
    directory = _copy_agencies(tmp_path)
    gp = directory / "gp.toml"
    gp.write_text(mutate(gp.read_text()))
    with pytest.raises(AgencyFileError) as error:
        create_app(Settings(agencies_dir=directory, database_url=f"sqlite:///{tmp_path}/x.db"))
    assert str(error.value).startswith("gp.toml: ")
    assert field in str(error.value)


def test_duplicate_section_ids_are_refused(tmp_path: Path):
    path = tmp_path / "probation.toml"
    path.write_text(PROBATION.format(core=_core_sections()) + '\n[[sections]]\nid = "worries"\ntitle = "Again"\nhelp = "x"\n')
    with pytest.raises(AgencyFileError, match="duplicate section ids worries"):
        load_agency_file(path)


async def test_adding_an_agency_is_a_new_file_not_new_code(tmp_path: Path, database, world):
    directory = _copy_agencies(tmp_path)
    (directory / "probation.toml").write_text(PROBATION.format(core=_core_sections()))
    async with database.session() as session:
        probation = Organisation(region_id=world.region, agency_id="probation", name="Northmoor Probation Delivery Unit", code="PDU1")
        session.add(probation)
        await session.flush()
        officer = Person(organisation_id=probation.id, name="Pat Lowther", email="pat@probation.example", job_title="Probation officer")
        session.add(officer)
        await session.flush()
        session.add(PersonRole(person_id=officer.id, role=Role.CONTRIBUTOR))
        await session.commit()
    async with Api.running(database, agencies_dir=directory) as api:
        agencies = await api("{ agencies { id sections { id required } } }", as_=world.bs_a)
        probation_def = next(a for a in agencies["agencies"] if a["id"] == "probation")
        assert {"id": "supervision", "required": True} in probation_def["sections"]
        invited = await api.mutate(
            "inviteOrganisation",
            {"conferenceId": world.id("conf_a"), "organisationId": str(probation.id), "reportDueAt": "2099-01-01T10:00:00+00:00"},
            "invitation { id organisation { agencyId } }",
            as_=world.bs_a,
        )
        # the meeting is sooner than 2099: the due time is checked against it
        assert invited["errors"][0]["path"] == ["input", "reportDueAt"]
        conference = await api(f'{{ conference(id: "{world.id("conf_a")}") {{ scheduledAt }} }}', as_=world.bs_a)
        invited = await api.mutate(
            "inviteOrganisation",
            {"conferenceId": world.id("conf_a"), "organisationId": str(probation.id), "reportDueAt": conference["conference"]["scheduledAt"]},
            "invitation { id organisation { agencyId } }",
            as_=world.bs_a,
        )
        assert invited["errors"] == [] and invited["invitation"]["organisation"]["agencyId"] == "probation"
        draft = await api.mutate(
            "saveDraft",
            {"invitationId": invited["invitation"]["id"], "sections": [{"sectionId": "supervision", "text": "Reports weekly; licence ends in March."}]},
            "contribution { id sections { id title } }",
            as_=officer.id,
        )
        assert draft["contribution"]["sections"] == [{"id": "supervision", "title": "Supervision and licence conditions"}]
        submitted = await api.mutate("submitContribution", {"contributionId": draft["contribution"]["id"]}, "contribution { status }", as_=officer.id)
        assert [e["path"] for e in submitted["errors"]] == [["input", "sections", "worries"]]
