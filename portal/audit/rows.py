"""Database rows mapped into the plain data the scorer and the pseudonymiser take."""

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

from portal.agencies import AgencyDefinition, registry_for
from portal.audit import contribution as plain
from portal.audit.pseudonymise import KnownPerson, role_labels
from portal.audit.rubric import load_rubric, rubric_path
from portal.audit.scorer import Scorer
from portal.children.models import CasePerson, Child


@lru_cache
def scorer_for(agencies_dir: Path, rubric_id: str) -> Scorer:
    """The scorer for a rubric, compiled once per process (raises RubricFileError for an unknown rubric)."""
    path = rubric_path(agencies_dir, rubric_id)
    rubric = load_rubric(path)
    agency = registry_for(agencies_dir).get(rubric.agency)
    if agency is not None:
        load_rubric(path, agency)
    return Scorer(rubric)


def has_rubric(agencies_dir: Path, rubric_id: str) -> bool:
    return rubric_path(agencies_dir, rubric_id).is_file()


def plain_children(children: Iterable[Child]) -> tuple[plain.Child, ...]:
    return tuple(plain.Child(str(c.id), f"{c.given_name} {c.family_name}", c.date_of_birth) for c in children)


def known_people(children: Sequence[Child], relatives: Iterable[CasePerson]) -> list[KnownPerson]:
    """The conference's children ("child 1", "child 2"…, in the order given) and the people their
    cases record, each once: a parent of two of the children is one person, and a sibling who is
    one of the conference's children keeps the child's label."""
    taken = {(c.given_name.lower(), c.family_name.lower()) for c in children}
    unique: dict[tuple[str, str, str], CasePerson] = {}
    for r in relatives:
        name = (r.given_name.lower(), r.family_name.lower())
        if name not in taken:
            unique.setdefault((r.relationship, *name), r)
    labels = role_labels(["CHILD"] * len(children) + [r.relationship for r in unique.values()])
    return [
        *(KnownPerson(label, c.given_name, c.family_name, "", c.date_of_birth) for c, label in zip(children, labels, strict=False)),
        *(
            KnownPerson(label, r.given_name, r.family_name, r.known_as, r.date_of_birth, (r.address, r.postcode, r.phone, r.email))
            for r, label in zip(unique.values(), labels[len(children):], strict=True)
        ),
    ]


def plain_contribution(
    *,
    agency: AgencyDefinition,
    contribution_id: int,
    status: str,
    version: int,
    sections: Mapping[str, str],
    scales: Mapping[str, int],
    submitted_at: datetime | None,
    shared_with_family_on: date | None,
    organisation: tuple[int, str, str | None],
    author: tuple[int, str, str],
    invitation: tuple[int, datetime | None, datetime | None],
    conference: tuple[int, str, datetime, str],
    children: tuple[plain.Child, ...],
    withholding_requests: Iterable[tuple[str, str]] = (),
) -> plain.Contribution:
    """Sections in the agency's order, as the API returns them; withholding requests as (section id, decision)."""
    org_id, org_name, org_code = organisation
    conference_id, kind, scheduled_at, la_slug = conference
    return plain.Contribution(
        id=str(contribution_id),
        status=status,
        agency_id=agency.id,
        version=version,
        organisation=plain.Organisation(str(org_id), org_name, org_code or "", la_slug),
        author=plain.Author(str(author[0]), author[1], author[2]),
        submitted_at=submitted_at,
        shared_with_family_on=shared_with_family_on,
        sections=tuple(plain.Section(s.id, s.title, sections[s.id]) for s in agency.sections if sections.get(s.id)),
        scales=tuple(plain.Scale(k, v) for k, v in scales.items()),
        invitation=plain.Invitation(str(invitation[0]), invitation[1], invitation[2]),
        conference=plain.Conference(str(conference_id), kind, scheduled_at, la_slug, children),
        withholding_requests=tuple(plain.WithholdingRequest(section_id, str(decision)) for section_id, decision in withholding_requests),
    )
