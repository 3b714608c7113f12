"""The one redaction rule, for every purpose: who sees a section withheld from the family."""

from types import SimpleNamespace

from portal.access import Purpose, visible_sections
from portal.enums import Role, WithholdingDecision
from portal.identity import Actor

AUTHOR_ORG, CHAIR = 7, 70
REQUESTS = [
    SimpleNamespace(section_id="pending", decision=WithholdingDecision.PENDING),
    SimpleNamespace(section_id="agreed", decision=WithholdingDecision.AGREED),
    SimpleNamespace(section_id="refused", decision=WithholdingDecision.REFUSED),
]
CONTRIBUTION = SimpleNamespace(organisation_id=AUTHOR_ORG)


def actor(person_id: int, organisation_id: int, *roles: tuple[Role, int | None]) -> Actor:
    return Actor(person_id=person_id, name="x", organisation_id=organisation_id, agency_id="gp", region_id=1, roles=frozenset(roles))


PEOPLE = {
    "author": actor(1, AUTHOR_ORG, (Role.CONTRIBUTOR, None)),
    "chair": actor(CHAIR, 2, (Role.CHAIR, 1)),
    "other_chair": actor(71, 2, (Role.CHAIR, 1)),
    "social_worker": actor(72, 2, (Role.SOCIAL_WORKER, 1)),
    "other_agency": actor(3, 9, (Role.CONTRIBUTOR, None)),
    "own_auditor": actor(4, 2, (Role.AUDITOR, 1)),
    "regional_lead": actor(5, 3, (Role.AUDITOR, None)),
}


def test_only_the_author_and_the_chair_read_a_withheld_section_and_only_in_the_case():
    for purpose in Purpose:
        for name, person in PEOPLE.items():
            visible = visible_sections(person, CONTRIBUTION, purpose, REQUESTS, CHAIR)
            sees = purpose is Purpose.READ and name in ("author", "chair")
            assert ("pending" in visible) == ("agreed" in visible) == sees, (purpose, name)
            assert "refused" in visible and "never_asked" in visible, (purpose, name)
            assert visible.withheld == {"pending", "agreed"}
            assert visible.texts({"pending": "a", "refused": "b"}) == ({"pending": "a", "refused": "b"} if sees else {"refused": "b"})
