"""Agency definitions: one TOML file per agency in agencies/, validated at start-up.

A new agency is a new file. A file that does not validate stops start-up with a
message naming the file and the field.
"""

from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, model_validator

from portal.datafiles import Slug, read_toml, validate

CORE_SECTIONS = (
    "worries",
    "danger_statement",
    "complicating_factors",
    "working_well",
    "existing_safety",
    "safety_goals",
    "next_steps",
    "child_voice",
)

class AgencyFileError(Exception):
    """An agency file is missing, unreadable or invalid."""


class SectionDefinition(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Slug
    title: str = Field(min_length=1)
    help: str = Field(min_length=1)
    required: StrictBool = False
    max_length: StrictInt = Field(default=20_000, gt=0, le=200_000)
    aliases: tuple[str, ...] = ()
    # Words and phrases a paragraph about this section tends to use; ingestion places text by them.
    vocabulary: tuple[str, ...] = ()
    # Paragraphs written for this section (invented people); ingestion learns the section's words from them.
    examples: tuple[str, ...] = ()
    # Sections that a box or heading named for this one often holds too (a mapping's "Worries" column holds the
    # danger statement): a later paragraph under it that reads more like one of these goes there.
    holds: tuple[str, ...] = ()


class AgencyDefinition(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Slug
    name: str = Field(min_length=1)
    description: str = ""
    sections: tuple[SectionDefinition, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _sections_complete(self) -> "AgencyDefinition":
        ids = [s.id for s in self.sections]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"sections: duplicate section ids {', '.join(duplicates)}")
        missing = [c for c in CORE_SECTIONS if c not in ids]
        if missing:
            raise ValueError(f"sections: missing the Signs of Safety core sections {', '.join(missing)}")
        unknown = sorted({h for s in self.sections for h in s.holds if h not in ids})
        if unknown:
            raise ValueError(f"sections: holds names no section {', '.join(unknown)}")
        return self

    def section(self, section_id: str) -> SectionDefinition | None:
        return next((s for s in self.sections if s.id == section_id), None)

    @property
    def required_sections(self) -> tuple[SectionDefinition, ...]:
        return tuple(s for s in self.sections if s.required)


def load_agency_file(path: Path) -> AgencyDefinition:
    agency = validate(AgencyDefinition, read_toml(path, AgencyFileError), path, AgencyFileError)
    if agency.id != path.stem:
        raise AgencyFileError(f"{path.name}: id: '{agency.id}' must match the file name '{path.stem}'")
    return agency


class AgencyRegistry:
    """All agency definitions, by id."""

    def __init__(self, agencies: dict[str, AgencyDefinition]) -> None:
        self._agencies = agencies

    def __getitem__(self, agency_id: str) -> AgencyDefinition:
        return self._agencies[agency_id]

    def __contains__(self, agency_id: object) -> bool:
        return agency_id in self._agencies

    def get(self, agency_id: str) -> AgencyDefinition | None:
        return self._agencies.get(agency_id)

    def all(self) -> list[AgencyDefinition]:
        return sorted(self._agencies.values(), key=lambda a: a.name)

    @classmethod
    def load(cls, directory: Path) -> "AgencyRegistry":
        files = sorted(directory.glob("*.toml"))
        if not files:
            raise AgencyFileError(f"{directory}: no agency files (*.toml) found")
        return cls({a.id: a for a in map(load_agency_file, files)})


@lru_cache
def registry_for(directory: Path) -> AgencyRegistry:
    return AgencyRegistry.load(directory)


def get_registry() -> AgencyRegistry:
    from portal.settings import get_settings

    return registry_for(get_settings().agencies_dir)
