"""Which sections of a contribution a person may see, for what purpose: the one redaction rule.

A section is withheld while a request to withhold it from the family is pending or agreed. For the
case (READ) its author's organisation and the conference's chair still see it; nobody else does. The
family (FAMILY) never sees it. Auditors (AUDIT, and the round's EXPORT) never read it, whatever their
council: they are not the family, but the audit needs no third party's information, so a withheld
section is scored like any other (a round's score is the same for every reader) and never quoted."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from portal.contributions.models import WithholdingRequest
from portal.enums import WithholdingDecision
from portal.identity import Actor

WITHHOLDING_IN_FORCE = (WithholdingDecision.PENDING, WithholdingDecision.AGREED)


class Purpose(StrEnum):
    READ = "READ"  # the case: a contribution, its versions, the conference map, drafting feedback
    FAMILY = "FAMILY"  # what is shared with the family
    AUDIT = "AUDIT"  # an audit item: its sections, the scorer's evidence and reasons
    EXPORT = "EXPORT"  # an audit round's CSV and XLSX


class Authored(Protocol):
    organisation_id: int


@dataclass(frozen=True, slots=True)
class VisibleSections:
    withheld: frozenset[str]
    hidden: frozenset[str]

    def __contains__(self, section_id: object) -> bool:
        return section_id not in self.hidden

    def texts(self, sections: Mapping[str, str]) -> dict[str, str]:
        return {k: v for k, v in sections.items() if k not in self.hidden}


EVERY_SECTION = VisibleSections(frozenset(), frozenset())


def withheld_sections(requests: Iterable[WithholdingRequest]) -> frozenset[str]:
    return frozenset(r.section_id for r in requests if r.decision in WITHHOLDING_IN_FORCE)


def can_see_withheld(actor: Actor, contribution: Authored, chair_id: int | None) -> bool:
    """A section withheld (or asked to be withheld) from the family is seen in the case only by its
    author's organisation and the conference's chair."""
    return contribution.organisation_id == actor.organisation_id or (chair_id is not None and actor.person_id == chair_id)


def visible_sections(
    actor: Actor, contribution: Authored, purpose: Purpose, requests: Iterable[WithholdingRequest], chair_id: int | None
) -> VisibleSections:
    withheld = withheld_sections(requests)
    sees_withheld = purpose is Purpose.READ and can_see_withheld(actor, contribution, chair_id)
    return VisibleSections(withheld, frozenset() if sees_withheld else withheld)
