"""The gold set loads, its split is the committed one, and the agreement bench runs on it."""

import random
import subprocess
import sys

from portal.audit.results import Level
from portal.settings import ROOT
from tests.support import audit_fifth
from tests.support.audit_gold import compare, load_gold, scorer_labels


def test_every_gold_report_is_labelled_on_every_criterion(rubric):
    gold = load_gold()
    assert len(gold.reports) == 48 and set(gold.labels_a) == set(gold.reports)
    ids = [c.id for c in rubric.criteria]
    assert all(sorted(levels) == sorted(ids) for levels in gold.labels_a.values())
    assert set(gold.labels_b) <= set(gold.reports) and len(gold.labels_b) == 16


def test_the_split_is_seeded_and_disjoint():
    gold = load_gold()
    assert sorted(random.Random(2026).sample(sorted(gold.reports), 16)) == list(gold.held_out)
    assert not set(gold.tuning) & set(gold.held_out)
    assert set(gold.tuning) | set(gold.held_out) == set(gold.reports)


def test_the_scorer_agrees_with_the_labeller_on_the_tuning_reports(scorer):
    gold = load_gold()
    agreement = compare(scorer_labels(scorer, {r: gold.reports[r] for r in gold.tuning}), gold.labels_a, gold.tuning)
    assert agreement.compared == 32 * 19
    assert agreement.kappa is not None and agreement.kappa >= 0.6


def test_agreement_counts_only_matching_levels():
    first = {"g1": {"a": Level.MET, "b": Level.NOT_MET}}
    second = {"g1": {"a": Level.MET, "b": Level.MET}}
    assert compare(first, second, ["g1"]).percent == 50.0
    assert compare(first, second, ["g1"], "a").percent == 100.0


def test_the_agreement_bench_prints_every_part():
    result = subprocess.run([sys.executable, "bench/audit_agreement.py"], cwd=ROOT, capture_output=True, text=True, check=True)
    lines = result.stdout.splitlines()
    assert "tuning" in lines[2] and "held-out" in lines[2] and "human-human" in lines[2]
    assert lines[3 + 19].startswith("overall")
    fifth = lines.index("fifth held-out batch (4 reports, never tuned on)")
    assert "placed right" in lines[fifth + 1] and "as ingested" in lines[fifth + 1]
    assert lines[-1].startswith("overall") and len(lines) == fifth + 2 + 19 + 1


def test_the_fifth_batch_is_labelled_and_matches_its_layouts(rubric):
    labels = audit_fifth.labels()
    reports = audit_fifth.gold_reports()
    assert sorted(labels) == sorted(reports) == sorted(audit_fifth.REPORTS)
    ids = sorted(c.id for c in rubric.criteria)
    assert all(sorted(levels) == ids and all(Level(v) for v in levels.values()) for levels in labels.values())
    for report_id, (make, _) in audit_fifth.REPORTS.items():
        assert reports[report_id] == audit_fifth.contribution(report_id, audit_fifth.gold_sections(make()))
