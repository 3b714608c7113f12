"""The SSDA903 reviews file (CHILD, DOB, REVIEW, REVIEW_CODE) from the LAC reviews the portal held, each child's
participation code the one the chair confirmed with the review's outcome, or else taken from the consultation
recorded before the review."""

import csv
from dataclasses import dataclass, field
from datetime import date
from typing import TextIO

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from portal.children.models import Child
from portal.conferences.models import ChildConsultation, Conference, ConferenceChild
from portal.enums import ConferenceKind, ConferenceStatus, ViewsConveyed
from portal.history.annual import ReportingYear
from portal.outcomes.models import ChildOutcome
from portal.timescales.workdays import add_months

# How the consultation says the child's views reached the review, as a participation code. The record
# does not say whether a child with an advocate or another medium also attended, so those read as not
# attending (PN5, PN6); PN2-PN4 need the chair's own record of the meeting.
PARTICIPATION = {
    ViewsConveyed.ATTENDED: "PN1",
    ViewsConveyed.ADVOCATE: "PN5",
    ViewsConveyed.FAMILY_MEMBER: "PN6",
    ViewsConveyed.OTHER_MEDIUM: "PN6",
    ViewsConveyed.CONSULTATION_FORM: "PN6",
    ViewsConveyed.NOT_CONVEYED: "PN7",
}
UNDER_FOUR = "PN0"


def participation_code(born: date, held_on: date, views_conveyed: str | None) -> str | None:
    if held_on < add_months(born, 48):
        return UNDER_FOUR
    return PARTICIPATION.get(ViewsConveyed(views_conveyed)) if views_conveyed else None


@dataclass(frozen=True)
class ReviewRow:
    child: str
    born: date
    held_on: date
    code: str


@dataclass
class ReviewsFile:
    rows: list[ReviewRow] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)  # why a review could not be written

    def write(self, out: TextIO) -> None:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["CHILD", "DOB", "REVIEW", "REVIEW_CODE"])
        for row in self.rows:
            writer.writerow([row.child, f"{row.born:%d/%m/%Y}", f"{row.held_on:%d/%m/%Y}", row.code])


async def reviews_file(session: AsyncSession, la_id: int, year: ReportingYear) -> ReviewsFile:
    statement = (
        select(Conference.id, Conference.held_on, Child.id, Child.la_child_id, Child.date_of_birth, ChildConsultation.views_conveyed,
               ChildOutcome.participation)
        .join(ConferenceChild, ConferenceChild.conference_id == Conference.id)
        .join(Child, Child.id == ConferenceChild.child_id)
        .outerjoin(ChildConsultation, (ChildConsultation.conference_id == Conference.id) & (ChildConsultation.child_id == Child.id))
        .outerjoin(ChildOutcome, (ChildOutcome.conference_id == Conference.id) & (ChildOutcome.child_id == Child.id))
        .where(Conference.la_id == la_id, Conference.kind == ConferenceKind.LAC_REVIEW, Conference.status == ConferenceStatus.HELD,
               Conference.held_on >= year.start, Conference.held_on <= year.end)
        .order_by(Child.la_child_id, Conference.held_on, Child.id)
    )
    found = ReviewsFile()
    for conference_id, held_on, child_id, la_child_id, born, views, confirmed in (await session.execute(statement)).all():
        code = confirmed or participation_code(born, held_on, views)
        if not la_child_id:
            found.left_out.append(f"review {conference_id} on {held_on:%d/%m/%Y}: child {child_id} has no LA child id")
        elif code is None:
            found.left_out.append(f"review {conference_id} on {held_on:%d/%m/%Y}: no consultation recorded for child {la_child_id}")
        else:
            found.rows.append(ReviewRow(la_child_id, born, held_on, code))
    return found
