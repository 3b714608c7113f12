"""Shared phrasing for check explanations."""

from collections.abc import Callable, Iterable
from datetime import datetime
from zoneinfo import ZoneInfo

from portal.enums import Role
from portal.readiness.inputs import Invitation
from portal.readiness.result import WhoMustAct

CHAIR = WhoMustAct(Role.CHAIR)
BUSINESS_SUPPORT = WhoMustAct(Role.BUSINESS_SUPPORT)
SOCIAL_WORKER = WhoMustAct(Role.SOCIAL_WORKER)


def when(moment: datetime, zone: ZoneInfo) -> str:
    local = moment.astimezone(zone)
    return f"{local:%a} {local.day} {local:%b %Y} {local:%H:%M}"


def listed(items: Iterable[str]) -> str:
    names = list(items)
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def report_due(invitation: Invitation) -> datetime:
    return invitation.report_due_at


def contributors(invitations: Iterable[Invitation], due: Callable[[Invitation], datetime | None] = report_due) -> tuple[WhoMustAct, ...]:
    """The invited organisations that must act, each by its own deadline (the report's, unless given)."""
    return tuple(WhoMustAct(Role.CONTRIBUTOR, i.organisation.id, i.organisation.name, due(i)) for i in invitations)
