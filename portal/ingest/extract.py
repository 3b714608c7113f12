"""pdfplumber → blocks in reading order: lines with their font, and tables.

Each page is read once. Repeated page furniture (headers and footers that recur on most
pages, such as "Page 2 of 5") is removed and reported as a warning.
"""

import re
from collections import Counter
from dataclasses import dataclass
from io import BytesIO

import pdfplumber
from pdfminer.pdfdocument import PDFPasswordIncorrect

from portal.ingest import columns
from portal.ingest.document import Block, ExtractedDocument
from portal.ingest.errors import IngestError, IngestErrorCode
from portal.ingest.headings import dated

LINE_TOLERANCE = 2.5  # points: words whose tops differ by less share a line
MARGIN_SHARE = 0.08  # top and bottom share of a page where headers and footers live
BODY_TEXT = 300  # characters outside tables enough to tell the body size from
BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)


@dataclass
class _Line:
    page: int
    top: float
    bottom: float
    text: str
    size: float
    bold: bool
    in_margin: bool
    label: bool = False


def extract_document(data: bytes, max_pages: int) -> ExtractedDocument:
    try:
        pdf = pdfplumber.open(BytesIO(data))
    except Exception as exc:  # pdfplumber wraps pdfminer errors; look at the cause
        raise _classify(exc) from exc
    with pdf:
        try:
            count = len(pdf.pages)
        except Exception as exc:
            raise _classify(exc) from exc
        if count == 0:
            raise IngestError(IngestErrorCode.CORRUPT)
        if count > max_pages:
            raise IngestError(IngestErrorCode.TOO_MANY_PAGES, actual=count, limit=max_pages)
        items: list[tuple[int, float, _Line | Block]] = []
        sizes: Counter[float] = Counter()  # text outside tables
        table_sizes: Counter[float] = Counter()
        try:
            for number, page in enumerate(pdf.pages, start=1):
                items.extend(_read_page(page, number, sizes, table_sizes))
                page.close()  # frees the page's cached objects
        except IngestError:
            raise
        except Exception as exc:
            raise _classify(exc) from exc
    lines = [item for _, _, item in items if isinstance(item, _Line)]
    if not any(line.text.strip() for line in lines) and not any(isinstance(i, Block) for _, _, i in items):
        raise IngestError(IngestErrorCode.NO_TEXT)
    furniture = _furniture(lines, count)
    blocks: list[Block] = []
    previous: _Line | None = None
    for _, _, item in items:
        if isinstance(item, Block):
            blocks.append(item)
            previous = None
            continue
        if _key(item.text) in furniture and item.in_margin:
            continue
        gap = item.top - previous.bottom if previous and previous.page == item.page else -1.0
        blocks.append(Block("line", item.text, item.page, item.size, item.bold, gap, item.in_margin, item.label))
        previous = item
    warnings = [f"Removed a header or footer repeated on {furniture[k]} pages: \u201c{k}\u201d" for k in furniture]
    # running text sets the body size; a document that is nearly all tables takes theirs
    counted = sizes if sum(sizes.values()) >= BODY_TEXT else sizes + table_sizes
    body = counted.most_common(1)[0][0] if counted else 0.0
    return ExtractedDocument(count, blocks, body, warnings)


