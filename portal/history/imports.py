"""Importing a council's returns: the SSDA903 folder and the CIN census file, each file one transaction."""

from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession

from portal.history import cin_census, ssda903
from portal.history.models import HistoryChild, LookedAfterEpisode, LookedAfterReview, ProtectionPlan, Section47Enquiry
from portal.history.rejections import FileRefused
from portal.history.store import Table, Written, known_children, refuse_unknown_children, write_file

CHILDREN = Table(HistoryChild, ("la_child_id",))
CENSUS_CHILDREN = Table(HistoryChild, ("la_child_id",), fill_only=True)
EPISODES = Table(LookedAfterEpisode, ("la_child_id", "started_on"))
REVIEWS = Table(LookedAfterReview, ("la_child_id", "held_on"))
PLANS = Table(ProtectionPlan, ("la_child_id", "started_on"))
ENQUIRIES = Table(Section47Enquiry, ("la_child_id", "started_on"))


def _refused(error: FileRefused) -> Written:
    return Written(error.rejection.file, rejections=[error.rejection])


async def import_ssda903(session: AsyncSession, la_id: int, directory: Path) -> list[Written]:
    """header.csv, then episodes.csv and reviews.csv (whose children must be in a header, this one or an earlier one)."""
    results = []
    try:
        header = ssda903.read_header(directory / "header.csv")
    except FileRefused as error:
        header = None
        results.append(_refused(error))
    if header is not None:
        results.append(await write_file(session, la_id, header.file, [(CHILDREN, header)]))
    known = await known_children(session, la_id) | {row["la_child_id"] for row in (header.rows if header else [])}
    await session.rollback()
    for name, reader, table in (("episodes.csv", ssda903.read_episodes, EPISODES), ("reviews.csv", ssda903.read_reviews, REVIEWS)):
        try:
            parsed = reader(directory / name)
        except FileRefused as error:
            results.append(_refused(error))
            continue
        refuse_unknown_children(parsed, known, "header.csv")
        results.append(await write_file(session, la_id, parsed.file, [(table, parsed)]))
    return results


async def import_cin_census(session: AsyncSession, la_id: int, path: Path) -> Written:
    try:
        census = cin_census.read_census(path)
    except FileRefused as error:
        return _refused(error)
    census.enquiries.rejections = census.rejections
    return await write_file(session, la_id, path.name, [(CENSUS_CHILDREN, census.children), (ENQUIRIES, census.enquiries), (PLANS, census.plans)])
