"""What business support see while chasing: each invitation's due times against the rules, its
override, the reminders sent and to come, and the phone calls made."""

from datetime import datetime

import strawberry

from portal import access
from portal.api.batching import ready
from portal.api.conferences.types import InvitationType
from portal.api.context import Info
from portal.api.people.types import OrganisationType, PersonType
from portal.chasing.models import PhoneChase
from portal.chasing.services import Chase
from portal.conferences.models import Invitation


@strawberry.type(name="PhoneChase")
@access.fields({"chasing.read": ("id", "spoke_to", "chased_at", "note", "recorded_at", "recorded_by")})
class PhoneChaseType:
    id: strawberry.ID
    spoke_to: str = strawberry.field(description="Who was spoken to, or who the message was left for.")
    chased_at: datetime
    note: str
    recorded_at: datetime

    @strawberry.field
    def recorded_by(self, root: strawberry.Parent[PhoneChase], info: Info) -> PersonType | None:
        return ready(info.context.loaders.person, root.recorded_by_id)


@strawberry.type(name="DueOverride")
@access.fields({"chasing.read": ("reason", "overridden_at", "overridden_by")})
class DueOverrideType:
    reason: str
    overridden_at: datetime
    overridden_by_id: strawberry.Private[int | None]

    @strawberry.field
    def overridden_by(self, info: Info) -> PersonType | None:
        return ready(info.context.loaders.person, self.overridden_by_id) if self.overridden_by_id else None

    @classmethod
    def of(cls, invitation: Invitation) -> "DueOverrideType | None":
        if invitation.due_override_reason is None or invitation.due_overridden_at is None:
            return None
        return cls(reason=invitation.due_override_reason, overridden_at=invitation.due_overridden_at, overridden_by_id=invitation.due_overridden_by_id)


@strawberry.type(name="InvitationChase")
@access.fields({"chasing.read": (
    "invitation", "submitted", "overdue", "rule_report_due_at", "rule_family_due_at", "due_override", "last_reminder_sent_at",
    "last_reminder_kind", "next_reminder_at", "recipients", "phone_chases",
)})
class InvitationChaseType:
    invitation: InvitationType
    submitted: bool
    overdue: bool
    rule_report_due_at: datetime | None = strawberry.field(description="When the LA's rules say the report is due; null until the meeting is scheduled.")
    rule_family_due_at: datetime | None
    last_reminder_sent_at: datetime | None
    last_reminder_kind: str | None
    next_reminder_at: datetime | None = strawberry.field(
        description="When the next reminder email goes out (now, when the worker's next pass sends it); null when none is left to send.")
    recipients: int = strawberry.field(description="How many of the organisation's contributors the reminder emails go to.")
    phone_chases: list[PhoneChaseType] = strawberry.field(description="Phone calls made to chase the report, latest first.")

    @strawberry.field(description="Set when the due times were moved off the rules: why, when and by whom.")
    def due_override(self, root: strawberry.Parent[Chase]) -> DueOverrideType | None:
        return DueOverrideType.of(root.invitation)


@strawberry.type(name="ChasingOrganisation")
@access.fields({"chasing.read": ("organisation", "chases")})
class ChasingOrganisationType:
    organisation_id: strawberry.Private[int]
    chases: list[InvitationChaseType]

    @strawberry.field
    def organisation(self, info: Info) -> OrganisationType:
        return ready(info.context.loaders.organisation, self.organisation_id)


@strawberry.type(name="Chasing")
@access.fields({"chasing.read": ("until", "within_working_days", "organisations")})
class ChasingType:
    until: datetime = strawberry.field(description="The end of the last working day counted: reports due by then, or overdue, are listed.")
    within_working_days: int
    organisations: list[ChasingOrganisationType] = strawberry.field(description="Grouped by organisation, the one with the soonest due report first.")

    @classmethod
    def of(cls, until: datetime, working_days: int, chases: list[Chase]) -> "ChasingType":
        groups: dict[int, list[Chase]] = {}
        for chase in chases:
            groups.setdefault(chase.invitation.organisation_id, []).append(chase)
        return cls(until=until, within_working_days=working_days,
                   organisations=[ChasingOrganisationType(organisation_id=o, chases=c) for o, c in groups.items()])  # type: ignore[arg-type]
