"""Counting challenges: for the head of service's overview and the IRO annual report. Plain functions
of one row per challenge (as `records.challenge_records` loads them)."""

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from portal.challenges.models import ChallengeOutcome, ChallengeStatus
from portal.challenges.process import over_limit
from portal.challenges.reasons import reasons

AWAITING = "AWAITING"  # no answer yet at the stage reached


@dataclass(frozen=True)
class ChallengeRecord:
    raised_on: date
    kind: str
    reasons: tuple[str, ...]
    stage: str  # the highest stage reached
    stage_name: str
    position: int
    outcome: str | None  # the last answer's
    status: str
    due_on: date
    closed_on: date | None


def raised_between(records: Iterable[ChallengeRecord], first: date | None, last: date | None) -> list[ChallengeRecord]:
    return [r for r in records if (first is None or r.raised_on >= first) and (last is None or r.raised_on <= last)]


def by_reason(records: Sequence[ChallengeRecord]) -> list[tuple[str, str, int]]:
    """(reason, label, count) for every reason of the list, in its order; a challenge counts under each of its reasons."""
    counts = Counter(reason for r in records for reason in set(r.reasons))
    known = reasons()
    return [(reason.id, reason.label, counts[reason.id]) for reason in known.reasons] + [
        (extra, extra, counts[extra]) for extra in sorted(set(counts) - set(known.ids()))]


def by_highest_stage(records: Sequence[ChallengeRecord]) -> list[tuple[str, str, int]]:
    """(stage, name, count) for each stage some challenge reached as its highest, in the process's order."""
    counts = Counter((r.position, r.stage, r.stage_name) for r in records)
    return [(stage, name, count) for (_, stage, name), count in sorted(counts.items())]


def by_outcome(records: Sequence[ChallengeRecord]) -> list[tuple[str, int]]:
    counts = Counter(r.outcome or AWAITING for r in records)
    return [(outcome, counts[outcome]) for outcome in (*ChallengeOutcome, AWAITING)]


def upheld(records: Sequence[ChallengeRecord]) -> int:
    return sum(r.outcome == ChallengeOutcome.UPHELD for r in records)


def still_open(records: Sequence[ChallengeRecord]) -> int:
    return sum(r.status == ChallengeStatus.OPEN for r in records)


def past_limit(records: Sequence[ChallengeRecord], today: date) -> int:
    return sum(over_limit(r.due_on, r.closed_on, today) for r in records)
