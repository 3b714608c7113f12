"""Who in a family may see a child's conferences, what they have read, what they sent the chair,
and the meeting's arrangements and replies that the family is shown."""

from datetime import datetime

from sqlalchemy import LargeBinary, UniqueConstraint
from sqlmodel import Field, SQLModel

from portal import clock
from portal.db import UTCDateTime

# The agency of the organisation a local authority's family members belong to; it is in no agency file and is never invited.
FAMILY_AGENCY = "family"


class FamilyMember(SQLModel, table=True):
    """One parent's or carer's access to the conferences about one child: the case's record of them
    (their relationship to the child) and the person they sign in as. Ended rows are kept."""

    __tablename__ = "family_member"
    __table_args__ = (UniqueConstraint("person_id", "case_person_id"),)

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    case_person_id: int = Field(foreign_key="case_person.id", index=True)
    child_id: int = Field(foreign_key="child.id", index=True)
    la_id: int = Field(foreign_key="local_authority.id", index=True)
    mobile: str = Field(default="", max_length=32)
    granted_by_id: int = Field(foreign_key="person.id")
    granted_at: datetime = Field(default_factory=clock.now, sa_type=UTCDateTime)
    ended_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    ended_by_id: int | None = Field(default=None, foreign_key="person.id")


class FamilyReportRead(SQLModel, table=True):
    """The first time a family member opened a report shared with them."""

    __tablename__ = "family_report_read"
    __table_args__ = (UniqueConstraint("person_id", "contribution_id"),)

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    contribution_id: int = Field(foreign_key="contribution.id")
    read_at: datetime = Field(default_factory=clock.now, sa_type=UTCDateTime)


class FamilyResponse(SQLModel, table=True):
    """What a family member wrote to the chair before the meeting: their response, or questions."""

    __tablename__ = "family_response"

    id: int | None = Field(default=None, primary_key=True)
    conference_id: int = Field(foreign_key="conference.id", index=True)
    person_id: int = Field(foreign_key="person.id")
    text: str = Field(max_length=4000)
    sent_at: datetime = Field(default_factory=clock.now, sa_type=UTCDateTime)


class InvitationAttendance(SQLModel, table=True):
    """Whether an invited organisation will come to the meeting, send a report only, or not attend."""

    __tablename__ = "invitation_attendance"

    invitation_id: int = Field(foreign_key="invitation.id", primary_key=True)
    answer: str = Field(max_length=16)
    recorded_by_id: int = Field(foreign_key="person.id")
    recorded_at: datetime = Field(default_factory=clock.now, sa_type=UTCDateTime)


class MeetingPlace(SQLModel, table=True):
    """Where the meeting is held, or how to join it online."""

    __tablename__ = "meeting_place"

    conference_id: int = Field(foreign_key="conference.id", primary_key=True)
    place: str = Field(default="", max_length=300)
    join_url: str = Field(default="", max_length=500)
    recorded_by_id: int = Field(foreign_key="person.id")
    recorded_at: datetime = Field(default_factory=clock.now, sa_type=UTCDateTime)


class ChildViewsLink(SQLModel, table=True):
    """A link the social worker sent to a child, or to their advocate, to give the child's views before
    one meeting. The address holds only a random token; the code is given to the child separately. Only
    their digests are kept."""

    __tablename__ = "child_views_link"

    id: int | None = Field(default=None, primary_key=True)
    conference_id: int = Field(foreign_key="conference.id", index=True)
    child_id: int = Field(foreign_key="child.id")
    la_id: int = Field(foreign_key="local_authority.id", index=True)
    person_id: int = Field(foreign_key="person.id", index=True)  # who signs in with it: the child or their advocate
    for_advocate: bool = False
    token_hash: str = Field(max_length=64, unique=True)
    code_hash: str = Field(max_length=64)
    attempts: int = 0
    sent_by_id: int = Field(foreign_key="person.id")
    sent_at: datetime = Field(default_factory=clock.now, sa_type=UTCDateTime)
    expires_at: datetime = Field(sa_type=UTCDateTime)
    withdrawn_at: datetime | None = Field(default=None, sa_type=UTCDateTime)  # the sender stopped it; views already given stay
    withdrawn_by_id: int | None = Field(default=None, foreign_key="person.id")


class ChildViews(SQLModel, table=True):
    """What a child (or their advocate) said before the meeting: in words, pictures chosen, and a drawing
    or photo re-encoded without its metadata. One per link; sending again replaces it."""

    __tablename__ = "child_views"

    id: int | None = Field(default=None, primary_key=True)
    link_id: int = Field(foreign_key="child_views_link.id", unique=True)
    conference_id: int = Field(foreign_key="conference.id", index=True)
    child_id: int = Field(foreign_key="child.id")
    going_well: str = Field(default="", max_length=4000)
    worries: str = Field(default="", max_length=4000)
    wishes: str = Field(default="", max_length=4000)
    who_there: str = Field(default="", max_length=4000)
    pictures: str = Field(default="", max_length=400)  # picture ids, comma separated, from portal/families/pictures.py
    drawing: bytes | None = Field(default=None, sa_type=LargeBinary)
    drawing_type: str = Field(default="", max_length=32)
    submitted_by_id: int = Field(foreign_key="person.id")
    submitted_at: datetime = Field(default_factory=clock.now, sa_type=UTCDateTime)


class MeetingFeedback(SQLModel, table=True):
    """What a family member or a child said after the meeting: what helped, and what we should do differently."""

    __tablename__ = "meeting_feedback"

    id: int | None = Field(default=None, primary_key=True)
    conference_id: int = Field(foreign_key="conference.id", index=True)
    la_id: int = Field(foreign_key="local_authority.id", index=True)
    person_id: int = Field(foreign_key="person.id")
    from_child: bool = False
    helped: str = Field(default="", max_length=4000)
    differently: str = Field(default="", max_length=4000)
    sent_at: datetime = Field(default_factory=clock.now, sa_type=UTCDateTime)
