"""A conference's readiness: its checks and who must act on each."""

from datetime import datetime

import strawberry

from portal import access
from portal.api.batching import ready
from portal.api.context import Info
from portal.api.people.types import OrganisationType
from portal.api.prefetch import Load, Plan, Within
from portal.enums import Role
from portal.readiness.result import ReadinessResult, Status

RoleEnum = strawberry.enum(Role, name="Role")
ReadinessStatusEnum = strawberry.enum(Status, name="ReadinessStatus")


@strawberry.type(name="WhoMustAct")
@access.fields({"readiness.read": ("role", "organisation", "by")})
class WhoMustActType:
    role: RoleEnum  # type: ignore[valid-type]
    organisation_id: strawberry.Private[int | None]
    by: datetime | None = strawberry.field(
        description="By when: a contributor's report (or sharing) deadline, the chair's deadline for deciding, otherwise the meeting.")

    @strawberry.field(description="For a contributor, the organisation that must act.")
    def organisation(self, info: Info) -> OrganisationType | None:
        return ready(info.context.loaders.organisation, self.organisation_id) if self.organisation_id else None


@strawberry.type(name="ReadinessCheck")
@access.fields({"readiness.read": ("id", "title", "status", "explanation", "who_must_act")})
class ReadinessCheckType:
    id: str = strawberry.field(description="Stable id of the check, e.g. all_invited_submitted.")
    title: str
    status: ReadinessStatusEnum  # type: ignore[valid-type]
    explanation: str
    who_must_act: list[WhoMustActType]


@strawberry.type(name="Readiness")
@access.fields({"readiness.read": ("conference_id", "status", "checks", "unmet")})
class ReadinessType:
    """Is the conference ready, and if not, who must do what."""

    conference_id: strawberry.ID
    status: ReadinessStatusEnum  # type: ignore[valid-type]
    checks: list[ReadinessCheckType]

    @strawberry.field(description="The checks not met or at risk, in the same order.")
    def unmet(self) -> list[ReadinessCheckType]:
        return [c for c in self.checks if c.status in (Status.NOT_MET, Status.AT_RISK)]

    @classmethod
    def of(cls, result: ReadinessResult) -> "ReadinessType":
        return cls(
            conference_id=strawberry.ID(result.conference_id),
            status=result.status,
            checks=[
                ReadinessCheckType(
                    id=c.id, title=c.title, status=c.status, explanation=c.explanation,
                    who_must_act=[
                        WhoMustActType(role=a.role, organisation_id=int(a.organisation_id) if a.organisation_id else None, by=a.by)
                        for a in c.who_must_act
                    ],
                )
                for c in result.checks
            ],
        )


@strawberry.type(name="ChairNeed")
@access.fields({"invitation.needs": ("check_id", "title", "status", "by")})
class ChairNeedType:
    """A readiness check not yet met that names the invited organisation among those who must act."""

    check_id: str = strawberry.field(description="The readiness check's stable id, e.g. all_invited_submitted.")
    title: str
    status: ReadinessStatusEnum  # type: ignore[valid-type]
    by: datetime | None

    @classmethod
    def of(cls, result: ReadinessResult | None, organisation_id: int) -> list["ChairNeedType"]:
        if result is None:
            return []
        return [
            cls(check_id=c.id, title=c.title, status=c.status, by=a.by)
            for c in result.checks
            if c.status in (Status.NOT_MET, Status.AT_RISK)
            for a in c.who_must_act
            if a.role is Role.CONTRIBUTOR and a.organisation_id == str(organisation_id)
        ]


_CHECKS = Within(lambda result: result.checks, then={
    "whoMustAct": Within(lambda check: check.who_must_act, then={
        "organisation": Load(lambda loaders: loaders.organisation, lambda who: int(who.organisation_id) if who.organisation_id else None),
    }),
})
READINESS_PLAN: Plan = {"checks": _CHECKS, "unmet": _CHECKS}
