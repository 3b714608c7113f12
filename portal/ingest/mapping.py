"""Blocks → the agency's sections. Nothing is dropped: text no section claims is kept as unmapped.

First the blocks become items (headings, paragraphs, tables) each under the heading that rules
it; then every paragraph is placed: under a heading that clearly names a section, there; otherwise
by what it says, helped by what the heading suggests. Every placement keeps its confidence.
"""

import re
from dataclasses import dataclass, replace
from typing import Literal

from portal.agencies import AgencyDefinition
from portal.ingest.document import Block, ExtractedDocument, ExtractedSection, IngestResult, Placement
from portal.ingest.headings import MAX_QUESTION_WORDS, NUMBERING, REQUEST, HeadingSignals, dated, signals
from portal.ingest.meaning import FALLBACK, Scored, SectionMeaning, meaning_for

FIELD = re.compile(r"^([A-Z][\w'’ ]{0,30}):\s")
BULLET = re.compile(r"^[\u2022\u2023\u25cf\u25aa\u2013\-*]\s+")
SENTENCE_END = (".", "!", "?", ":", '"', "\u201d")
STRONG = 0.95  # a heading scoring this much names its section (title, alias, near spelling): all under it goes there
HEADING_WEIGHT = 0.4  # how much a weaker heading's scores count against the paragraph's own
QUESTION_WEIGHT = 1.5  # ...and a form's question that points to one section, over its first answer
HEADING_ALONE = 0.6  # a paragraph too thin to place by its words follows a heading this sure
LEADING_HINT, HINT_LEAD = 0.25, 2.0  # ...or one whose best section scores this and this many times the next one's
OVERRIDE = 0.75  # a paragraph this clearly about another section leaves the one its heading names
OVERRIDE_LATER = 0.5  # ...or this clearly, when it is not the first under a heading that only opens with a name
REVIEW_BELOW = 0.65  # placements less sure than this are shown to the author to decide
REVIEW_WORDS = 12  # unplaced text this long is shown too; shorter is letterhead and labels
ASK_HINT = 0.1  # ...unless it answers a heading that hints at a section this much
QUESTION_WORDS = 25  # a table cell longer than this is an answer, not a question or a column's name
GRID_CELL_WORDS = 12  # the mean words of a column's cells under its name: running text, not data

DETAILS_CELL_WORDS = 6  # a details table's labels
DETAILS_VALUE_WORDS = 10  # ...and its values: a name, a date, a number, an address, a name and role
IDENTIFIERS = 0.6  # the share of a value's words that are names, dates or numbers for it to be an identity line
RELATED_MARGIN = 0.15  # the first paragraph under a heading leaves it for a related section only this clearly

CLOSING = re.compile(r"^(?:yours (?:sincerely|faithfully|truly)|(?:with )?(?:kind|best|warm|many) (?:regards|wishes|thanks)"
                     r"|regards|thank you)[,.!]?$", re.IGNORECASE)  # a letter's sign-off: what follows is its signature
SIGNED = re.compile(r"\b(?:signed|signature)\s*:", re.IGNORECASE)
DATE_IN = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{4}\b"
                     r"|\b\d{1,2}/\d{1,2}/\d{2,4}\b", re.IGNORECASE)
SIGNATURE_WORDS = 30  # a signature line with the date and a note that the report was shared
SIGNATURE_NAME_WORDS = 10  # "Sian Penhallow RN SCPHN(HV) and Dr Tariq Umerji MRCGP"
TITLES = frozenset({"Dr", "Mr", "Mrs", "Ms", "Miss", "Mx", "Prof", "Professor", "Nurse", "Sister"})
SIGNATURE_LINES = 2  # the last paragraphs of a report that may be its signature

ItemKind = Literal["heading", "paragraph", "table", "aside", "details"]


@dataclass(frozen=True)
class _Context:
    heading: str | None = None
    scored: Scored | None = None
    level: "_Level | None" = None
    cell: bool = False  # a table's question or column name: its box often holds several topics

    @property
    def names(self) -> str | None:
        """The section this heading clearly names, if any."""
        if self.scored and self.scored.section and self.scored.score >= STRONG:
            return self.scored.section
        return None


NO_HEADING = _Context()


