"""Records from the DfE returns, each row keyed by the LA's own child id (`la_child_id`, the
returns' CHILD / LAchildID) and its start date, so importing the same file again finds the row."""

from datetime import date

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel


class HistoryChild(SQLModel, table=True):
    """A child as the SSDA903 header or the CIN census identifies them."""

    __tablename__ = "history_child"
    __table_args__ = (UniqueConstraint("la_id", "la_child_id"),)

    id: int | None = Field(default=None, primary_key=True)
    la_id: int = Field(foreign_key="local_authority.id")
    la_child_id: str = Field(max_length=40)
    sex: str = Field(default="", max_length=1)
    date_of_birth: date | None = None
    ethnicity: str = Field(default="", max_length=4)
    upn: str = Field(default="", max_length=13)
    mother: str = Field(default="", max_length=1)
    mothers_child_born_on: date | None = None


class LookedAfterEpisode(SQLModel, table=True):
    """One SSDA903 episode: a stretch of care with one legal status and one placement."""

    __tablename__ = "looked_after_episode"
    __table_args__ = (UniqueConstraint("la_id", "la_child_id", "started_on"),)

    id: int | None = Field(default=None, primary_key=True)
    la_id: int = Field(foreign_key="local_authority.id")
    la_child_id: str = Field(max_length=40)
    started_on: date
    reason_new_episode: str = Field(max_length=1)
    legal_status: str = Field(max_length=2)
    need_code: str = Field(max_length=2)
    placement: str = Field(max_length=2)
    placement_provider: str = Field(default="", max_length=3)
    ended_on: date | None = None
    reason_ended: str = Field(default="", max_length=3)
    reason_place_change: str = Field(default="", max_length=6)
    home_postcode: str = Field(default="", max_length=8)
    placement_postcode: str = Field(default="", max_length=8)
    urn: str = Field(default="", max_length=8)


class LookedAfterReview(SQLModel, table=True):
    """A looked-after child's review and how the child took part (SSDA903 PN0-PN7)."""

    __tablename__ = "looked_after_review"
    __table_args__ = (UniqueConstraint("la_id", "la_child_id", "held_on"),)

    id: int | None = Field(default=None, primary_key=True)
    la_id: int = Field(foreign_key="local_authority.id")
    la_child_id: str = Field(max_length=40)
    held_on: date
    participation: str = Field(default="", max_length=3)


class ProtectionPlan(SQLModel, table=True):
    """A child protection plan from the CIN census, with its review dates."""

    __tablename__ = "protection_plan"
    __table_args__ = (UniqueConstraint("la_id", "la_child_id", "started_on"),)

    id: int | None = Field(default=None, primary_key=True)
    la_id: int = Field(foreign_key="local_authority.id")
    la_child_id: str = Field(max_length=40)
    started_on: date
    ended_on: date | None = None
    initial_category: str = Field(default="", max_length=3)
    latest_category: str = Field(default="", max_length=3)
    previous_plans: int | None = None
    review_dates: str = Field(default="", max_length=2000)  # ISO dates, space-separated, in order


class Section47Enquiry(SQLModel, table=True):
    """A section 47 enquiry from the CIN census and the initial conference that followed it, if any."""

    __tablename__ = "section47_enquiry"
    __table_args__ = (UniqueConstraint("la_id", "la_child_id", "started_on"),)

    id: int | None = Field(default=None, primary_key=True)
    la_id: int = Field(foreign_key="local_authority.id")
    la_child_id: str = Field(max_length=40)
    started_on: date
    initial_conference_on: date | None = None
    icpc_not_required: bool = False
