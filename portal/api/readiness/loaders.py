"""Readiness for a page of conferences in one batch."""

from collections.abc import Mapping

from strawberry.dataloader import DataLoader

from portal import clock
from portal.api.batching import Reader
from portal.readiness.loading import load_readiness
from portal.readiness.result import ReadinessResult
from portal.timescales import LARules


def readiness_loader(reader: Reader, rules: Mapping[str, LARules]) -> DataLoader[int, ReadinessResult | None]:
    """Every conference's readiness on a page from one call to load_readiness."""

    async def load(ids: list[int]) -> list[ReadinessResult | None]:
        async with reader.lock:
            results = await load_readiness(reader.session, ids, clock.now(), rules)
        return [results.get(i) for i in ids]

    return DataLoader(load_fn=load)
