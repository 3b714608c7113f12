"""Agreement between the scorer's levels and human auditors' levels, per criterion."""

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from portal.audit.results import Level


@dataclass(frozen=True, slots=True)
class Disagreement:
    contribution_id: str
    criterion_id: str
    scorer: Level
    auditor: Level


@dataclass(frozen=True, slots=True)
class CriterionAgreement:
    criterion_id: str
    compared: int
    percent: float | None
    kappa: float | None
    disagreements: tuple[Disagreement, ...]


def cohens_kappa(pairs: Iterable[tuple[str, str]]) -> float | None:
    """Cohen's kappa for two raters; None when it is undefined (no pairs, or chance agreement is 1)."""
    pairs = list(pairs)
    n = len(pairs)
    if not n:
        return None
    observed = sum(a == b for a, b in pairs) / n
    first = Counter(a for a, _ in pairs)
    second = Counter(b for _, b in pairs)
    expected = sum(first[k] * second[k] for k in first) / (n * n)
    if expected == 1:
        return None
    return (observed - expected) / (1 - expected)


Key = tuple[str, str]  # (contribution id, criterion id)


def agreement(scorer: Mapping[Key, Level], auditor: Mapping[Key, Level]) -> dict[str, CriterionAgreement]:
    """Compare levels for every (contribution, criterion) both rated, criterion by criterion."""
    pairs_by_criterion: dict[str, list[tuple[str, Level, Level]]] = {}
    for key in sorted(scorer.keys() & auditor.keys()):
        contribution_id, criterion_id = key
        pairs_by_criterion.setdefault(criterion_id, []).append((contribution_id, scorer[key], auditor[key]))
    results = {}
    for criterion_id, rows in sorted(pairs_by_criterion.items()):
        kappa = cohens_kappa((s.value, a.value) for _, s, a in rows)
        agreed = sum(s is a for _, s, a in rows)
        results[criterion_id] = CriterionAgreement(
            criterion_id,
            len(rows),
            round(100 * agreed / len(rows), 1),
            None if kappa is None else round(kappa, 3),
            tuple(Disagreement(c, criterion_id, s, a) for c, s, a in rows if s is not a),
        )
    return results
