"""The extracted document (blocks in reading order) and the result of mapping it onto sections."""

from dataclasses import asdict, dataclass, field
from typing import Literal

BlockKind = Literal["line", "table"]


@dataclass(frozen=True)
class Block:
    """One piece of a page in reading order.

    line: one visual line of text (`size`, `bold` describe its font; `gap_before` is the
    vertical space above it in points, -1 at the top of a page). table: `text` is the
    markdown table and `rows` its cells.
    """

    kind: BlockKind
    text: str
    page: int
    size: float = 0.0
    bold: bool = False
    gap_before: float = 0.0
    margin: bool = False  # in the top or bottom strip of the page where headers and footers live
    rows: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class ExtractedDocument:
    pages: int
    blocks: list[Block]
    body_size: float  # the commonest font size over all text, tables included
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ExtractedSection:
    id: str
    title: str
    text: str
    pages: list[int]


@dataclass(frozen=True)
class IngestResult:
    pages: int
    sections: list[ExtractedSection]
    unmapped: str
    unmapped_pages: list[int]
    warnings: list[str]

    def as_json(self) -> dict:
        """The shape `portal ingest --json` prints."""
        return {
            "pages": self.pages,
            "sections": [asdict(s) for s in self.sections],
            "unmapped": self.unmapped,
            "warnings": self.warnings,
        }
