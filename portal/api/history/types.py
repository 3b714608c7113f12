"""The IRO annual report: its figures, each with its definition, this year's and last year's values."""

from datetime import date
from typing import Any

import strawberry

from portal import access


@strawberry.type(name="FigurePart")
@access.fields({access.INHERITED: ("code", "meaning", "count", "pct")})
class FigurePartType:
    code: str
    meaning: str | None
    count: int
    pct: float | None = strawberry.field(description="Share of the figure's whole, as a percentage to one decimal place.")


@strawberry.type(name="FigureValue")
@access.fields({access.INHERITED: ("value", "count", "of", "parts")})
class FigureValueType:
    value: float | None = strawberry.field(description="The figure: a count, or a percentage to one decimal place; null when it cannot be counted.")
    count: int | None = strawberry.field(description="For a percentage, how many were counted.")
    of: int | None = strawberry.field(description="For a percentage or a breakdown, out of how many.")
    parts: list[FigurePartType] = strawberry.field(description="For a breakdown (by code, by category), each part.")

    @classmethod
    def of_figure(cls, figure: dict[str, Any]) -> "FigureValueType":
        value = figure["value"]
        if isinstance(value, dict):
            parts = [FigurePartType(code=code, meaning=part.get("meaning") if isinstance(part, dict) else None,
                                    count=part["count"] if isinstance(part, dict) else part,
                                    pct=part["value"] if isinstance(part, dict) else None) for code, part in value.items()]
            return cls(value=None, count=None, of=figure.get("of"), parts=parts)
        return cls(value=value, count=figure.get("count"), of=figure.get("of"), parts=[])


@strawberry.type(name="AnnualFigure")
@access.fields({access.INHERITED: ("id", "label", "definition", "note", "this_year", "last_year")})
class AnnualFigureType:
    id: str = strawberry.field(description="Stable across versions, e.g. looked_after.started.")
    label: str
    definition: str = strawberry.field(description="How the figure is counted, to be written beside it.")
    note: str | None
    this_year: FigureValueType
    last_year: FigureValueType | None = strawberry.field(description="Last year's, where the records reach back to it.")


@strawberry.type(name="AnnualReport")
@access.fields({"annual_report.read": ("year", "starts_on", "ends_on", "last_year", "figures")})
class AnnualReportType:
    year: str = strawberry.field(description="The reporting year, e.g. 2018-19 (1 April 2018 to 31 March 2019).")
    starts_on: date
    ends_on: date
    last_year: str
    figures: list[AnnualFigureType]

    @classmethod
    def of(cls, report: dict[str, Any]) -> "AnnualReportType":
        figures = [
            AnnualFigureType(id=key, label=f["label"], definition=f["definition"], note=f.get("note"), this_year=FigureValueType.of_figure(f),
                             last_year=FigureValueType.of_figure(f["last_year"]) if f["last_year"] else None)
            for key, f in report["figures"].items()
        ]
        return cls(year=report["year"], starts_on=date.fromisoformat(report["from"]), ends_on=date.fromisoformat(report["to"]), last_year=report["last_year"], figures=figures)
