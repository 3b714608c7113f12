"""Each LA's monitoring checklist and watchlist thresholds, read from the TOML files in data/: default.toml
plus an LA's own slug.toml holding only what differs, merged and then validated (errors name the file and field)."""

import re
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from portal.datafiles import read_toml, validate
from portal.history import codes

DATA_DIR = Path(__file__).resolve().parent / "data"
DEFAULT_FILE = "default.toml"
SLUG = re.compile(r"^[a-z][a-z0-9_-]*$")
ITEM_ID = re.compile(r"^[a-z][a-z0-9_]*$")


class MonitoringFileError(Exception):
    """A monitoring data file is missing, unreadable or invalid."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ChecklistItem(_Strict):
    id: str
    theme: str = Field(min_length=1, max_length=120)
    question: str = Field(min_length=1, max_length=300)
    challenge_reason: str = Field(min_length=1)

    @field_validator("id")
    @classmethod
    def _id(cls, value: str) -> str:
        if not ITEM_ID.match(value) or len(value) > 64:
            raise ValueError("must be lower-case letters, digits and underscores (at most 64), starting with a letter")
        return value


def _codes(values: tuple[str, ...], known: frozenset[str], what: str) -> tuple[str, ...]:
    unknown = [v for v in values if v not in known]
    if unknown:
        raise ValueError(f"{unknown[0]!r} is not an SSDA903 {what} code")
    if not values:
        raise ValueError("give at least one code")
    return values


class Watchlist(_Strict):
    long_plan_months: int = Field(ge=1, le=120)
    very_long_plan_months: int = Field(ge=1, le=240)
    placement_order_months: int = Field(ge=1, le=120)
    placement_order_legal_statuses: tuple[str, ...]
    placed_with_parents_placements: tuple[str, ...]
    placements: int = Field(ge=2, le=50)
    placements_within_months: int = Field(ge=1, le=60)
    short_break_legal_statuses: tuple[str, ...]
    short_break_recent_months: int = Field(ge=0, le=24)
    connected_carer_placements: tuple[str, ...]
    care_order_legal_statuses: tuple[str, ...]

    @field_validator("placement_order_legal_statuses", "short_break_legal_statuses", "care_order_legal_statuses")
    @classmethod
    def _legal_statuses(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return _codes(value, codes.LEGAL_STATUS, "legal status (LS)")

    @field_validator("placed_with_parents_placements", "connected_carer_placements")
    @classmethod
    def _placements(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return _codes(value, codes.PLACEMENT, "placement (PLACE)")

    @model_validator(mode="after")
    def _ordered(self) -> "Watchlist":
        if self.very_long_plan_months < self.long_plan_months:
            raise ValueError(f"very_long_plan_months ({self.very_long_plan_months}) is less than long_plan_months ({self.long_plan_months})")
        return self


class Monitoring(_Strict):
    slug: str
    checklist: tuple[ChecklistItem, ...] = Field(min_length=1, max_length=40)
    watchlist: Watchlist

    @field_validator("checklist")
    @classmethod
    def _unique(cls, value: tuple[ChecklistItem, ...]) -> tuple[ChecklistItem, ...]:
        seen: set[str] = set()
        for item in value:
            if item.id in seen:
                raise ValueError(f"the item id {item.id!r} is used twice")
            seen.add(item.id)
        return value

    def item(self, item_id: str) -> ChecklistItem | None:
        return next((i for i in self.checklist if i.id == item_id), None)


def load_monitoring(directory: Path) -> dict[str, Monitoring]:
    """Every LA's monitoring data in `directory`, by slug; the defaults themselves under 'default'."""
    default_path = directory / DEFAULT_FILE
    if not default_path.is_file():
        raise MonitoringFileError(f"{directory}: {DEFAULT_FILE} not found")
    defaults = read_toml(default_path, MonitoringFileError)
    found = {"default": validate(Monitoring, {"slug": "default", **defaults}, default_path, MonitoringFileError)}
    for path in sorted(directory.glob("*.toml")):
        if path.name == DEFAULT_FILE:
            continue
        if not SLUG.match(path.stem):
            raise MonitoringFileError(f"{path.name}: file name must be the LA slug (lower-case letters, digits, '-', '_')")
        local = read_toml(path, MonitoringFileError)
        if "slug" in local:
            raise MonitoringFileError(f"{path.name}: slug: comes from the file name; remove it")
        merged: dict[str, Any] = {**defaults, **local, "slug": path.stem}
        if isinstance(local.get("watchlist"), dict) and isinstance(defaults.get("watchlist"), dict):
            merged["watchlist"] = {**defaults["watchlist"], **local["watchlist"]}
        found[path.stem] = validate(Monitoring, merged, path, MonitoringFileError)
    return found


@cache
def monitoring_data() -> dict[str, Monitoring]:
    return load_monitoring(DATA_DIR)


def monitoring_for(slug: str) -> Monitoring:
    """The LA's own data, or the defaults for an LA with no file of its own."""
    found = monitoring_data()
    return found.get(slug) or found["default"]
