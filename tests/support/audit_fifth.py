"""The fifth held-out batch as the scorer sees it: each of its four reports (tests/support/ingest_corpus/held_out_fifth.py)
in the API's JSON shape, once with every paragraph in the section it belongs in (the gold placement, written to
tests/audit/gold/fifth/ and labelled there from the rubric's level descriptions) and once as ingestion placed it.

    .venv/bin/python -m tests.support.audit_fifth --write     # rewrite the JSON files from the layouts
"""

import json
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from tests.support.ingest_corpus import Layout
from tests.support.ingest_corpus import held_out_fifth as fifth

FIFTH = Path(__file__).resolve().parent.parent / "audit" / "gold" / "fifth"

# report id -> (layout, metadata): timing, sharing, scales and withholding are not in the PDF; they come from the portal.
REPORTS: dict[str, tuple[Callable[[], Layout], dict[str, Any]]] = {
    "p01": (fifth.emis_web_print, {
        "organisation": ("Sallowfield Surgery", "Y07711", "norbridge"),
        "author": ("Dr Farah Qureshi", "GP Partner"),
        "submittedAt": "2026-10-30T15:05:00+00:00", "sharedWithFamilyOn": "2026-10-31",
        "reportDueAt": "2026-10-31T12:00:00+00:00", "familyDueAt": "2026-11-02T12:00:00+00:00",
        "kind": "ICPC", "scheduledAt": "2026-11-04T10:00:00+00:00", "children": ["81"],
        "scales": [("81", 3)], "withholding": []}),
    "p02": (fifth.systmone_questionnaire, {
        "organisation": ("Harrowgate Road Surgery", "Y07712", "norbridge"),
        "author": ("Dr Owen Pickersgill", "Locum GP"),
        "submittedAt": "2026-11-23T09:40:00+00:00", "sharedWithFamilyOn": None,
        "reportDueAt": "2026-11-20T12:00:00+00:00", "familyDueAt": "2026-11-21T12:00:00+00:00",
        "kind": "RCPC", "scheduledAt": "2026-11-24T13:30:00+00:00", "children": ["82"],
        "scales": [], "withholding": []}),
    "p03": (fifth.vision_record_print, {
        "organisation": ("Trevena Surgery", "Y07713", "kernow-vale"),
        "author": ("Dr Anneli Lindqvist", "GP Partner and Safeguarding Lead"),
        "submittedAt": "2026-11-04T11:00:00+00:00", "sharedWithFamilyOn": "2026-11-07",
        "reportDueAt": "2026-11-05T12:00:00+00:00", "familyDueAt": "2026-11-06T12:00:00+00:00",
        "kind": "ICPC", "scheduledAt": "2026-11-10T10:00:00+00:00", "children": ["83"],
        "scales": [("83", 4)], "withholding": []}),
    "p04": (fifth.four_question_letter, {
        "organisation": ("Moorgate Lane Medical Practice", "Y07714", "ashcombe"),
        "author": ("Dr Imran Castell", "GP"),
        "submittedAt": "2026-11-12T11:15:00+00:00", "sharedWithFamilyOn": None,
        "reportDueAt": "2026-11-09T12:00:00+00:00", "familyDueAt": "2026-11-10T12:00:00+00:00",
        "kind": "ICPC", "scheduledAt": "2026-11-12T10:00:00+00:00", "children": ["84", "85"],
        "scales": [], "withholding": []}),
}


def _text(unit_text: str) -> str:
    """A table unit (cells joined by " | ") back as one line per row."""
    rows = fifth.TABLES.get(unit_text)
    return "\n".join(" | ".join(row) for row in rows) if rows else unit_text


def gold_sections(layout: Layout) -> dict[str, str]:
    sections: dict[str, list[str]] = {}
    for unit in layout.units:
        sections.setdefault(unit.section, []).append(_text(unit.text))
    return {k: "\n\n".join(v) for k, v in sections.items()}


def contribution(report_id: str, sections: Mapping[str, str]) -> dict[str, Any]:
    _, m = REPORTS[report_id]
    n = int(report_id[1:])
    name, code, la = m["organisation"]
    return {
        "id": str(5000 + n), "status": "SUBMITTED", "agencyId": "gp", "version": 1,
        "organisation": {"id": str(5200 + n), "name": name, "code": code, "laSlug": la},
        "author": {"id": str(5300 + n), "name": m["author"][0], "jobTitle": m["author"][1]},
        "submittedAt": m["submittedAt"], "sharedWithFamilyOn": m["sharedWithFamilyOn"],
        "sections": [{"id": k, "title": k, "text": {"source": v}} for k, v in sections.items() if v.strip()],
        "scales": [{"childId": c, "score": s} for c, s in m["scales"]],
        "invitation": {"id": str(5500 + n), "reportDueAt": m["reportDueAt"], "familyDueAt": m["familyDueAt"]},
        "conference": {"id": str(5700 + n), "kind": m["kind"], "scheduledAt": m["scheduledAt"], "laSlug": la,
                       "children": [{"id": c} for c in m["children"]]},
        "withholdingRequests": [{"sectionId": s, "decision": d, "reason": r} for s, d, r in m["withholding"]],
    }


def gold_reports() -> dict[str, dict[str, Any]]:
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(FIFTH.glob("p*.json"))}


def labels() -> dict[str, dict[str, str]]:
    return json.loads((FIFTH / "labels.json").read_text(encoding="utf-8"))


def write() -> None:
    FIFTH.mkdir(parents=True, exist_ok=True)
    for report_id, (make, _) in REPORTS.items():
        data = contribution(report_id, gold_sections(make()))
        (FIFTH / f"{report_id}.json").write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    if "--write" in sys.argv:
        write()
