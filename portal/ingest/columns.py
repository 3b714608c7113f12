"""Two-column forms drawn without ruled cells: questions in a left column, answers beside them.

pdfplumber gives word positions; a form shows as many lines whose words jump across one shared
gap to one shared x. Each block of left-column lines starts a row; the right-column lines beside
it are that row's answer, split into paragraphs where the vertical gap widens.
"""

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

GAP = 12.0  # points of empty space between a question and its answer on one line
ALIGN = 2.5  # points: answers start at the same x within this
MIN_ROWS = 3
ROW_GAP_LINES = 6  # a gap of this many lines' height below a row ends the form
NUMBER_CELL = re.compile(r"^(?:[A-Za-z]?\d+(?:\.\d+)*[.)]?|[A-Za-z][.)])$")  # "1.1", "A1.", "b)": a prompt's number


@dataclass(frozen=True)
class Form:
    top: float
    lines: set[int]  # indices of the line groups the form consumed
    rows: list[tuple[str, tuple[str, ...]]]  # (question, answer paragraphs)
    bold: list[bool]  # each question all in a bold font


def find_form(lines: list[list[dict]], page_width: float, bold: Callable[[dict], bool]) -> Form | None:
    left_edge = min((line[0]["x0"] for line in lines), default=0.0)
    starts: Counter[int] = Counter()
    for line in lines:
        for before, word in zip(line, line[1:], strict=False):
            if word["x0"] - before["x1"] >= GAP and before["x0"] >= left_edge - ALIGN:
                starts[round(word["x0"])] += 1
                break
    if not starts:
        return None
    column, count = starts.most_common(1)[0]
    if count < MIN_ROWS or column > page_width * 0.7:
        return None
    left: list[tuple[int, list[dict]]] = []
    right: list[tuple[int, list[dict]]] = []
    used: set[int] = set()
    first = None
    previous_bottom = 0.0
    for n, line in enumerate(lines):
        l_words = [w for w in line if w["x1"] <= column - ALIGN]
        r_words = [w for w in line if w["x0"] >= column - ALIGN]
        crosses = len(l_words) + len(r_words) < len(line)
        fits = not crosses and (not r_words or abs(r_words[0]["x0"] - column) <= ALIGN) and (
            not l_words or l_words[0]["x0"] <= left_edge + ALIGN)
        inside = first is not None
        if inside and min(w["top"] for w in line) - previous_bottom > ROW_GAP_LINES * _height(line):
            break  # the page's footer, far below the form's last row
        if not fits or (not inside and not (l_words and r_words)):
            if inside:
                break
            continue
        first = n if first is None else first
        previous_bottom = max(w["bottom"] for w in line)
        used.add(n)
        if l_words:
            left.append((n, l_words))
        if r_words:
            right.append((n, r_words))
    if first is None or len(left) < MIN_ROWS:
        return None
    row_tops = _block_starts([words for _, words in left])
    rows: list[tuple[str, tuple[str, ...]]] = []
    bolds: list[bool] = []
    for i, (start, question) in enumerate(row_tops):
        end = row_tops[i + 1][0] if i + 1 < len(row_tops) else float("inf")
        answer = [words for _, words in right if start - ALIGN <= words[0]["top"] < end - ALIGN]
        rows.append((question, tuple(_split_paragraphs(answer))))
        bolds.append(all(bold(w) for _, words in left if start - ALIGN <= words[0]["top"] < end - ALIGN for w in words))
    if all(NUMBER_CELL.match(question) for question, _ in rows):
        return None  # numbered prompts whose text and answers line up beside their numbers: headings, not a form
    top = min(w["top"] for w in lines[first])
    return Form(top, used, rows, bolds) if len(rows) >= MIN_ROWS else None


def _height(line: list[dict]) -> float:
    return max(w["bottom"] - w["top"] for w in line)


def _block_starts(lines: list[list[dict]]) -> list[tuple[float, str]]:
    """Left-column lines grouped into blocks (one question each): (top of block, its text)."""
    blocks: list[tuple[float, list[str]]] = []
    previous_bottom = None
    for words in lines:
        top = min(w["top"] for w in words)
        height = max(w["bottom"] - w["top"] for w in words)
        if previous_bottom is None or top - previous_bottom > 0.8 * height:
            blocks.append((top, []))
        blocks[-1][1].append(" ".join(w["text"] for w in words))
        previous_bottom = max(w["bottom"] for w in words)
    return [(top, " ".join(texts)) for top, texts in blocks]


def line_gap(lines: list[list[dict]]) -> float | None:
    """The smallest space between consecutive lines: the spacing inside a paragraph."""
    gaps = [min(w["top"] for w in b) - max(w["bottom"] for w in a) for a, b in zip(lines, lines[1:], strict=False)]
    gaps = [g for g in gaps if g > -1]
    return min(gaps) if gaps else None


def _split_paragraphs(lines: list[list[dict]], usual_gap: float | None = None) -> list[str]:
    usual = line_gap(lines) if usual_gap is None else usual_gap
    paragraphs: list[list[str]] = []
    previous_bottom = None
    for words in lines:
        top = min(w["top"] for w in words)
        height = max(w["bottom"] - w["top"] for w in words)
        if previous_bottom is None or usual is None or top - previous_bottom > usual + 0.5 * height:
            paragraphs.append([])
        paragraphs[-1].append(" ".join(w["text"] for w in words))
        previous_bottom = max(w["bottom"] for w in words)
    return [" ".join(p) for p in paragraphs]


def cell_lines(words: list[dict]) -> list[list[dict]]:
    lines: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (w["top"], w["x0"])):
        if lines and abs(word["top"] - lines[-1][0]["top"]) <= 2.5:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w["x0"]) for line in lines]


def paragraphs(lines: list[list[dict]], usual_gap: float | None) -> tuple[str, ...]:
    """The paragraphs of one table cell's lines, split where the space between lines widens."""
    return tuple(_split_paragraphs(lines, usual_gap))
