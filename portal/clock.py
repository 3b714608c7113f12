"""The one place the portal reads the time. Production reads the system clock; tests pin it.

Code calls `clock.now()` (an aware UTC datetime) or `clock.today()`. The request edge, the
worker and the CLI all read the clock installed here, so a test that installs a `FixedClock`
moves every part of the portal at once.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime: ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


@dataclass
class FixedClock:
    """A clock that stands still until moved."""

    at: datetime

    def __post_init__(self) -> None:
        if self.at.tzinfo is None:
            raise ValueError("a clock keeps aware times; give a timezone")

    def now(self) -> datetime:
        return self.at

    def move_to(self, at: datetime) -> None:
        self.at = at

    def advance(self, delta: timedelta) -> None:
        self.at += delta


_installed: Clock = SystemClock()


def current() -> Clock:
    return _installed


def install(clock: Clock) -> Clock:
    """Make `clock` the portal's clock; returns the one it replaces."""
    global _installed
    previous, _installed = _installed, clock
    return previous


def now() -> datetime:
    return _installed.now()


def today() -> date:
    return now().date()
