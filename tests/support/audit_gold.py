"""The GP audit gold set: invented reports in the API's JSON shape, labelled criterion by criterion from
the rubric's level descriptions by people who never read the scorer's code (tests/audit/gold/README.md).

Used by the tests and by bench/audit_agreement.py."""

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from portal.audit.agreement import cohens_kappa
from portal.audit.contribution import parse_contribution
from portal.audit.results import Level
from portal.audit.scorer import Scorer

GOLD = Path(__file__).resolve().parent.parent / "audit" / "gold"

Labels = dict[str, dict[str, Level]]  # report id -> criterion id -> level


def _read(name: str) -> Any:
    return json.loads((GOLD / name).read_text(encoding="utf-8"))


def _labels(name: str) -> Labels:
    return {report: {c: Level(level) for c, level in levels.items()} for report, levels in _read(name).items()}


@dataclass(frozen=True)
class GoldSet:
    reports: dict[str, dict[str, Any]]
    labels_a: Labels
    labels_b: Labels
    tuning: tuple[str, ...]
    held_out: tuple[str, ...]


@cache
def load_gold() -> GoldSet:
    split = _read("split.json")
    reports = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted((GOLD / "reports").glob("g*.json"))}
    return GoldSet(reports, _labels("labels_a.json"), _labels("labels_b.json"), tuple(split["tuning"]), tuple(split["held_out"]))


def scorer_labels(scorer: Scorer, reports: Mapping[str, dict[str, Any]]) -> Labels:
    labels: Labels = {}
    for report_id, data in reports.items():
        result = scorer.score(parse_contribution(data))
        labels[report_id] = {c.criterion_id: c.level for c in result.criteria}
    return labels


@dataclass(frozen=True)
class Agreement:
    compared: int
    percent: float | None
    kappa: float | None


def compare(first: Labels, second: Labels, report_ids: Iterable[str], criterion_id: str | None = None) -> Agreement:
    """Agreement over the given reports, on one criterion or (None) on every criterion both rated."""
    pairs = [
        (first[r][c].value, second[r][c].value)
        for r in report_ids
        if r in first and r in second
        for c in sorted(first[r].keys() & second[r].keys())
        if criterion_id is None or c == criterion_id
    ]
    if not pairs:
        return Agreement(0, None, None)
    kappa = cohens_kappa(pairs)
    return Agreement(len(pairs), round(100 * sum(a == b for a, b in pairs) / len(pairs), 1), None if kappa is None else round(kappa, 3))
