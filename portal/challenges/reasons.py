"""The reasons an IRO may give for a challenge, kept as data in reasons.toml."""

from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator

from portal.datafiles import Slug, read_toml, validate

REASONS_FILE = Path(__file__).resolve().parent / "reasons.toml"
OTHER = "other"


class ReasonsFileError(Exception):
    pass


class Reason(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Slug = Field(max_length=64)
    label: str = Field(min_length=1, max_length=200)


class Reasons(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    reasons: tuple[Reason, ...] = Field(min_length=2)

    @model_validator(mode="after")
    def _distinct_with_other(self) -> "Reasons":
        ids = [r.id for r in self.reasons]
        if len(set(ids)) != len(ids):
            raise ValueError("reasons: each id must appear once")
        if OTHER not in ids:
            raise ValueError(f"reasons: '{OTHER}' must be one of them")
        return self

    def label(self, reason_id: str) -> str:
        return next((r.label for r in self.reasons if r.id == reason_id), reason_id)

    def ids(self) -> tuple[str, ...]:
        return tuple(r.id for r in self.reasons)


def load_reasons(path: Path = REASONS_FILE) -> Reasons:
    return validate(Reasons, read_toml(path, ReasonsFileError), path, ReasonsFileError)


@cache
def reasons() -> Reasons:
    return load_reasons()