def _read_page(page, number: int, sizes: Counter[float], table_sizes: Counter[float]
               ) -> list[tuple[int, float, "_Line | Block"]]:
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]
    every = page.extract_words(extra_attrs=["fontname", "size"])
    words = []
    for word in every:
        if any(_inside(word, box) for box in boxes):
            table_sizes[round(word["size"], 1)] += len(word["text"])
        else:
            sizes[round(word["size"], 1)] += len(word["text"])
            words.append(word)
    margin = page.height * MARGIN_SHARE
    groups = _group_lines(words)
    items: list[tuple[int, float, _Line | Block]] = []
    form = columns.find_form(groups, page.width, lambda w: bool(BOLD_FONT.search(w["fontname"])))
    if form is not None:
        groups = [g for n, g in enumerate(groups) if n not in form.lines]
        items.append((number, form.top, _form_block(form.rows, form.bold, number)))
    for group in groups:
        parts = _runin_split(group)
        for n, part in enumerate(parts):
            top = min(w["top"] for w in part)
            bottom = max(w["bottom"] for w in part)
            line = _Line(
                page=number,
                top=top,
                bottom=bottom,
                text=" ".join(w["text"] for w in part),
                size=round(max(w["size"] for w in part), 1),
                bold=all(BOLD_FONT.search(w["fontname"]) for w in part),
                in_margin=top < margin or bottom > page.height - margin,
                label=len(parts) > 1 and n == 0,
            )
            items.append((number, top, line))
    for table in tables:
        rows = [tuple(_cell(c) for c in row) for row in table.extract()]
        keep = [n for n, r in enumerate(rows) if any(r)]
        rows = [rows[n] for n in keep]
        if not rows:
            continue
        cells = [[[w for w in every if _inside(w, box)] if box else [] for box in table.rows[n].cells] for n in keep]
        lines = [[columns.cell_lines(words) for words in row] for row in cells]
        gaps = [g for row in lines for cell in row if (g := columns.line_gap(cell)) is not None]
        usual = min(gaps) if gaps else None  # keep each cell's paragraphs apart
        paragraphs = tuple(tuple(columns.paragraphs(cell, usual) for cell in row) for row in lines)
        bold = tuple(tuple(bool(words) and all(BOLD_FONT.search(w["fontname"]) for w in words) for words in row)
                     for row in cells)
        items.append((number, table.bbox[1], Block("table", markdown_table(rows), number, rows=tuple(rows),
                                                   cell_paragraphs=paragraphs, cell_bold=bold)))
    items.sort(key=lambda item: (item[0], item[1]))
    return items


def _form_block(rows: list[tuple[str, tuple[str, ...]]], bold: list[bool], page: int) -> Block:
    flat = [(q, " ".join(a)) for q, a in rows]
    return Block("table", markdown_table(flat), page, rows=tuple(flat),
                 cell_paragraphs=tuple(((q,) if q else (), a) for q, a in rows),
                 cell_bold=tuple((b, False) for b in bold))


def _runin_split(line: list[dict]) -> list[list[dict]]:
    """"**Attendance:** Leo has been registered..." becomes the label and the text after it."""
    bold = [bool(BOLD_FONT.search(w["fontname"])) for w in line]
    if not bold[0] or all(bold):
        return [line]
    cut = bold.index(False)
    if cut > 8 or any(bold[cut:]):
        return [line]
    if not line[cut - 1]["text"].endswith((":", ".")) and not dated(line[0]["text"]):
        return [line]  # a journal entry opens with its date and clinician in bold, with no colon
    return [line[:cut], line[cut:]]


def _group_lines(words: list[dict]) -> list[list[dict]]:
    lines: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (w["top"], w["x0"])):
        if lines and abs(word["top"] - lines[-1][0]["top"]) <= LINE_TOLERANCE:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w["x0"]) for line in lines]


def _inside(word: dict, box: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = box
    cx = (word["x0"] + word["x1"]) / 2
    cy = (word["top"] + word["bottom"]) / 2
    return x0 <= cx <= x1 and top <= cy <= bottom


def _cell(value: str | None) -> str:
    return " ".join((value or "").split())


def markdown_table(rows: list[tuple[str, ...]]) -> str:
    width = max(len(r) for r in rows)
    padded = [list(r) + [""] * (width - len(r)) for r in rows]

    def render(row: list[str]) -> str:
        return "| " + " | ".join(c.replace("|", "\\|") for c in row) + " |"

    return "\n".join([render(padded[0]), "| " + " | ".join(["---"] * width) + " |", *map(render, padded[1:])])


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.split()))


def _furniture(lines: list[_Line], pages: int) -> dict[str, int]:
    if pages < 2:
        return {}
    counts = Counter(_key(line.text) for line in lines if line.in_margin)
    return {k: n for k, n in counts.items() if n >= 2 and n * 2 >= pages}


def _classify(exc: BaseException) -> IngestError:
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in chain:
        chain.append(current)
        current = current.__cause__ or current.__context__
        if current is None and chain[-1].args and isinstance(chain[-1].args[0], BaseException):
            current = chain[-1].args[0]
    if any(isinstance(e, IngestError) for e in chain):
        return next(e for e in chain if isinstance(e, IngestError))
    if any(isinstance(e, PDFPasswordIncorrect) for e in chain):
        return IngestError(IngestErrorCode.ENCRYPTED)
    if any(isinstance(e, MemoryError) for e in chain):
        raise MemoryError from exc
    return IngestError(IngestErrorCode.CORRUPT)
