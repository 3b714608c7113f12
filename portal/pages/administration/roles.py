"""The roles an administrator may grant, as the people forms' checkboxes: `CHAIR@3` is the chair
role in local authority 3; a role held across the region has no `@`."""

from dataclasses import dataclass
from typing import Any

from portal.enums import Role

LA_ROLES = (Role.CHAIR, Role.BUSINESS_SUPPORT, Role.SOCIAL_WORKER, Role.TEAM_MANAGER, Role.SERVICE_MANAGER, Role.IRO_MANAGER, Role.HEAD_OF_SERVICE,
            Role.DIRECTOR, Role.LA_ADMIN, Role.AUDITOR)
ORGANISATION_ROLES = (Role.CONTRIBUTOR, Role.GUARDIAN, Role.ORG_ADMIN)
LABELS = {
    Role.CHAIR: "Chair (independent reviewing officer)", Role.BUSINESS_SUPPORT: "Business support", Role.SOCIAL_WORKER: "Social worker",
    Role.LA_ADMIN: "LA administrator", Role.AUDITOR: "Auditor for the council", Role.CONTRIBUTOR: "Contributor (writes the organisation’s reports)",
    Role.GUARDIAN: "CAFCASS guardian", Role.ORG_ADMIN: "Organisation administrator (its API tokens)",
    Role.TEAM_MANAGER: "Team manager (answers IRO challenges)", Role.SERVICE_MANAGER: "Service manager (answers escalated IRO challenges)",
    Role.IRO_MANAGER: "IRO manager", Role.HEAD_OF_SERVICE: "Head of service (reads the IRO annual report)",
    Role.DIRECTOR: "Director of children's services",
}


@dataclass(frozen=True)
class Choice:
    value: str
    text: str


def choices(la_names: dict[str, str]) -> list[Choice]:
    """Every role the administrator may grant: the LA roles in each LA they administer, then the organisation's."""
    found = [Choice(f"{role}@{la}", f"{LABELS[role]}, {name}" if len(la_names) > 1 else LABELS[role]) for la, name in la_names.items() for role in LA_ROLES]
    return found + [Choice(str(role), LABELS[role]) for role in ORGANISATION_ROLES]


def value(grant: dict[str, Any]) -> str:
    la = grant["localAuthority"]
    return f"{grant['role']}@{la['id']}" if la else grant["role"]


def label(grant: dict[str, Any]) -> str:
    la = grant["localAuthority"]
    text = LABELS.get(grant["role"], grant["role"])
    return f"{text}, {la['name']}" if la else text


def as_input(values: list[str]) -> list[dict[str, str]]:
    """The checked boxes as the mutations' RoleInput list (an unknown value is passed on for the API to refuse)."""
    found = []
    for checked in dict.fromkeys(values):
        role, _, la = checked.partition("@")
        found.append({"role": role, "laId": la} if la else {"role": role})
    return found
