"""Audit results summarised per council, per GP practice and per period."""

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from portal.audit.contribution import Contribution
from portal.audit.results import Level, ScoreResult

LONDON = ZoneInfo("Europe/London")


@dataclass(frozen=True, slots=True)
class Summary:
    group: str
    contributions: int
    mean_score: float | None
    most_often_not_met: tuple[tuple[str, int], ...]
    late: int
    never_shared: int
    criteria_met: int
    criteria_applicable: int


Scored = tuple[Contribution, ScoreResult]


def quarter(moment: datetime) -> str:
    local = moment.astimezone(LONDON)
    return f"{local.year}-Q{(local.month - 1) // 3 + 1}"


def month(moment: datetime) -> str:
    return moment.astimezone(LONDON).strftime("%Y-%m")


def by_council(item: Scored) -> str:
    return item[0].conference.la_slug


def by_practice(item: Scored) -> str:
    org = item[0].organisation
    return f"{org.code} {org.name}".strip()


def by_quarter(item: Scored) -> str:
    return quarter(item[0].conference.scheduled_at)


def by_month(item: Scored) -> str:
    return month(item[0].conference.scheduled_at)


def summarise(items: Iterable[Scored], key: Callable[[Scored], str], top: int = 3) -> list[Summary]:
    """One summary per group, in group order; `top` criteria most often NOT_MET (ties by criterion id)."""
    groups: dict[str, list[ScoreResult]] = defaultdict(list)
    for item in items:
        groups[key(item)].append(item[1])
    summaries = []
    for group in sorted(groups):
        results = groups[group]
        scores = [r.score for r in results if r.score is not None]
        not_met = Counter(c.criterion_id for r in results for c in r.criteria if c.level is Level.NOT_MET)
        ranked = sorted(not_met.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
        summaries.append(
            Summary(
                group=group,
                contributions=len(results),
                mean_score=round(sum(scores) / len(scores), 1) if scores else None,
                most_often_not_met=tuple(ranked),
                late=sum(r.late is True for r in results),
                never_shared=sum(r.never_shared for r in results),
                criteria_met=sum(c.level is Level.MET for r in results for c in r.criteria),
                criteria_applicable=sum(c.level is not Level.NOT_APPLICABLE for r in results for c in r.criteria),
            )
        )
    return summaries
