"""Audit results as CSV and XLSX: one row per contribution and criterion, and a summary per contribution."""

import csv
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from portal.audit.results import ScoreResult

CRITERION_COLUMNS = (
    "contribution_id",
    "contribution_version",
    "rubric",
    "rubric_version",
    "criterion",
    "level",
    "reason",
    "section",
    "evidence",
)
SUMMARY_COLUMNS = (
    "contribution_id",
    "contribution_version",
    "rubric",
    "rubric_version",
    "score",
    "late",
    "never_shared",
)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> object:
    """Text from reports goes into spreadsheets: stop it being read as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def criterion_rows(results: Iterable[ScoreResult]) -> Iterator[tuple[object, ...]]:
    for r in results:
        for c in r.criteria:
            sections = "; ".join(e.section_id or e.field or "" for e in c.evidence)
            quotes = " | ".join(e.quote for e in c.evidence)
            row = (
                r.contribution_id,
                r.contribution_version,
                r.rubric_id,
                r.rubric_version,
                c.criterion_id,
                c.level.value,
                c.reason,
                sections,
                quotes,
            )
            yield tuple(_cell(v) for v in row)


def summary_rows(results: Iterable[ScoreResult]) -> Iterator[tuple[object, ...]]:
    for r in results:
        yield (
            r.contribution_id,
            r.contribution_version,
            r.rubric_id,
            r.rubric_version,
            r.score,
            r.late,
            r.never_shared,
        )


def write_csv(results: Iterable[ScoreResult], out: IO[str]) -> None:
    writer = csv.writer(out)
    writer.writerow(CRITERION_COLUMNS)
    writer.writerows(criterion_rows(results))


def write_xlsx(results: Iterable[ScoreResult], path: Path) -> None:
    from openpyxl import Workbook

    results = list(results)
    book = Workbook(write_only=True)
    summary = book.create_sheet("Scores")
    summary.append(SUMMARY_COLUMNS)
    for row in summary_rows(results):
        summary.append(row)
    detail = book.create_sheet("Criteria")
    detail.append(CRITERION_COLUMNS)
    for row in criterion_rows(results):
        detail.append(row)
    book.save(path)
