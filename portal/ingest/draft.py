"""Turn an ingestion result into draft sections, and combine them with an existing draft."""

from typing import Literal

from portal.ingest.document import IngestResult

OTHER = "other_information"
MergeMode = Literal["merge", "replace"]


def draft_sections(result: IngestResult) -> dict[str, str]:
    """{section_id: markdown}; unmapped text is appended to the other-information section."""
    sections = {s.id: s.text for s in result.sections if s.text}
    if result.unmapped:
        sections[OTHER] = "\n\n".join(t for t in (sections.get(OTHER, ""), result.unmapped) if t)
    return sections


def merge_draft(existing: dict[str, str], extracted: dict[str, str], mode: MergeMode) -> dict[str, str]:
    """The new draft. `replace` keeps only the extracted sections; `merge` keeps the author's
    text and appends extracted text that the section does not already contain.

    The caller keeps the earlier draft as a version either way.
    """
    if mode == "replace":
        return {k: v for k, v in extracted.items() if v.strip()}
    if mode != "merge":
        raise ValueError(f"mode must be 'merge' or 'replace', not {mode!r}")
    merged = {k: v for k, v in existing.items() if v.strip()}
    for section_id, text in extracted.items():
        if not text.strip():
            continue
        current = merged.get(section_id, "")
        if _squash(text) in _squash(current):
            continue
        merged[section_id] = f"{current.rstrip()}\n\n{text}" if current else text
    return merged


def _squash(text: str) -> str:
    return " ".join(text.split())
