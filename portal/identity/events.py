"""The sign-in log: every attempt, success, refusal and sign-out, as a row and a log line (the address only in the row)."""

import logging
from enum import StrEnum

from sqlalchemy.ext.asyncio import AsyncSession

from portal.identity.models import SignInEvent
from portal.observability.metrics import SIGN_IN_FAILURES

log = logging.getLogger("portal.sign_in")


class Event(StrEnum):
    CODE_REQUESTED = "CODE_REQUESTED"
    CODE_FOR_UNKNOWN_ADDRESS = "CODE_FOR_UNKNOWN_ADDRESS"
    CODE_REFUSED = "CODE_REFUSED"
    RATE_LIMITED = "RATE_LIMITED"
    SIGNED_IN = "SIGNED_IN"
    PROVIDER_REFUSED = "PROVIDER_REFUSED"
    PROVIDER_DOWN = "PROVIDER_DOWN"
    UNKNOWN_PERSON = "UNKNOWN_PERSON"
    SIGNED_OUT = "SIGNED_OUT"
    SIGNED_OUT_EVERYWHERE = "SIGNED_OUT_EVERYWHERE"
    INVITED = "INVITED"
    ROLES_CHANGED = "ROLES_CHANGED"
    SUSPENDED = "SUSPENDED"


FAILURES = frozenset({Event.CODE_FOR_UNKNOWN_ADDRESS, Event.CODE_REFUSED, Event.RATE_LIMITED, Event.PROVIDER_REFUSED, Event.PROVIDER_DOWN,
                      Event.UNKNOWN_PERSON})


def record(db: AsyncSession, event: Event, *, person_id: int | None = None, email: str = "", method: str = "",
           client_address: str = "", detail: str = "") -> None:
    if event in FAILURES:
        SIGN_IN_FAILURES.labels(event.value).inc()
    log.info("%s person=%s method=%s client=%s %s", event, person_id, method, client_address, detail)
    db.add(SignInEvent(kind=event, person_id=person_id, email=email[:320], method=method[:80], client_address=client_address[:64], detail=detail[:300]))
