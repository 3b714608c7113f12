"""The audit's own relationships: an item's round, auditors' levels and moderator's decisions."""

from portal.api.batching import Reader, by_id, grouped
from portal.audit.models import AuditorLevel, AuditRound, ModeratorDecision


class AuditLoaders:
    def __init__(self, reader: Reader) -> None:
        self.round = by_id(reader, AuditRound)
        self.auditor_levels_by_item = grouped(reader, AuditorLevel.item_id, AuditorLevel, AuditorLevel.auditor_id)
        self.decisions_by_item = grouped(reader, ModeratorDecision.item_id, ModeratorDecision)
