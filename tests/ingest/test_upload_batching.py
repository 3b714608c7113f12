"""The uploads field is batched: listing them for 11 conferences costs the same SQL as for 2."""

from sqlalchemy import select

from portal.contributions.models import Contribution, ContributionVersion
from portal.db import StatementCounter
from portal.ingest.models import UploadedReport
from tests.support.seeding import seed_conferences

UPLOADS = """query($first: Int!) { conferences(first: $first) { nodes { contributions { organisation { name }
  uploads { fileName versionNumber sectionPages { sectionId pages } } } } } }"""


async def _add_uploads(database, world) -> None:
    async with database.session() as session:
        for contribution in (await session.execute(select(Contribution).where(Contribution.organisation_id == world.gp1))).scalars():
            version = ContributionVersion(contribution_id=contribution.id, number=1, status=contribution.status, created_by_id=world.gp1_author)
            session.add(version)
            await session.flush()
            session.add(UploadedReport(
                contribution_id=contribution.id, contribution_version_id=version.id, file_name=f"report-{contribution.id}.pdf",
                content_type="application/pdf", sha256="0" * 64, size=3, pages=1, section_pages={"worries": [1]},
                content=b"pdf", uploaded_by_id=world.gp1_author,
            ))
        await session.commit()


async def _statements(api, database, world, first: int) -> tuple[int, list[list[str]]]:
    counter = StatementCounter(database.engine)
    try:
        data = await api(UPLOADS, {"first": first}, as_=world.gp1_author)
    finally:
        counter.close()
    return counter.count, [[u["fileName"] for c in n["contributions"] for u in c["uploads"]] for n in data["conferences"]["nodes"]]


async def test_uploads_are_fetched_in_one_batch(api, database, world):
    await seed_conferences(database, world, 10)
    await _add_uploads(database, world)
    small, small_files = await _statements(api, database, world, 2)
    large, large_files = await _statements(api, database, world, 11)  # the world's own conference has no contribution yet
    assert sorted(len(files) for files in large_files) == [0] + [1] * 10
    assert small == large
