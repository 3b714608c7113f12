"""Agreement between the GP audit scorer and the gold set's human labels, and between the two humans.

    .venv/bin/python bench/audit_agreement.py [--disagreements tuning]

Prints percentage agreement and Cohen's kappa per criterion and overall: scorer against labeller A on
the tuning reports, the held-out reports and all of them, and labeller A against labeller B on the
reports both labelled. Then the fifth held-out batch (tests/audit/gold/fifth: four reports of the fifth ingestion
batch, labelled before they were scored): the scorer on each report with its paragraphs where they belong, and on the
same report as PDF ingestion placed it from its PDF (the whole path an uploaded report takes). --disagreements lists the scorer's disagreements with A on the tuning part
only (the held-out part is for measuring, never for tuning).
"""

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from portal.agencies import AgencyRegistry  # noqa: E402
from portal.audit.contribution import parse_contribution  # noqa: E402
from portal.audit.results import Level  # noqa: E402
from portal.audit.rubric import load_rubric  # noqa: E402
from portal.audit.scorer import Scorer  # noqa: E402
from portal.ingest import IngestLimits, draft_sections  # noqa: E402
from portal.ingest.parse import parse_pdf  # noqa: E402
from tests.support import audit_fifth  # noqa: E402
from tests.support.audit_gold import Agreement, compare, load_gold, scorer_labels  # noqa: E402


def cell(a: Agreement) -> str:
    if not a.compared:
        return f"{'-':>6} {'-':>6}"
    kappa = "n/a" if a.kappa is None else f"{a.kappa:.2f}"
    return f"{a.percent:>5.0f}% {kappa:>6}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--disagreements", choices=["tuning"], help="list the scorer's disagreements with labeller A")
    args = parser.parse_args()
    gold = load_gold()
    agency = AgencyRegistry.load(ROOT / "agencies")["gp"]
    rubric = load_rubric(ROOT / "agencies" / "rubrics" / "gp.toml", agency)
    scorer = Scorer(rubric)
    scored = scorer_labels(scorer, gold.reports)
    everything = tuple(gold.reports)
    both = tuple(r for r in everything if r in gold.labels_b)
    parts = [("tuning", scored, gold.tuning), ("held-out", scored, gold.held_out), ("all", scored, everything)]
    print(f"rubric {rubric.label}; {len(gold.tuning)} tuning, {len(gold.held_out)} held-out reports; labeller B on {len(both)}")
    print("percentage agreement and Cohen's kappa")
    header = "".join(f" {name:>13}" for name, _, _ in parts) + f" {'human-human':>13}"
    print(f"{'criterion':<28}{header}")
    for criterion in rubric.criteria:
        cells = [cell(compare(labels, gold.labels_a, ids, criterion.id)) for _, labels, ids in parts]
        cells.append(cell(compare(gold.labels_a, gold.labels_b, both, criterion.id)))
        print(f"{criterion.id:<28}" + "".join(f" {c:>13}" for c in cells))
    cells = [cell(compare(labels, gold.labels_a, ids)) for _, labels, ids in parts]
    cells.append(cell(compare(gold.labels_a, gold.labels_b, both)))
    print(f"{'overall':<28}" + "".join(f" {c:>13}" for c in cells))
    fifth(scorer, agency, rubric)
    if args.disagreements == "tuning":
        print("\nscorer vs labeller A, tuning reports only:")
        for report_id in gold.tuning:
            result = scorer.score(parse_contribution(gold.reports[report_id]))
            for c in result.criteria:
                human = gold.labels_a[report_id][c.criterion_id]
                if c.level is not human:
                    print(f"{report_id} {c.criterion_id}: scorer {c.level.value}, A {human.value} | {c.reason}")


def fifth(scorer: Scorer, agency, rubric) -> None:
    labels = {r: {c: Level(v) for c, v in levels.items()} for r, levels in audit_fifth.labels().items()}
    gold = audit_fifth.gold_reports()
    ingested = {}
    for report_id, (make, _) in audit_fifth.REPORTS.items():
        layout = make()
        ingested[report_id] = audit_fifth.contribution(report_id, draft_sections(parse_pdf(layout.data, agency, IngestLimits())))
    ids = tuple(labels)
    parts = [("placed right", scorer_labels(scorer, gold)), ("as ingested", scorer_labels(scorer, ingested))]
    print(f"\nfifth held-out batch ({len(ids)} reports, never tuned on)")
    print(f"{'criterion':<28}" + "".join(f" {name:>13}" for name, _ in parts))
    for criterion in rubric.criteria:
        print(f"{criterion.id:<28}" + "".join(f" {cell(compare(s, labels, ids, criterion.id)):>13}" for _, s in parts))
    print(f"{'overall':<28}" + "".join(f" {cell(compare(s, labels, ids)):>13}" for _, s in parts))


if __name__ == "__main__":
    main()
