"""Shared phrasing for check explanations."""

from collections.abc import Iterable
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


def contributors(invitations: Iterable[Invitation]) -> tuple[WhoMustAct, ...]:
    return tuple(WhoMustAct(Role.CONTRIBUTOR, i.organisation.id, i.organisation.name) for i in invitations)
