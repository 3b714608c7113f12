"""What changed in a report between two versions, word by word (difflib), for the report page."""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

WORDS = re.compile(r"\s+|[^\s]+")

Kind = Literal["same", "added", "removed"]


@dataclass(frozen=True)
class Piece:
    kind: Kind
    text: str


@dataclass(frozen=True)
class SectionChange:
    section_id: str
    title: str
    pieces: tuple[Piece, ...]


def pieces(before: str, after: str) -> tuple[Piece, ...]:
    """`after` told against `before`: runs of unchanged, added and removed words."""
    old, new = WORDS.findall(before), WORDS.findall(after)
    found: list[Piece] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if tag == "equal":
            found.append(Piece("same", "".join(old[i1:i2])))
            continue
        if i2 > i1:
            found.append(Piece("removed", "".join(old[i1:i2])))
        if j2 > j1:
            found.append(Piece("added", "".join(new[j1:j2])))
    return tuple(found)


def section_changes(before: Mapping[str, tuple[str, str]], after: Mapping[str, tuple[str, str]]) -> list[SectionChange]:
    """Each section (id -> (title, text)) whose text differs, in the later version's order, then
    the sections the later version no longer has."""
    changed = []
    for section_id in [*after, *(s for s in before if s not in after)]:
        title = (after.get(section_id) or before[section_id])[0]
        old, new = before.get(section_id, ("", ""))[1], after.get(section_id, ("", ""))[1]
        if old != new:
            changed.append(SectionChange(section_id, title, pieces(old, new)))
    return changed
