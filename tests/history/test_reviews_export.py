"""`portal export ssda903-reviews`: the reviews file from the LAC reviews the portal held."""

from datetime import date

from sqlalchemy import update

from portal.children.models import Child
from portal.conferences.models import ChildConsultation, Conference, ConferenceChild
from portal.enums import ConferenceKind, ConferenceStatus, ViewsConveyed
from portal.history.ssda903 import read_reviews
from tests.support.dfe_returns import run


async def held(session, world, la: int, on: date, children: dict[int, ViewsConveyed | None], status=ConferenceStatus.HELD) -> int:
    conference = Conference(la_id=la, kind=ConferenceKind.LAC_REVIEW, status=status, held_on=on if status == ConferenceStatus.HELD else None)
    session.add(conference)
    await session.flush()
    for child, views in children.items():
        session.add(ConferenceChild(conference_id=conference.id, child_id=child))
        if views is not None:
            session.add(ChildConsultation(conference_id=conference.id, child_id=child, seen=True, views_conveyed=views, recorded_by_id=world.chair_a))
    return conference.id


async def test_the_years_held_reviews_with_each_childs_code_and_what_cannot_be_written(database_url, database, world, tmp_path):
    a1, a2, b1 = world.child_a1, world.child_a2, world.child_b1  # born 2 April 2018, 14 September 2021 (under 4 until 14 September 2025)
    async with database.session() as session:
        for child, la_child_id in ((a1, "EA001"), (a2, "EA002"), (b1, "WM001")):
            await session.execute(update(Child).where(Child.id == child).values(la_child_id=la_child_id))
        await held(session, world, world.la_a, date(2025, 6, 10), {a1: ViewsConveyed.ADVOCATE, a2: None})
        december = await held(session, world, world.la_a, date(2025, 12, 1), {a1: ViewsConveyed.NOT_CONVEYED, a2: None})
        await held(session, world, world.la_a, date(2026, 4, 1), {a1: ViewsConveyed.ATTENDED})  # the next year
        await held(session, world, world.la_a, date(2025, 7, 1), {a1: ViewsConveyed.ATTENDED}, status=ConferenceStatus.SCHEDULED)
        await held(session, world, world.la_b, date(2025, 7, 1), {b1: ViewsConveyed.ATTENDED})  # another LA
        await session.commit()
    target = tmp_path / "reviews.csv"
    result = run(["export", "ssda903-reviews", "--la", "easterby", "--year", "2025-26", "--out", str(target)], PORTAL_DATABASE_URL=database_url)
    assert result.returncode == 0, result.stderr
    assert target.read_text() == (
        "CHILD,DOB,REVIEW,REVIEW_CODE\n"
        "EA001,02/04/2018,10/06/2025,PN5\n"
        "EA001,02/04/2018,01/12/2025,PN7\n"
        "EA002,14/09/2021,10/06/2025,PN0\n"
    )
    assert result.stderr == f"left out: review {december} on 01/12/2025: no consultation recorded for child EA002\n3 reviews written, 1 left out.\n"
    assert read_reviews(target).rejections == []
