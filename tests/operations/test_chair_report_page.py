"""ChairReportPage: one agency's report for the chair: every section, each version's texts, the uploads and sharing."""

from sqlalchemy import select

from portal.contributions.models import ContributionVersion
from portal.ingest.models import UploadedReport
from tests.support.contributions import REQUIRED_GP, draft, sections

WITHHELD = "Third-party health detail."


async def _amended_with_an_upload(api, database, world) -> str:
    saved = await draft(api, world, {**REQUIRED_GP, "complicating_factors": WITHHELD})
    async with database.session() as session:
        version = (await session.execute(select(ContributionVersion).where(ContributionVersion.contribution_id == int(saved["id"])))).scalar_one()
        session.add(UploadedReport(
            contribution_id=int(saved["id"]), contribution_version_id=version.id, file_name="riverside-report.pdf", content_type="application/pdf",
            sha256="0" * 64, size=3, pages=2, section_pages={"worries": [1]}, content=b"pdf", uploaded_by_id=world.gp1_author,
        ))
        await session.commit()
    await api.mutate("submitContribution", {"contributionId": saved["id"]}, "contribution { id }", as_=world.gp1_author)
    await api.mutate("amendContribution", {"contributionId": saved["id"], "reason": "Latest appointment.",
                                           "sections": sections({"worries": "Bruising seen three times in October."})}, "contribution { id }", as_=world.gp1_author)
    await api.mutate("recordSharedWithFamily", {"contributionId": saved["id"], "sharedOn": "2026-10-12"}, "contribution { id }", as_=world.gp1_author)
    await api.mutate("requestWithholding", {"contributionId": saved["id"], "sectionId": "complicating_factors", "reason": "Third party's health."},
                     "withholdingRequest { id }", as_=world.gp1_author)
    return saved["id"]


async def test_the_chair_reads_every_section_each_versions_texts_the_uploads_and_sharing(page, api, database, world):
    contribution_id = await _amended_with_an_upload(api, database, world)
    report = (await page("ChairReportPage", {"contribution": contribution_id}, as_=world.chair_a))["contribution"]
    assert report["status"] == "AMENDED" and report["sharedWithFamilyOn"] == "2026-10-12" and report["organisation"]["name"] == "Riverside Surgery"
    texts = {s["id"]: s["text"]["source"] for s in report["sections"]}
    assert texts["complicating_factors"] == WITHHELD and texts["worries"] == "Bruising seen three times in October."
    assert [(v["number"], v["status"], v["note"]) for v in report["versions"]] == [(2, "SUBMITTED", ""), (3, "AMENDED", "Latest appointment.")]
    worries = [next(s["text"]["source"] for s in v["sections"] if s["id"] == "worries") for v in report["versions"]]
    assert worries == [REQUIRED_GP["worries"], "Bruising seen three times in October."]
    assert [(u["fileName"], u["pages"], u["versionNumber"]) for u in report["uploads"]] == [("riverside-report.pdf", 2, 1)]
    assert [w["sectionTitle"] for w in report["withholdingRequests"]] == ["Complicating factors"]


async def test_others_get_nothing_the_chair_alone_reads(page, api, database, world):
    contribution_id = await _amended_with_an_upload(api, database, world)
    for person in ("chair_b", "gp2_author", "guardian_1"):  # another LA's chair, organisations not invited
        assert (await page("ChairReportPage", {"contribution": contribution_id}, as_=getattr(world, person)))["contribution"] is None, person
    for person in ("chair_a2", "school_author", "bs_a"):  # another chair of the LA, another invited agency, business support
        report = (await page("ChairReportPage", {"contribution": contribution_id}, as_=getattr(world, person)))["contribution"]
        assert report["uploads"] == [] and report["withholdingRequests"] == [], person
        assert "complicating_factors" not in [s["id"] for s in report["sections"]], person
        assert all("complicating_factors" not in [s["id"] for s in v["sections"]] for v in report["versions"]), person


async def test_the_chair_gets_nothing_of_a_draft(page, api, world):
    saved = await draft(api, world, REQUIRED_GP)
    for person in ("chair_a", "chair_a2", "school_author"):
        assert (await page("ChairReportPage", {"contribution": saved["id"]}, as_=getattr(world, person)))["contribution"] is None, person
    own = (await page("ChairReportPage", {"contribution": saved["id"]}, as_=world.gp1_author))["contribution"]
    assert own["status"] == "DRAFT"
