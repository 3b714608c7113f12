"""A reproducible random sample of contributions for an audit round, stratified by council."""

import math
import random
import secrets
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Candidate:
    contribution_id: str
    council: str


@dataclass(frozen=True, slots=True)
class Sample:
    seed: int
    by_council: dict[str, tuple[str, ...]]

    @property
    def contribution_ids(self) -> tuple[str, ...]:
        return tuple(i for council in sorted(self.by_council) for i in self.by_council[council])


def draw_sample(
    candidates: Iterable[Candidate],
    *,
    per_council: int | None = None,
    fraction: float | None = None,
    seed: int | None = None,
) -> Sample:
    """Draw `per_council` contributions (or `fraction` of each council's, rounded up) from each council.

    The same candidates and seed give the same sample whatever order the candidates come in.
    Without a seed one is chosen and returned, so the round can record it.
    """
    if (per_council is None) == (fraction is None):
        raise ValueError("give exactly one of per_council and fraction")
    if per_council is not None and per_council < 0:
        raise ValueError("per_council must not be negative")
    if fraction is not None and not 0 < fraction <= 1:
        raise ValueError("fraction must be more than 0 and at most 1")
    if seed is None:
        seed = secrets.randbits(32)
    pools: dict[str, set[str]] = defaultdict(set)
    for candidate in candidates:
        pools[candidate.council].add(candidate.contribution_id)
    by_council = {}
    for council in sorted(pools):
        pool = sorted(pools[council], key=lambda i: (len(i), i))
        size = per_council if per_council is not None else math.ceil(len(pool) * fraction)  # type: ignore[operator]
        rng = random.Random(f"{seed}:{council}")
        by_council[council] = tuple(sorted(rng.sample(pool, min(size, len(pool))), key=lambda i: (len(i), i)))
    return Sample(seed, by_council)
