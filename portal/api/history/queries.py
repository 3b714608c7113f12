"""The IRO annual report, for the head of service and the IRO manager of the local authority."""

import strawberry
from sqlalchemy import select

from portal import access, ids
from portal.api.context import Info
from portal.api.history.types import AnnualReportType
from portal.conferences.timescales import rules_for_la
from portal.history.annual import ReportingYear, annual_report
from portal.history.report import load_records
from portal.people.models import LocalAuthority


@strawberry.type
class HistoryQuery:
    @strawberry.field(description=(
        "The IRO annual report's figures for a reporting year (like 2018-19), each with its definition and last year's alongside; "
        "for the head of service and the IRO manager of that local authority only (null for anyone else)."))
    async def annual_report(self, info: Info, la_id: strawberry.ID, year: str) -> AnnualReportType | None:
        context = info.context
        reporting = ReportingYear.parse(year)
        number = ids.parse_id(la_id)
        if number is None or not access.allowed(context.actor, "annual_report.read", number):
            return None
        slug = (await context.session.execute(select(LocalAuthority.slug).where(LocalAuthority.id == number))).scalar_one_or_none()
        if slug is None:
            return None
        report = annual_report(slug, await load_records(context.session, number), reporting, rules_for_la(context.rules, slug))
        return AnnualReportType.of(report.as_json())
