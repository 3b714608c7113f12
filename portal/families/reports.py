"""A report as the family reads it: only once its author has shared it, never a draft or a withdrawn
report, never a section withheld (or asked to be withheld), never the contact details of anyone the
case marks "do not share", and its sections in Signs of Safety order."""

import re
from collections.abc import Iterable, Mapping

from portal.agencies import AgencyDefinition
from portal.children.models import CasePerson
from portal.enums import ContributionStatus

SHAREABLE = (ContributionStatus.SUBMITTED, ContributionStatus.AMENDED)
# Who wrote it first; what the agency knows (its own sections) after the worries; then danger,
# what makes it harder, what is working well and the safety already there, the goals and next steps.
OPENING = ("about_author", "worries")
SIGNS_OF_SAFETY = ("danger_statement", "complicating_factors", "working_well", "existing_safety", "safety_goals", "next_steps", "child_voice")
CLOSING = ("other_information",)
REMOVED = "[contact details removed]"
# The family pack's three headings and the sections each gathers from every report.
PACK = {"worries": ("worries", "danger_statement"), "working_well": ("working_well", "existing_safety"), "safety_goals": ("safety_goals",)}


def family_order(agency: AgencyDefinition) -> list[str]:
    """The agency's section ids as the family reads them."""
    known = set(OPENING) | set(SIGNS_OF_SAFETY) | set(CLOSING)
    own = [s.id for s in agency.sections if s.id not in known]
    present = {s.id for s in agency.sections}
    return [s for s in (*OPENING, *own, *SIGNS_OF_SAFETY, *CLOSING) if s in present]


def _loose(value: str) -> re.Pattern[str] | None:
    """The value as it may be written: any case, any spacing between its words or digits."""
    parts = [re.escape(p) for p in re.split(r"[\s,-]+", value.strip()) if p]
    return re.compile(r"[\s,-]*".join(parts), re.IGNORECASE) if parts else None


def contact_patterns(people: Iterable[CasePerson]) -> list[re.Pattern[str]]:
    """The address, postcode, phone and email of each person marked "do not share", longest first."""
    values = {v for p in people if p.do_not_share_contact for v in (p.address, p.postcode, p.phone, p.email) if v.strip()}
    return [pattern for v in sorted(values, key=len, reverse=True) if (pattern := _loose(v))]


def without_contacts(text: str, patterns: Iterable[re.Pattern[str]]) -> str:
    for pattern in patterns:
        text = pattern.sub(REMOVED, text)
    return text


def family_sections(
    agency: AgencyDefinition, sections: Mapping[str, str], hidden: frozenset[str], patterns: list[re.Pattern[str]]
) -> list[tuple[str, str, str]]:
    """(id, title, text) of each non-empty section the family may read, in their order."""
    titles = {s.id: s.title for s in agency.sections}
    return [
        (section_id, titles[section_id], without_contacts(sections[section_id], patterns))
        for section_id in family_order(agency)
        if section_id not in hidden and sections.get(section_id, "").strip()
    ]