@dataclass
class _Item:
    kind: ItemKind
    text: str
    pages: set[int]
    context: _Context


@dataclass(frozen=True)
class _Level:
    number: str
    size: float
    chapter: str | None = None  # the section a numbered sub-heading's chapter ("3." above "3.1") names, if any

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


class _Collector:
    def __init__(self) -> None:
        self.items: list[_Item] = []
        self.context = NO_HEADING
        self.paragraph: list[str] = []
        self.paragraph_pages: set[int] = set()
        self.open_question = False  # the last thing read was a question row still waiting for its answer

    def heading(self, text: str, context: _Context, page: int) -> None:
        self.flush()
        self.context = context
        self.items.append(_Item("heading", text, {page}, context))

    def sub_heading(self, text: str, page: int) -> None:
        self.flush()
        self.items.append(_Item("heading", text, {page}, self.context))  # placed with the section it sits in

    def add_line(self, text: str, page: int, new_paragraph: bool) -> None:
        self.open_question = False
        if new_paragraph or BULLET.match(text):
            self.flush()
        self.paragraph.append(BULLET.sub("- ", text))
        self.paragraph_pages.add(page)

    def add(self, kind: ItemKind, text: str, page: int) -> None:
        self.flush()
        self.items.append(_Item(kind, text, {page}, self.context))

    def flush(self) -> None:
        if self.paragraph:
            self.items.append(_Item("paragraph", " ".join(self.paragraph), self.paragraph_pages, self.context))
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
        line_length = lengths[len(lengths) * 9 // 10]
        usual = gaps[len(gaps) // 4]
        body_gaps = sorted(b.gap_before for a, b in zip(lines, lines[1:], strict=False)
                           if b.gap_before >= 0 and a.page == b.page and a.size == b.size == body)
        # The space under a line that runs on is the smallest there is; in a report of one-line answers most gaps
        # are between paragraphs, and the usual gap is theirs.
        line_gap = min(usual, body_gaps[len(body_gaps) // 10]) if body_gaps else usual
        return cls(body, line_gap, line_length)

    def new_paragraph(self, block: Block, previous: Block | None) -> bool:
        if previous is None or previous.kind != "line" or len(previous.text) < 0.6 * self.line_length:
            return True
        if block.gap_before < 0:  # top of a page: a paragraph may run on from the last page
            return previous.text.rstrip().endswith(SENTENCE_END)
        return block.gap_before > self.line_gap + 0.4 * self.body_size


def map_document(document: ExtractedDocument, agency: AgencyDefinition) -> IngestResult:
    meaning = meaning_for(agency)
    measures = _Measures.of([b for b in document.blocks if b.kind == "line"], document.body_size)
    collector = _Collector()
    previous: Block | None = None
    for block in _join_wrapped_questions(document.blocks, measures):
        if block.kind == "table":
            _add_table(collector, block, meaning)
        elif block.margin and block.size < measures.body_size:
            collector.add("aside", block.text.strip(), block.page)  # a footer or page reference
            continue
        else:
            _add_line(collector, block, previous, meaning, measures)
        previous = block
    collector.flush()
    return _result(document, agency, collector.items, meaning)


def _join_wrapped_questions(blocks: list[Block], measures: _Measures) -> list[Block]:
    """A bold line that runs on to another bold line of the same size is one heading (a template's long question)."""
    joined: list[Block] = []
    for block in blocks:
        last = joined[-1] if joined else None
        if last is not None and block.kind == last.kind == "line" and block.bold and last.bold \
                and block.size >= measures.body_size and block.page == last.page and block.size == last.size \
                and len(last.text.split()) <= MAX_QUESTION_WORDS \
                and not last.text.rstrip().endswith(SENTENCE_END) and not measures.new_paragraph(block, last):
            joined[-1] = replace(last, text=f"{last.text.rstrip()} {block.text.strip()}")
            continue
        joined.append(block)
    return joined


def _add_line(collector: _Collector, block: Block, previous: Block | None, meaning: SectionMeaning,
              measures: _Measures) -> None:
    sig = signals(block.text, block.size, block.bold, measures.body_size)
    if block.label and (sig is None or not sig.any):  # "Her health." opening its paragraph's line names its topic
        sig = HeadingSignals("", larger=False, bold=True, capitals=False, colon=False)
    if sig is not None and sig.any:
        text = block.text.strip()
        scored = meaning.heading(text)
        parent = collector.context
        inside = parent.names is not None and parent.level is not None and parent.level.outranks(sig, block.size)
        # a dated journal entry is about its own matter; so is a smaller heading, not numbered under its parent's
        # number ("2.5" after "2.4", not "3.2" under "3."), that points to another section
        elsewhere = _not_under(sig.number, parent.level) and _elsewhere(scored, parent.names)
        if inside and scored.score < STRONG and not dated(text) and not elsewhere:
            collector.sub_heading(text, block.page)  # "3.2 Who brings Mia to appointments" stays in section 3
            return
        collector.heading(text, _Context(text, scored, _Level(sig.number, block.size, _chapter(sig, parent))), block.page)
        return
    collector.add_line(block.text.strip(), block.page, measures.new_paragraph(block, previous))


def _chapter(sig: HeadingSignals, parent: _Context) -> str | None:
    level = parent.level
    if level is None or sig.numbered_depth < 2 or level.number.split(".")[0] != sig.number.split(".")[0]:
        return None
    return parent.names if level.depth == 1 else level.chapter


def _not_under(number: str, level: "_Level | None") -> bool:
    """A heading's number is not its parent's number continued: none, or a sibling's ("2.5" after "2.4") in a chapter
    that names no section of its own (so not "3.2" after "3.1" under "3. Registration")."""
    if not number or level is None:
        return True
    return not number.startswith(f"{level.number.rstrip('.')}.") and level.chapter is None


def _elsewhere(scored: Scored, section: str | None) -> bool:
    """A heading that points to another section than the one it sits in ("Are the immunisations up to date?" under
    "Part 1: About this report")."""
    hints = {k: v for k, v in scored.scores.items() if k != FALLBACK}
    return scored.section not in (None, section, FALLBACK) and _leads(hints)


def _add_table(collector: _Collector, block: Block, meaning: SectionMeaning) -> None:
    if _is_details(block, meaning):
        collector.add("details", block.text, block.page)
        collector.open_question = False
    elif _is_grid(block):
        _add_grid(collector, block, meaning)
    elif _is_form(block, meaning):
        _add_form(collector, block, meaning)
    elif (questions := _stacked_questions(block, meaning)) is not None:
        _add_stacked(collector, block, meaning, questions)
    elif (marks := _tick_columns(block)) is not None:
        _add_ticks(collector, block, meaning, marks)
    else:
        collector.add("table", block.text, block.page)
        collector.open_question = False


def _cell(block: Block, row: int, column: int) -> tuple[str, ...]:
    if block.cell_paragraphs and column < len(block.cell_paragraphs[row]):
        return tuple(p for p in block.cell_paragraphs[row][column] if p)
    text = block.rows[row][column]
    return (text,) if text else ()


def _bold(block: Block, row: int, column: int) -> bool:
    return bool(block.cell_bold) and column < len(block.cell_bold[row]) and block.cell_bold[row][column]


def _add_form(collector: _Collector, block: Block, meaning: SectionMeaning) -> None:
    for n, (question, _) in enumerate(block.rows):
        if question:
            collector.heading(question, _Context(question, meaning.heading(question), None, cell=True), block.page)
        for paragraph in _cell(block, n, 1):
            collector.add("paragraph", paragraph, block.page)
    collector.context = NO_HEADING  # what follows the form is not an answer to its last question
    collector.open_question = False


def _is_form(block: Block, meaning: SectionMeaning) -> bool:
    """A two-column table whose left cells are questions or labels, the right cells their answers."""
    if len(block.rows) < 2 or not all(len(row) == 2 for row in block.rows):
        return False
    questions = [q for q, _ in block.rows if q]
    if any(len(q.split()) > QUESTION_WORDS and not _long_question(block, n, q) for n, (q, _) in enumerate(block.rows)):
        return False
    return any(meaning.heading(q).score >= 0.3 for q in questions)


def _long_question(block: Block, row: int, text: str) -> bool:
    """A template's long question, wrapping over two or three lines of a narrow left cell: set apart in bold, or
    asking ("Please describe ...", "... brought by?")."""
    if len(text.split()) > MAX_QUESTION_WORDS:
        return False
    stripped = text.strip()
    return (_bold(block, row, 0) and not _bold(block, row, 1)) or stripped.endswith("?") \
        or bool(REQUEST.match(NUMBERING.sub("", stripped)))


def _is_question(text: str, bold: bool) -> bool:
    """A cell that asks or names rather than answers: short, bold or not ending as a sentence does."""
    words = len(text.split())
    if not words or words > QUESTION_WORDS:
        return False
    return bold or text.rstrip().endswith(("?", ":")) or (words <= 12 and not text.rstrip().endswith("."))


def _stacked_questions(block: Block, meaning: SectionMeaning) -> list[bool] | None:
    """A one-column table of question rows, each above the row(s) answering it: which rows are questions."""
    if len(block.rows) < 2 or not all(len(row) == 1 for row in block.rows):
        return None
    questions = [_is_question(row[0], _bold(block, n, 0)) for n, row in enumerate(block.rows)]
    if not any(questions) or all(questions):
        return None
    if any(a and b for a, b in zip(questions, questions[1:], strict=False)):
        return None  # two questions in a row: a list, not a form
    if not any(meaning.heading(row[0]).score >= 0.2 for row, q in zip(block.rows, questions, strict=True) if q):
        return None
    return questions


def _add_stacked(collector: _Collector, block: Block, meaning: SectionMeaning, questions: list[bool]) -> None:
    for n, question in enumerate(questions):
        if question:
            text = block.rows[n][0]
            collector.heading(text, _Context(text, meaning.heading(text), None, cell=True), block.page)
            continue
        if n == 0 and not collector.open_question:
            collector.context = NO_HEADING  # an answer with no question above it, on this page or the last
        for paragraph in _cell(block, n, 0):
            collector.add("paragraph", paragraph, block.page)
    collector.open_question = questions[-1]  # the answer is the first row of the table on the next page
    if not questions[-1]:
        collector.context = NO_HEADING


def _tick_columns(block: Block) -> list[int] | None:
    """A table of questions, columns of tick marks ("Yes | No", "X") and a last column of details: the mark columns."""
    rows = block.rows
    if len(rows) < 3 or len(rows[0]) < 3 or not all(len(r) == len(rows[0]) for r in rows):
        return None
    body = rows[1:]
    marks = [c for c in range(1, len(rows[0]) - 1) if all(len(r[c].split()) <= 1 and len(r[c]) <= 3 for r in body)]
    if not marks or not any(r[c] for r in body for c in marks):
        return None
    if sum(_is_question(r[0], _bold(block, n + 1, 0)) for n, r in enumerate(body)) * 2 < len(body):
        return None
    return marks


def _add_ticks(collector: _Collector, block: Block, meaning: SectionMeaning, marks: list[int]) -> None:
    names = block.rows[0]
    for n, row in enumerate(block.rows[1:], start=1):
        ticked = " ".join(f"[{names[c] or 'X'}: {row[c]}]" for c in marks if row[c])
        question = row[0]
        shown = f"{question} {ticked}".strip()  # the tick is kept with the question it answers
        collector.heading(shown, _Context(question, meaning.heading(question), None, cell=True), block.page)
        for paragraph in _cell(block, n, len(row) - 1):
            collector.add("paragraph", paragraph, block.page)
    collector.context = NO_HEADING
    collector.open_question = False


def _is_details(block: Block, meaning: SectionMeaning) -> bool:
    """A banner of who and when: a row of labels above rows of names, dates and numbers ("Patient | Date of
    birth | NHS number", or a household's "Name | Relationship | Date of birth", a row a person). Like a "Label:
    value" line, it belongs to no section."""
    rows = block.rows
    if len(rows) < 2 or len(rows[0]) < 2 or any(len(row) != len(rows[0]) for row in rows[1:]):
        return False
    if any(len(cell.split()) > DETAILS_CELL_WORDS for cell in rows[0]) \
            or any(len(cell.split()) > DETAILS_VALUE_WORDS for row in rows[1:] for cell in row):
        return False
    if any(meaning.heading(label).score >= HEADING_ALONE for label in rows[0] if label):
        return False
    return all(_identifiers(" ".join(row)) for row in rows[1:])


def _identifiers(text: str) -> bool:
    """Mostly names, dates and numbers: "Kacey Farrimond (F) DOB 18 Jan 2019 NHS No. 971 330 4826"."""
    words = [w.strip("(),.;") for w in text.split()]
    words = [w for w in words if w]
    named = sum(1 for w in words if w[0].isupper() or any(c.isdigit() for c in w))
    return bool(words) and named / len(words) >= IDENTIFIERS


def _is_grid(block: Block) -> bool:
    """A table whose first row names its columns and whose other rows hold running text under them."""
    rows = block.rows
    if len(rows) < 2 or len(rows[0]) < 2 or not all(len(r) == len(rows[0]) for r in rows):
        return False
    if not all(_is_question(cell, _bold(block, 0, n)) for n, cell in enumerate(rows[0])):
        return False
    for column in range(len(rows[0])):
        body = [r[column] for r in rows[1:] if r[column]]
        if not body or sum(len(c.split()) for c in body) / len(body) < GRID_CELL_WORDS:
            return False  # a list of dates or codes under each name: a data table
    return True


def _add_grid(collector: _Collector, block: Block, meaning: SectionMeaning) -> None:
    for column, name in enumerate(block.rows[0]):
        collector.heading(name, _Context(name, meaning.heading(name), None, cell=True), block.page)
        for row in range(1, len(block.rows)):
            for paragraph in _cell(block, row, column):
                collector.add("paragraph", paragraph, block.page)
    collector.context = NO_HEADING
    collector.open_question = False


def _is_field(text: str, meaning: SectionMeaning) -> bool:
    """A short "Label: value" line whose label names no section: "Conference: 9 November", "NHS number: ..."."""
    match = FIELD.match(text)
    if not match or meaning.heading(match.group(1)).score >= HEADING_ALONE:
        return False
    return len(text.split()) < REVIEW_WORDS or _identifiers(text[match.end():])


def _is_identity(text: str, meaning: SectionMeaning) -> bool:
    """A "Label: value" line whose value is mostly names, dates and numbers, under a label that names no section."""
    match = FIELD.match(text)
    return bool(match) and meaning.heading(match.group(1)).score < HEADING_ALONE and _identifiers(text[match.end():])


def _is_signature(text: str) -> bool:
    """The last lines of a report: "Signed: J Anand  Date: 1/12/26", "Dr M. Orrin, 4 December 2026. Shared with ..."."""
    if len(text.split()) > SIGNATURE_WORDS:
        return False
    if SIGNED.search(text):
        return True
    name = text.split(",")[0]
    words = name.replace("(", " ").split()
    titled = bool(words) and (words[0].rstrip(".") in TITLES or any(w.isupper() and len(w) >= 2 for w in words))
    return ("," in text and bool(DATE_IN.search(text)) and titled and _identifiers(name)
            and 2 <= len(name.split()) <= SIGNATURE_NAME_WORDS)


def _is_name(text: str) -> bool:
    """A person's or a place's name alone ("Mason Threlkeld" beside "Child"): it belongs to no section."""
    words = text.split()
    return 2 <= len(words) <= 5 and all(w[0].isupper() and not any(c.isdigit() for c in w) for w in words)


@dataclass
class _Decision:
    section: str | None  # None: kept as unmapped
    confidence: float
    basis: str
    ask: bool = False  # kept as unmapped, but shown to the author however short


def _decide(item: _Item, meaning: SectionMeaning, first: bool = True) -> _Decision:
    scored = item.context.scored
    named = item.context.names
    content = meaning.content(item.text)
    if named is not None and named != FALLBACK:
        # the first paragraph answers the heading; later ones may have moved on to what comes next
        exact = scored is not None and scored.score >= 1.0 and not item.context.cell
        override = OVERRIDE if first or scored is None or exact else OVERRIDE_LATER
        if content.section and content.section != named and content.score >= override \
                and content.scores.get(named, 0.0) < max(0.1, content.score / 4):
            # "Health needs" over a paragraph that is all about vaccinations: the words win, and the author checks
            return _Decision(content.section, round(content.score, 2), "content over heading")
        if (held := _held(content, named, meaning, first)) is not None:
            return held
        confidence = scored.score if scored else 1.0
        if content.section and content.section != named and content.scores.get(named, 0.0) < 0.1:
            confidence = min(confidence, 1.0 - content.score)  # the words say otherwise: let the author see it
        return _Decision(named, round(confidence, 2), "heading")
    if named == FALLBACK and not (content.section and content.score >= OVERRIDE):
        # under "Any other information": kept there unless the words clearly say otherwise
        return _Decision(FALLBACK, round(scored.score, 2) if scored else 0.0, "heading")
    if _is_identity(item.text, meaning):  # "Re: Kai Pell, date of birth 12/06/2017", "Authors: Dr A Shah, GP"
        return _Decision(FALLBACK if named == FALLBACK else None, 0.0, "none")
    hints = {k: v for k, v in (scored.scores if scored else {}).items() if k != FALLBACK}
    heading_best = max(hints.values(), default=0.0)
    if content.section is None:
        if _is_field(item.text, meaning):
            return _Decision(None, 0.0, "none")
        if heading_best >= HEADING_ALONE and scored and scored.section and scored.section != FALLBACK \
                and not _is_name(item.text):
            return _Decision(scored.section, round(heading_best, 2), "heading")
        if scored and scored.section and scored.section != FALLBACK and _leads(hints) and not _is_name(item.text):
            # a short answer under a long question that points to one section: placed there, for the author to check
            return _Decision(scored.section, round(min(heading_best, REVIEW_BELOW - 0.01), 2), "heading")
        # an answer too short to place under a heading that asks about something: kept, and shown to the author
        ask = heading_best >= ASK_HINT and _is_answer(item.text)
        return _Decision(None, 0.0, "none", ask)
    weight = HEADING_WEIGHT * heading_best
    if item.context.cell and first and _leads(hints):
        weight = QUESTION_WEIGHT  # a form's question: its first answer is about what it asks unless its words say otherwise
    combined = {k: v + weight * hints.get(k, 0.0) for k, v in content.scores.items()}
    ranked = sorted(combined.items(), key=lambda kv: kv[1], reverse=True)
    best, second = ranked[0], ranked[1] if len(ranked) > 1 else ("", 0.0)
    confidence = best[1] / (best[1] + second[1]) if best[1] + second[1] > 0 else 0.0
    if confidence < REVIEW_BELOW and _is_field(item.text, meaning):
        return _Decision(FALLBACK if named == FALLBACK else None, 0.0, "none")
    return _Decision(best[0], round(confidence, 2), "heading and content" if heading_best >= 0.2 else "content")


def _is_answer(text: str) -> bool:
    """A few words that say something ("Neglect.", "Mum seems to love the children."), not a date, a name, a
    sign-off or a printed prompt."""
    stripped = text.strip()
    return bool(stripped) and not stripped.endswith(("?", ",")) and not _is_name(stripped) \
        and not _identifiers(stripped) and (len(stripped.split()) > 1 or stripped.endswith("."))


def _leads(hints: dict[str, float]) -> bool:
    ranked = sorted(hints.values(), reverse=True) + [0.0, 0.0]
    return ranked[0] >= LEADING_HINT and ranked[0] >= HINT_LEAD * ranked[1]


def _held(content: Scored, named: str, meaning: SectionMeaning, first: bool) -> _Decision | None:
    """A paragraph under a heading for `named` that reads more like a section close to it: one such a heading often
    holds, or one that often holds it ("Protective factors" over what is working well; "Recommendations" over the
    safety goal). The first paragraph under the heading moves only when its words say so clearly."""
    if not content.scores:
        return None
    best = max(content.scores, key=content.scores.__getitem__)
    if first and content.section != best:
        return None  # too few words to take the first answer from the heading it answers
    margin = RELATED_MARGIN if first else 0.0
    if best in meaning.related.get(named, ()) and content.scores[best] > content.scores.get(named, 0.0) + margin:
        return _Decision(best, round(min(content.scores[best], REVIEW_BELOW - 0.01), 2), "content within heading")
    return None


def _result(document: ExtractedDocument, agency: AgencyDefinition, items: list[_Item],
            meaning: SectionMeaning) -> IngestResult:
    decisions: list[_Decision | None] = [None] * len(items)
    answered: set[int] = set()  # the headings (contexts) that already have a paragraph under them
    paragraphs = [n for n, item in enumerate(items) if item.kind == "paragraph"]
    last = set(paragraphs[-SIGNATURE_LINES:])
    closed = False  # after "Yours sincerely," come the author's name and role, not a section's text
    for n, item in enumerate(items):
        if item.kind == "heading":
            closed = False
        elif item.kind == "paragraph" and (closed or CLOSING.match(item.text.strip())
                                           or (n in last and _is_signature(item.text))):
            closed = closed or bool(CLOSING.match(item.text.strip()))
            decisions[n] = _Decision(None, 0.0, "none")
        elif item.kind in ("paragraph", "table"):
            decisions[n] = _decide(item, meaning, id(item.context) not in answered)
            answered.add(id(item.context))
        elif item.kind in ("aside", "details"):
            decisions[n] = _Decision(None, 0.0, "none")
    for n in range(len(items) - 1, -1, -1):  # a heading goes with the first thing under it
        if decisions[n] is None:
            following = decisions[n + 1] if n + 1 < len(items) and items[n + 1].context is items[n].context else None
            named = items[n].context.names
            decisions[n] = following or _Decision(None if named in (None, FALLBACK) else named, 0.0, "none")
    parts: dict[str | None, list[_Item]] = {}
    runs: dict[str | None, int] = {}
    placements: list[Placement] = []
    last: str | None | bool = False
    for item, decision in zip(items, decisions, strict=True):
        assert decision is not None
        target = decision.section
        if item.kind == "heading":
            scored = item.context.scored
            if scored and scored.score >= 1.0 and scored.section == target and item.context.heading == item.text:
                continue  # the heading is the section's own name
            parts.setdefault(target, []).append(_Item("heading", f"**{item.text}**", item.pages, item.context))
        else:
            parts.setdefault(target, []).append(item)
            placements.append(_placement(item, decision, agency))
        if target != last:
            runs[target] = runs.get(target, 0) + 1
            last = target
    return _assemble(document, agency, parts, runs, placements)


def _placement(item: _Item, decision: _Decision, agency: AgencyDefinition) -> Placement:
    section = decision.section or FALLBACK
    definition = agency.section(section)
    words = len(item.text.split())
    review = decision.confidence < REVIEW_BELOW if decision.section else words >= REVIEW_WORDS or decision.ask
    excerpt = item.text if len(item.text) <= 160 else item.text[:157].rstrip() + "\u2026"
    return Placement(section, definition.title if definition else section, excerpt, decision.confidence,
                     decision.basis, item.context.heading, sorted(item.pages), review, item.text)


def _assemble(document: ExtractedDocument, agency: AgencyDefinition, parts: dict[str | None, list[_Item]],
              runs: dict[str | None, int], placements: list[Placement]) -> IngestResult:
    warnings = list(document.warnings)
    sections: list[ExtractedSection] = []
    for definition in agency.sections:
        items = parts.get(definition.id)
        if not items:
            if definition.required:
                warnings.append(f"Nothing was found for \u201c{definition.title}\u201d.")
            continue
        if runs.get(definition.id, 0) > 1:
            warnings.append(f"{runs[definition.id]} parts of the PDF went to \u201c{definition.title}\u201d; all were kept, in order.")
        text = "\n\n".join(i.text for i in items)
        if len(text) > definition.max_length:
            warnings.append(
                f"\u201c{definition.title}\u201d is {len(text)} characters, more than the {definition.max_length} allowed."
            )
        sections.append(ExtractedSection(definition.id, definition.title, text, sorted(set().union(*(i.pages for i in items)))))
    unmapped = parts.get(None, [])
    unmapped_text = "\n\n".join(i.text for i in unmapped)
    if unmapped_text:
        warnings.append(
            f"{len(unmapped_text)} characters matched no section and were kept under \u201cOther information\u201d."
        )
    review = sum(1 for p in placements if p.needs_review)
    if review:
        warnings.append(f"{review} paragraphs were placed with low confidence; check where they went.")
    unmapped_pages = sorted(set().union(*(i.pages for i in unmapped))) if unmapped else []
    return IngestResult(document.pages, sections, unmapped_text, unmapped_pages, warnings, placements)

