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
    label: bool = False  # a bold run-in label split from the line it opens ("Attendance:", "Her health.")
    rows: tuple[tuple[str, ...], ...] = ()
    cell_paragraphs: tuple[tuple[tuple[str, ...], ...], ...] = ()  # per row, per cell: its paragraphs
    cell_bold: tuple[tuple[bool, ...], ...] = ()  # per row, per cell: all its words in a bold font


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
class Placement:
    """Where one paragraph (or table) of the PDF went, and how sure the mapping is."""

    section_id: str  # other_information when nothing claimed it
    section_title: str
    excerpt: str
    confidence: float  # 0..1: 1 when a heading names the section exactly
    basis: str  # "heading", "content", "heading and content" or "none"
    heading: str | None  # the heading it sat under in the PDF
    pages: list[int]
    needs_review: bool  # the author should check it
    text: str = ""  # the whole paragraph as it went into the draft (older uploads kept only the excerpt)


@dataclass(frozen=True)
class IngestResult:
    pages: int
    sections: list[ExtractedSection]
    unmapped: str
    unmapped_pages: list[int]
    warnings: list[str]
    placements: list[Placement] = field(default_factory=list)

    def as_json(self) -> dict:
        """The shape `portal ingest --json` prints."""
        return {
            "pages": self.pages,
            "sections": [asdict(s) for s in self.sections],
            "unmapped": self.unmapped,
            "warnings": self.warnings,
        }
