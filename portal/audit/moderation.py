"""Settle auditors' levels: where they agree that stands; where they differ the moderator decides."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from portal.audit.results import Level

Key = tuple[str, str]  # (contribution id, criterion id)


@dataclass(frozen=True, slots=True)
class Settlement:
    levels: dict[Key, Level]
    awaiting_moderator: tuple[Key, ...]


def settle(auditors: Mapping[Key, Sequence[Level]], moderator: Mapping[Key, Level]) -> Settlement:
    """The moderator's level wins wherever given; otherwise the auditors' level when they all agree."""
    levels: dict[Key, Level] = {}
    waiting: list[Key] = []
    for key in sorted(auditors.keys() | moderator.keys()):
        if key in moderator:
            levels[key] = moderator[key]
            continue
        distinct = set(auditors[key])
        if len(distinct) == 1:
            levels[key] = distinct.pop()
        elif distinct:
            waiting.append(key)
    return Settlement(levels, tuple(waiting))
