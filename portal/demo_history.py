"""An invented history for one demo council, as its DfE returns would have brought it in: three years
of looked-after episodes with their reviews, child protection plans and section 47 enquiries, so its
head of service and IRO manager find figures in the annual report."""

import random
from datetime import date, timedelta

from sqlalchemy.orm import Session

from portal.history.models import HistoryChild, LookedAfterEpisode, LookedAfterReview, ProtectionPlan, Section47Enquiry
from portal.timescales.workdays import WorkingCalendar, add_months

CHILDREN = 80
CODES = ["PN1", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN6", "PN7"]
CATEGORIES = ["NEG", "PHY", "EMO", "SAB", "MUL"]


def seed_history(session: Session, la_id: int, today: date) -> int:
    """Records from three reporting years before today; returns how many rows it added."""
    rng = random.Random(903)
    calendar = WorkingCalendar()
    first = date(today.year - (4 if today.month < 4 else 3), 4, 1)
    span = (today - first).days
    rows: list[object] = []
    for number in range(1, CHILDREN + 1):
        child = f"DM{number:04d}"
        born = first - timedelta(days=rng.randrange(200, 6000))
        rows.append(HistoryChild(la_id=la_id, la_child_id=child, sex=rng.choice("12"), date_of_birth=born, ethnicity="WBRI"))
        began = first + timedelta(days=rng.randrange(span - 60))
        if rng.random() < 0.7:
            moved = began + timedelta(days=rng.randrange(30, 400))
            left = moved + timedelta(days=rng.randrange(30, 500))
            left_on = left if left < today and rng.random() < 0.6 else None
            rows += [
                LookedAfterEpisode(la_id=la_id, la_child_id=child, started_on=began, reason_new_episode="S", legal_status="C2", need_code="N1",
                                   placement="U1", ended_on=moved, reason_ended="X1", placement_postcode="TS1"),
                LookedAfterEpisode(la_id=la_id, la_child_id=child, started_on=moved, reason_new_episode="P", legal_status="C2", need_code="N1",
                                   placement="U3", ended_on=left_on, reason_ended="E4A" if left_on else "", placement_postcode="DL1"),
            ]
            held = calendar.add_working_days(began, rng.choice([12, 18, 20, 24]))
            for index in range(8):
                if held >= today or (left_on and held > left_on):
                    break
                code = "PN0" if held < add_months(born, 48) else rng.choice(CODES)
                rows.append(LookedAfterReview(la_id=la_id, la_child_id=child, held_on=held, participation=code))
                held = add_months(held, 3 if index == 0 else 6) + timedelta(days=rng.choice([-20, -5, 0, 7, 25]))
        if rng.random() < 0.5:
            enquiry = began - timedelta(days=rng.randrange(20, 200))
            conference = calendar.add_working_days(enquiry, rng.choice([8, 12, 15, 17]))
            if conference < today:
                rows.append(Section47Enquiry(la_id=la_id, la_child_id=child, started_on=enquiry, initial_conference_on=conference))
                ended = conference + timedelta(days=rng.choice([120, 300, 500, 800]))
                category = rng.choice(CATEGORIES)
                rows.append(ProtectionPlan(la_id=la_id, la_child_id=child, started_on=conference, ended_on=ended if ended < today else None,
                                           initial_category=category, latest_category=category, previous_plans=rng.choice([0, 0, 0, 1])))
    session.add_all(rows)
    return len(rows)
