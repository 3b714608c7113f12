"""The share of a fixture's characters that land in the section they belong to."""

from portal.ingest import IngestResult, draft_sections
from tests.support.pdfs import Fixture


def _squash(text: str) -> str:
    return " ".join(text.split())


def score(fixture: Fixture, result: IngestResult) -> tuple[int, int, list[tuple[str, str]]]:
    """(characters placed right, characters expected, pieces that were not)."""
    draft = {k: _squash(v) for k, v in draft_sections(result).items()}
    placed, total, misplaced = 0, 0, []
    for section, text in fixture.expected:
        total += len(text)
        if _squash(text) in draft.get(section, ""):
            placed += len(text)
        else:
            misplaced.append((section, text))
    return placed, total, misplaced
