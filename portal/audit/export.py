"""Audit results as CSV and XLSX: one row per contribution and criterion, and a summary per contribution.
The writers take rows, so the export routes write what the AuditRoundExport query returned."""

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
Row = tuple[object, ...]


def _cell(value: object) -> object:
    """Text from reports goes into spreadsheets: stop it being read as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def criterion_rows(results: Iterable[ScoreResult]) -> Iterator[Row]:
    for r in results:
        for c in r.criteria:
            sections = "; ".join(e.section_id or e.field or "" for e in c.evidence)
            quotes = " | ".join(e.quote for e in c.evidence)
            yield (
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


def summary_rows(results: Iterable[ScoreResult]) -> Iterator[Row]:
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
    write_csv_rows(criterion_rows(results), out)


def write_xlsx(results: Iterable[ScoreResult], path: Path | IO[bytes]) -> None:
    results = list(results)
    write_xlsx_rows(summary_rows(results), criterion_rows(results), path)


def write_csv_rows(criteria: Iterable[Row], out: IO[str]) -> None:
    writer = csv.writer(out)
    writer.writerow(CRITERION_COLUMNS)
    writer.writerows(tuple(_cell(v) for v in row) for row in criteria)


def write_xlsx_rows(scores: Iterable[Row], criteria: Iterable[Row], path: Path | IO[bytes]) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    for title, columns, rows in (("Scores", SUMMARY_COLUMNS, scores), ("Criteria", CRITERION_COLUMNS, criteria)):
        sheet = book.create_sheet(title)
        sheet.append(columns)
        for row in rows:
            sheet.append(tuple(_cell(v) for v in row))
    book.save(path)
