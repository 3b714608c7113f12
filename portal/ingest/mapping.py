"""Blocks → the agency's sections. Nothing is dropped: text no section claims is kept as unmapped."""

import re
from dataclasses import dataclass, field

from portal.agencies import AgencyDefinition
from portal.ingest.document import Block, ExtractedDocument, ExtractedSection, IngestResult
from portal.ingest.headings import HeadingSignals, SectionMatcher, signals

BULLET = re.compile(r"^[\u2022\u2023\u25cf\u25aa\u2013\-*]\s+")
SENTENCE_END = (".", "!", "?", ":", '"', "\u201d")


@dataclass
class _Part:
    chunks: list[str] = field(default_factory=list)
    pages: set[int] = field(default_factory=set)
    starts: int = 0


@dataclass(frozen=True)
class _Level:
    number: str
    size: float

    @property
    def depth(self) -> int:
        return self.number.count(".") + 1 if self.number else 0

    def outranks(self, sig: HeadingSignals, size: float) -> bool:
        """True when a heading with `sig` is a sub-heading under this one ("3.2" under "3." or "3.1")."""
        if sig.number:
            parent = self.number.split(".")[0]
            return bool(self.number) and sig.numbered_depth > 1 and sig.number.split(".")[0] == parent
        if size < self.size - 0.5:
            return True
        return self.depth > 0 and size <= self.size + 0.5


class _Draft:
    def __init__(self) -> None:
        self.parts: dict[str | None, _Part] = {}
        self.target: str | None = None
        self.level: _Level | None = None
        self.paragraph: list[str] = []
        self.paragraph_pages: set[int] = set()

    def start(self, target: str | None, level: _Level | None, page: int) -> None:
        self.flush()
        self.target, self.level = target, level
        part = self.parts.setdefault(target, _Part())
        part.starts += 1
        if target is not None:
            part.pages.add(page)

    def add_line(self, text: str, page: int, new_paragraph: bool) -> None:
        if new_paragraph or BULLET.match(text):
            self.flush()
        self.paragraph.append(BULLET.sub("- ", text))
        self.paragraph_pages.add(page)

    def add_chunk(self, text: str, page: int) -> None:
        self.flush()
        part = self.parts.setdefault(self.target, _Part())
        part.chunks.append(text)
        part.pages.add(page)

    def add_aside(self, text: str, page: int) -> None:
        """Keep text in the unmapped part without leaving the current section."""
        part = self.parts.setdefault(None, _Part())
        part.chunks.append(text)
        part.pages.add(page)

    def flush(self) -> None:
        if not self.paragraph:
            return
        part = self.parts.setdefault(self.target, _Part())
        part.chunks.append(" ".join(self.paragraph))
        part.pages.update(self.paragraph_pages)
        self.paragraph, self.paragraph_pages = [], set()


@dataclass(frozen=True)
class _Measures:
    body_size: float  # the commonest font size, weighted by text
    line_gap: float  # the usual space between lines of one paragraph
    line_length: int  # characters in a full line of running text

    @classmethod
    def of(cls, lines: list[Block], body: float) -> "_Measures":
        gaps = sorted(b.gap_before for b in lines if b.gap_before >= 0) or [0.0]
        lengths = sorted(len(b.text) for b in lines if b.size == body) or [0]
        return cls(body, gaps[len(gaps) // 4], lengths[len(lengths) * 9 // 10])

    def new_paragraph(self, block: Block, previous: Block | None) -> bool:
        if previous is None or previous.kind != "line" or len(previous.text) < 0.6 * self.line_length:
            return True
        if block.gap_before < 0:  # top of a page: a paragraph may run on from the last page
            return previous.text.rstrip().endswith(SENTENCE_END)
        return block.gap_before > self.line_gap + 0.4 * self.body_size


def map_document(document: ExtractedDocument, agency: AgencyDefinition) -> IngestResult:
    matcher = SectionMatcher(agency)
    measures = _Measures.of([b for b in document.blocks if b.kind == "line"], document.body_size)
    draft = _Draft()
    previous: Block | None = None
    for block in document.blocks:
        if block.kind == "table":
            _add_table(draft, block, matcher)
        elif block.margin and block.size < measures.body_size:
            draft.add_aside(block.text.strip(), block.page)  # a footer or page reference
            continue
        else:
            _add_line(draft, block, previous, matcher, measures)
        previous = block
    draft.flush()
    return _result(document, agency, draft)


def _add_line(draft: _Draft, block: Block, previous: Block | None, matcher: SectionMatcher, measures: _Measures) -> None:
    sig = signals(block.text, block.size, block.bold, measures.body_size)
    if sig is not None and sig.any:
        section = matcher.match(block.text)
        if section is not None:
            draft.start(section, _Level(sig.number, block.size), block.page)
            return
        if sig.strong and not (draft.target is not None and draft.level and draft.level.outranks(sig, block.size)):
            draft.start(None, None, block.page)
        draft.add_chunk(f"**{block.text.strip()}**", block.page)
        return
    draft.add_line(block.text.strip(), block.page, measures.new_paragraph(block, previous))


def _add_table(draft: _Draft, block: Block, matcher: SectionMatcher) -> None:
    two_columns = all(len(row) == 2 for row in block.rows)
    if not two_columns or not any(matcher.match(question) for question, _ in block.rows):
        draft.add_chunk(block.text, block.page)
        return
    for question, answer in block.rows:
        section = matcher.match(question)
        if section is not None:
            draft.start(section, None, block.page)
            if answer:
                draft.add_chunk(answer, block.page)
        else:
            draft.start(None, None, block.page)
            draft.add_chunk(f"**{question}** {answer}".strip() if question else answer, block.page)


def _result(document: ExtractedDocument, agency: AgencyDefinition, draft: _Draft) -> IngestResult:
    warnings = list(document.warnings)
    sections: list[ExtractedSection] = []
    for definition in agency.sections:
        part = draft.parts.get(definition.id)
        if part is None:
            if definition.required:
                warnings.append(f"Nothing was found for \u201c{definition.title}\u201d.")
            continue
        if part.starts > 1:
            warnings.append(f"{part.starts} parts of the PDF matched \u201c{definition.title}\u201d; all were kept, in order.")
        text = "\n\n".join(part.chunks)
        if len(text) > definition.max_length:
            warnings.append(
                f"\u201c{definition.title}\u201d is {len(text)} characters, more than the {definition.max_length} allowed."
            )
        sections.append(ExtractedSection(definition.id, definition.title, text, sorted(part.pages)))
    unmapped = draft.parts.get(None, _Part())
    unmapped_text = "\n\n".join(unmapped.chunks)
    if unmapped_text:
        warnings.append(
            f"{len(unmapped_text)} characters matched no section and were kept under \u201cOther information\u201d."
        )
    return IngestResult(document.pages, sections, unmapped_text, sorted(unmapped.pages), warnings)
