"""The challenge clinic's drift watchlist: the children an LA's records show meeting any of the clinic's
themes today, each with the evidence (which plan or episode, since when, for how long). Plain functions
of the records, the LA's thresholds and the day; a child leaves the list when the reason ends."""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from portal.history import codes
from portal.monitoring.config import Watchlist
from portal.timescales.workdays import add_months

THEMES = ("second_plan", "long_plan", "very_long_plan", "placement_order", "placed_with_parents", "placement_moves", "short_breaks",
          "connected_carers_care_order")


@dataclass(frozen=True)
class Reason:
    theme: str
    label: str
    evidence: str
    record: str  # "protection plan" or "looked after episode"
    since: date  # the record's start, or when the reason began
    days: int  # from `since` to the day


@dataclass
class Entry:
    la_child_id: str
    reasons: list[Reason] = field(default_factory=list)


def whole_months(start: date, end: date) -> int:
    months = (end.year - start.year) * 12 + end.month - start.month
    return months - 1 if add_months(start, months) > end else months


def _day(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _for(months: int) -> str:
    return f"{months} month{'' if months == 1 else 's'}"


def _open(started: date, ended: date | None, on: date) -> bool:
    """In progress on the day: begun by it and not ended on or before it."""
    return started <= on and (ended is None or ended > on)


def _plans(entry_for: Any, plans: Iterable[Any], today: date, limits: Watchlist) -> None:
    by_child: dict[str, list[Any]] = defaultdict(list)
    for plan in plans:
        by_child[plan.la_child_id].append(plan)
    for child, own in by_child.items():
        own.sort(key=lambda p: p.started_on)
        for n, plan in enumerate(own):
            if not _open(plan.started_on, plan.ended_on, today):
                continue
            days, months = (today - plan.started_on).days, whole_months(plan.started_on, today)
            opened = f"Plan begun {_day(plan.started_on)}, open {_for(months)} ({days} days)"
            earlier = max(n, plan.previous_plans or 0)
            if earlier >= 1:
                before = "; ".join(f"{_day(p.started_on)} to {_day(p.ended_on)}" if p.ended_on else f"{_day(p.started_on)}" for p in own[:n])
                evidence = f"{opened}; {earlier} earlier plan{'' if earlier == 1 else 's'}" + (f" ({before})" if before else " (NumberOfPreviousCPP)")
                entry_for(child).append(Reason("second_plan", "Second or subsequent protection plan", evidence, "protection plan", plan.started_on, days))
            if today >= add_months(plan.started_on, limits.long_plan_months):
                entry_for(child).append(Reason("long_plan", f"Protection plan {_for(limits.long_plan_months)} or more", opened, "protection plan",
                                               plan.started_on, days))
            if today > add_months(plan.started_on, limits.very_long_plan_months):
                entry_for(child).append(Reason("very_long_plan", f"Protection plan over {_for(limits.very_long_plan_months)}", opened,
                                               "protection plan", plan.started_on, days))


def _episode_text(episode: Any) -> str:
    return f"episode begun {_day(episode.started_on)} (legal status {episode.legal_status}, placement {episode.placement})"


def _looked_after(entry_for: Any, episodes: Iterable[Any], today: date, limits: Watchlist) -> None:
    by_child: dict[str, list[Any]] = defaultdict(list)
    for episode in episodes:
        if episode.started_on <= today:
            by_child[episode.la_child_id].append(episode)
    window = add_months(today, -limits.placements_within_months)
    for child, own in by_child.items():
        own.sort(key=lambda e: e.started_on)
        latest = own[-1]
        current = latest if _open(latest.started_on, latest.ended_on, today) else None
        if latest.legal_status in limits.short_break_legal_statuses and (
                current is not None or (latest.ended_on is not None and add_months(latest.ended_on, limits.short_break_recent_months) >= today)):
            ended = "" if current is not None else f", ended {_day(latest.ended_on)}"
            entry_for(child).append(Reason("short_breaks", "Short breaks under section 20", f"Short-break {_episode_text(latest)}{ended}",
                                           "looked after episode", latest.started_on, (today - latest.started_on).days))
        if current is None:
            continue
        if current.legal_status in limits.placement_order_legal_statuses:
            start = len(own) - 1
            while start > 0 and own[start - 1].legal_status in limits.placement_order_legal_statuses and own[start - 1].reason_ended == codes.CONTINUES:
                start -= 1
            since = own[start].started_on
            if today >= add_months(since, limits.placement_order_months):
                months = whole_months(since, today)
                entry_for(child).append(Reason(
                    "placement_order", f"Placement order {_for(limits.placement_order_months)} or more",
                    f"Legal status {current.legal_status} since {_day(since)}, {_for(months)} ({(today - since).days} days); current {_episode_text(current)}",
                    "looked after episode", since, (today - since).days))
        if current.placement in limits.placed_with_parents_placements:
            entry_for(child).append(Reason("placed_with_parents", "Placed with parents", f"Placement {current.placement} in the current {_episode_text(current)}",
                                           "looked after episode", current.started_on, (today - current.started_on).days))
        placements = [e for e in own if (e.started_on < window and (e.ended_on is None or e.ended_on > window))
                      or (window <= e.started_on <= today and e.reason_new_episode in codes.NEW_CARERS)]
        if len(placements) >= limits.placements:
            listed = "; ".join(f"{e.placement} from {_day(e.started_on)}" for e in placements)
            entry_for(child).append(Reason(
                "placement_moves", f"{limits.placements} or more placements in {_for(limits.placements_within_months)}",
                f"{len(placements)} placements since {_day(window)}: {listed}", "looked after episode", placements[0].started_on,
                (today - placements[0].started_on).days))
        if current.placement in limits.connected_carer_placements and current.legal_status in limits.care_order_legal_statuses:
            entry_for(child).append(Reason(
                "connected_carers_care_order", "Looked after by family or friends on a care order (to revoke?)",
                f"Placement {current.placement} with family or friends under legal status {current.legal_status}; {_episode_text(current)}",
                "looked after episode", current.started_on, (today - current.started_on).days))


def drift_watchlist(episodes: Sequence[Any], plans: Sequence[Any], today: date, limits: Watchlist) -> list[Entry]:
    """Every child meeting a clinic theme on `today`, by LA child id, each reason in the themes' order."""
    entries: dict[str, Entry] = {}

    def entry_for(child: str) -> list[Reason]:
        return entries.setdefault(child, Entry(child)).reasons

    _plans(entry_for, plans, today, limits)
    _looked_after(entry_for, episodes, today, limits)
    order = {theme: n for n, theme in enumerate(THEMES)}
    for entry in entries.values():
        entry.reasons.sort(key=lambda r: order[r.theme])
    return sorted(entries.values(), key=lambda e: e.la_child_id)
