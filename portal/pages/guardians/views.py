"""What the guardian's pages make of a set of proceedings: for each child the IRO's versions of the
view of the care plan, the current one, and whether it changed since the guardian last looked."""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from portal.identity import Actor
from portal.pages.chairs.changes import Piece, pieces


class Looked(StrEnum):
    NO_VIEW = "no-view"  # the IRO has recorded no view yet
    NEW = "new"  # never looked at
    CHANGED = "changed"  # a newer version since the guardian last looked
    READ = "read"  # the guardian has looked at the current version


@dataclass(frozen=True)
class Version:
    view: dict[str, Any]
    changes: tuple[Piece, ...] | None  # from the version before; None for the first


@dataclass(frozen=True)
class ChildView:
    proceedings: dict[str, Any]
    child: dict[str, Any]
    versions: list[dict[str, Any]]  # oldest first
    seen: dict[str, Any] | None

    @property
    def current(self) -> dict[str, Any] | None:
        return self.versions[-1] if self.versions else None

    @property
    def looked(self) -> Looked:
        if self.current is None:
            return Looked.NO_VIEW
        if self.seen is None:
            return Looked.NEW
        return Looked.CHANGED if self.seen["version"] < self.current["version"] else Looked.READ

    def history(self) -> list[Version]:
        """Newest first, each with what changed from the version before it."""
        found = [Version(v, pieces(self.versions[n - 1]["view"]["source"], v["view"]["source"]) if n else None) for n, v in enumerate(self.versions)]
        return found[::-1]

    def since_last_looked(self) -> tuple[Piece, ...] | None:
        """What changed from the version last looked at to the current one, when it changed."""
        if self.looked is not Looked.CHANGED or self.seen is None or self.current is None:
            return None
        before = next((v for v in self.versions if v["version"] == self.seen["version"]), None)
        return pieces(before["view"]["source"], self.current["view"]["source"]) if before else None


def assigned(actor: Actor, proceedings: dict[str, Any] | None) -> bool:
    """The guardian's pages are for the guardian assigned to the proceedings alone."""
    guardian = (proceedings or {}).get("guardian")
    return guardian is not None and guardian["id"] == str(actor.person_id)


def child_views(proceedings: dict[str, Any]) -> list[ChildView]:
    seen = {s["childId"]: s for s in proceedings["seenByMe"]}
    return [
        ChildView(proceedings, child, [v for v in proceedings["carePlanViews"] if v["childId"] == child["id"]], seen.get(child["id"]))
        for child in proceedings["children"]
    ]


def child_view(proceedings: dict[str, Any], child_id: str) -> ChildView | None:
    return next((c for c in child_views(proceedings) if c.child["id"] == child_id), None)


def govuk_date(value: str | None) -> str:
    """An ISO date from the API as GOV.UK writes it: 2 April 2018."""
    if not value:
        return ""
    found = date.fromisoformat(value[:10])
    return f"{found.day} {found:%B %Y}"
