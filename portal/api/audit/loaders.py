"""The audit's own relationships: an item's round, auditors' levels and moderator's decisions; and
the names a pseudonymised report keeps, once per region."""

from strawberry.dataloader import DataLoader

from portal.api.batching import Reader, by_id, grouped
from portal.audit.models import AuditorLevel, AuditRound, ModeratorDecision
from portal.audit.pseudonymise import Protected
from portal.audit.services import protected_names


def _protected(reader: Reader) -> DataLoader[int, Protected]:
    async def load(region_ids: list[int]) -> list[Protected]:
        async with reader.lock:
            return [await protected_names(reader.session, region_id) for region_id in region_ids]

    return DataLoader(load_fn=load)


class AuditLoaders:
    def __init__(self, reader: Reader) -> None:
        self.round = by_id(reader, AuditRound)
        self.protected = _protected(reader)
        self.auditor_levels_by_item = grouped(reader, AuditorLevel.item_id, AuditorLevel, AuditorLevel.auditor_id)
        self.decisions_by_item = grouped(reader, ModeratorDecision.item_id, ModeratorDecision)
