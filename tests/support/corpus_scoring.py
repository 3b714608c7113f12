"""Placement of a corpus layout's paragraphs: how many landed in their section, how many nowhere."""

from dataclasses import dataclass

from portal.ingest import IngestResult, draft_sections
from tests.support.ingest_corpus import Layout, Unit


def _squash(text: str) -> str:
    return " ".join(text.replace("**", "").split())


@dataclass(frozen=True)
class Placement:
    placed: int
    total: int
    lost: list[Unit]
    misplaced: list[tuple[Unit, list[str]]]  # the unit and the sections it was found in

    @property
    def accuracy(self) -> float:
        return self.placed / self.total if self.total else 1.0


def place(layout: Layout, result: IngestResult) -> Placement:
    draft = {k: _squash(v) for k, v in draft_sections(result).items()}
    placed, lost, misplaced = 0, [], []
    for unit in layout.units:
        text = _squash(unit.text)
        found = [k for k, v in draft.items() if _contains(v, text)]
        if unit.section in found:
            placed += 1
        elif not found:
            lost.append(unit)
        else:
            misplaced.append((unit, found))
    return Placement(placed, len(layout.units), lost, misplaced)


def _contains(haystack: str, text: str) -> bool:
    """A table unit is its cells joined by " | ": every cell must be there."""
    if " | " in text:
        return all(cell in haystack for cell in text.split(" | "))
    return text in haystack
