"""Each LA's timescale rules, read from TOML files: default.toml plus one file per LA slug.

An LA file holds only what differs from default.toml; the two are merged and then validated,
so a file that leaves a value out still gets the default, and a contradictory value is refused
with the file and field named. A conference kind's table under [reports] replaces the default's
for that kind whole (leaving out family_working_days_before there means no family deadline).
"""

import re
from datetime import date, time
from functools import lru_cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from portal.datafiles import read_toml, validate
from portal.enums import ConferenceKind
from portal.timescales.challenge_rules import ChallengeRules
from portal.timescales.workdays import WorkingCalendar

DEFAULT_FILE = "default.toml"
SLUG = re.compile(r"^[a-z][a-z0-9_-]*$")


class RulesFileError(Exception):
    """A rules file is missing, unreadable or invalid."""


class UnknownLocalAuthority(LookupError):
    pass


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Statutory(_Strict):
    icpc_working_days_after_strategy_discussion: int = Field(gt=0)
    transfer_in_icpc_working_days_after_notification: int = Field(gt=0)
    core_group_working_days_after_icpc: int = Field(gt=0)
    first_rcpc_months_after_icpc: int = Field(gt=0)
    rcpc_interval_months: int = Field(gt=0)
    first_lac_review_working_days_after_looked_after: int = Field(gt=0)
    second_lac_review_months_after_first: int = Field(gt=0)
    lac_review_interval_months: int = Field(gt=0)


class ReportDeadlines(_Strict):
    """When reports are due, counted back from the meeting day; due at `admin_cutoff` that day."""

    chair_working_days_before: int
    family_working_days_before: int | None = None
    admin_cutoff: time

    @field_validator("chair_working_days_before", "family_working_days_before")
    @classmethod
    def _before_meeting(cls, value: int | None) -> int | None:
        if value is not None and value < 1:
            raise ValueError(
                f"is {value}: the deadline must be at least 1 working day before the meeting, "
                "otherwise it falls on or after the meeting day"
            )
        return value


class Reminders(_Strict):
    working_days_before_due: tuple[int, ...] = Field(min_length=1)
    overdue: bool = True
    chair_when_at_risk: bool = True
    chair_at_risk_working_days_before_meeting: int = Field(ge=1)

    @field_validator("working_days_before_due")
    @classmethod
    def _positive(cls, value: tuple[int, ...]) -> tuple[int, ...]:
        if any(v < 1 for v in value):
            raise ValueError("every value must be at least 1 working day")
        return tuple(sorted(set(value), reverse=True))


class AfterMeeting(_Strict):
    """After a conference: the outcome to the family and agencies, then the minutes, within so many working
    days of the meeting (0: the same day)."""

    outcome_working_days_after_meeting: int = Field(default=1, ge=0, le=20)
    minutes_working_days_after_meeting: int = Field(default=15, ge=1, le=60)

    @model_validator(mode="after")
    def _minutes_after_outcome(self) -> "AfterMeeting":
        if self.minutes_working_days_after_meeting < self.outcome_working_days_after_meeting:
            raise ValueError(
                f"minutes_working_days_after_meeting {self.minutes_working_days_after_meeting} is before "
                f"outcome_working_days_after_meeting {self.outcome_working_days_after_meeting}: the minutes follow the outcome"
            )
        return self


class Quorum(_Strict):
    social_care_agency: str = Field(min_length=1)
    min_other_agencies: int = Field(ge=0)


class Closure(_Strict):
    start: date
    end: date | None = None
    reason: str = ""

    @model_validator(mode="after")
    def _ordered(self) -> "Closure":
        if self.end is not None and self.end < self.start:
            raise ValueError(f"end {self.end} is before start {self.start}")
        return self

    def days(self) -> list[date]:
        end = self.end or self.start
        return [date.fromordinal(d) for d in range(self.start.toordinal(), end.toordinal() + 1)]


class LARules(_Strict):
    slug: str
    name: str = Field(min_length=1)
    timezone: str
    statutory: Statutory
    reports: dict[ConferenceKind, ReportDeadlines]
    reminders: Reminders
    quorum: Quorum
    challenges: ChallengeRules
    after_meeting: AfterMeeting = AfterMeeting()
    closures: tuple[Closure, ...] = ()
    postcode_districts: tuple[str, ...] = ()  # the LA's own outward codes (TS1, TS2…), for the share placed outside it

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone '{value}'") from exc
        return value

    @model_validator(mode="after")
    def _every_kind(self) -> "LARules":
        missing = [k.value for k in ConferenceKind if k not in self.reports]
        if missing:
            raise ValueError(f"reports: no report deadlines for {', '.join(missing)}")
        return self

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def closure_days(self) -> list[date]:
        return [day for closure in self.closures for day in closure.days()]

    def calendar(self) -> WorkingCalendar:
        return _calendar(frozenset(self.closure_days()))


@lru_cache(maxsize=64)
def _calendar(closures: frozenset[date]) -> WorkingCalendar:
    return WorkingCalendar(closures)


def _merge(defaults: dict[str, Any], local: dict[str, Any]) -> dict[str, Any]:
    merged = dict(defaults)
    for key, value in local.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = {**merged[key], **value}
        else:
            merged[key] = value
    return merged


def _read(path: Path) -> dict[str, Any]:
    return read_toml(path, RulesFileError)


def _validate(path: Path, data: dict[str, Any]) -> LARules:
    return validate(LARules, data, path, RulesFileError)


def load_rules(directory: Path) -> dict[str, LARules]:
    """Every LA's rules in `directory`, by slug; the defaults themselves under 'default'."""
    default_path = directory / DEFAULT_FILE
    if not default_path.is_file():
        raise RulesFileError(f"{directory}: {DEFAULT_FILE} not found")
    defaults = _read(default_path)
    rules = {"default": _validate(default_path, {"slug": "default", **defaults})}
    for path in sorted(directory.glob("*.toml")):
        if path.name == DEFAULT_FILE:
            continue
        if not SLUG.match(path.stem):
            raise RulesFileError(f"{path.name}: file name must be the LA slug (lower-case letters, digits, '-', '_')")
        data = _read(path)
        if "slug" in data:
            raise RulesFileError(f"{path.name}: slug: comes from the file name; remove it")
        inherited = {key: value for key, value in defaults.items() if key != "name"}
        rules[path.stem] = _validate(path, _merge(inherited, {"slug": path.stem, **data}))
    return rules


def rules_for(rules: dict[str, LARules], slug: str) -> LARules:
    try:
        return rules[slug]
    except KeyError:
        known = ", ".join(sorted(s for s in rules if s != "default"))
        raise UnknownLocalAuthority(f"unknown local authority '{slug}' (known: {known})") from None


RULES_DIR = Path(__file__).resolve().parent / "rules"
