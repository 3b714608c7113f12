"""Demo: the child of the demo family's upcoming conference has a link for their views, so a visitor can act
as them (in "Families known to …") and open /views/{id} from "Meetings about your children"."""

import secrets
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy.orm import Session

from portal.children.models import Child
from portal.conferences.models import Conference
from portal.families.child_views import LIFETIME
from portal.families.models import ChildViewsLink
from portal.identity.secrets import digest
from portal.people.models import Organisation, Person


def child_views_link(session: Session, conference: Conference, families: Organisation, worker: Person, child_id: int, today: date) -> None:
    child = session.get(Child, child_id)
    assert child is not None
    person = Person(organisation_id=families.id, name=f"{child.given_name} {child.family_name}", email=f"young-person-{child.id}@example.org")
    session.add(person)
    session.flush()
    sent = datetime.combine(today - timedelta(days=2), time(10), UTC)
    # Demo visitors act as the child, so no one needs the code: its digest is of a random one.
    session.add(ChildViewsLink(conference_id=conference.id, child_id=child.id, la_id=conference.la_id, person_id=person.id, token_hash=digest(secrets.token_urlsafe(32)),
                               code_hash=secrets.token_hex(32), sent_by_id=worker.id, sent_at=sent, expires_at=sent + LIFETIME))
