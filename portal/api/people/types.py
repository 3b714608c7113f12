"""People, their organisations and local authorities, and what each agency writes."""

import strawberry

from portal import access
from portal.agencies import AgencyDefinition, SectionDefinition
from portal.api.batching import ready
from portal.api.context import Info
from portal.api.prefetch import Load, Plan
from portal.people.models import Organisation, Person


@strawberry.type(name="SectionDefinition")
@access.fields({access.PUBLIC: ("id", "title", "help", "required", "max_length", "aliases")})
class SectionDefinitionType:
    id: str
    title: str
    help: str
    required: bool
    max_length: int
    aliases: list[str]

    @classmethod
    def of(cls, section: SectionDefinition) -> "SectionDefinitionType":
        return cls(id=section.id, title=section.title, help=section.help, required=section.required, max_length=section.max_length, aliases=list(section.aliases))


@strawberry.type(name="Agency")
@access.fields({access.PUBLIC: ("id", "name", "description", "sections")})
class AgencyType:
    id: str
    name: str
    description: str
    sections: list[SectionDefinitionType]

    @classmethod
    def of(cls, agency: AgencyDefinition) -> "AgencyType":
        return cls(id=agency.id, name=agency.name, description=agency.description, sections=[SectionDefinitionType.of(s) for s in agency.sections])


@strawberry.type(name="LocalAuthority")
@access.fields({access.PUBLIC: ("id", "slug", "name")})
class LocalAuthorityType:
    id: strawberry.ID
    slug: str
    name: str


@strawberry.type(name="Organisation")
@access.fields({access.PUBLIC: ("id", "agency_id", "name", "code", "agency", "local_authority")})
class OrganisationType:
    id: strawberry.ID
    agency_id: str
    name: str
    code: str | None

    @strawberry.field(description="The local authority it belongs to (its own children's services, say); null for one that serves the region.")
    def local_authority(self, root: strawberry.Parent[Organisation], info: Info) -> LocalAuthorityType | None:
        return ready(info.context.loaders.local_authority, root.la_id) if root.la_id is not None else None

    @strawberry.field(description="What the organisation's agency writes: its sections, help, required flags and length limits.")
    def agency(self, root: strawberry.Parent[Organisation], info: Info) -> AgencyType:
        return AgencyType.of(info.context.agencies[root.agency_id])


@strawberry.type(name="Person")
@access.fields({"person.read": ("id", "name", "job_title", "organisation"), "person.email": ("email",)})
class PersonType:
    id: strawberry.ID
    name: str
    job_title: str

    @strawberry.field
    def organisation(self, root: strawberry.Parent[Person], info: Info) -> OrganisationType:
        return ready(info.context.loaders.organisation, root.organisation_id)

    @strawberry.field(description="Visible only to the person themself.")
    def email(self, root: strawberry.Parent[Person]) -> str | None:
        return root.email


PERSON_PLAN: Plan = {"organisation": Load(lambda loaders: loaders.organisation, lambda person: person.organisation_id)}
