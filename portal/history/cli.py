"""`portal import ssda903|cin-census`, `portal report annual`, `portal export ssda903-reviews`."""

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

import_app = typer.Typer(help="Import a council's DfE returns (history of looked-after children and child protection).", no_args_is_help=True)

LA_OPTION = typer.Option("--la", help="The local authority's slug.")


def _fail(message: str) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code=1)


def run_with_la(slug: str, work: Callable[[Any, int], Awaitable[Any]]) -> Any:
    """Run `work(session, la_id)` against the configured database."""
    from sqlalchemy import select

    from portal.db import Database
    from portal.people.models import LocalAuthority
    from portal.settings import get_settings

    async def main() -> Any:
        database = Database(get_settings().database_url)
        try:
            async with database.session() as session:
                la_id = (await session.execute(select(LocalAuthority.id).where(LocalAuthority.slug == slug))).scalar_one_or_none()
                await session.rollback()
                if la_id is None:
                    return None, False
                return await work(session, la_id), True
        finally:
            await database.dispose()

    result, found = asyncio.run(main())
    if not found:
        _fail(f"there is no local authority {slug!r}")
    return result


def _report(results: list[Any]) -> None:
    refused = False
    for written in results:
        if written.refused:
            refused = True
            for rejection in written.rejections:
                typer.echo(str(rejection), err=True)
            typer.echo(f"{written.file}: nothing imported ({len(written.rejections)} refused).", err=True)
        else:
            typer.echo(f"{written.file}: {written.added} added, {written.changed} changed, {written.unchanged} unchanged.")
    if refused:
        raise typer.Exit(code=1)


@import_app.command("ssda903")
def import_ssda903(
    directory: Annotated[Path, typer.Argument(help="Folder holding header.csv, episodes.csv and reviews.csv.", file_okay=False)],
    la: Annotated[str, LA_OPTION],
) -> None:
    """Import an SSDA903 return: each file is one transaction, and a file with a refused row imports nothing."""
    from portal.history.imports import import_ssda903 as run

    _report(run_with_la(la, lambda session, la_id: run(session, la_id, directory)))


@import_app.command("cin-census")
def import_cin_census(
    file: Annotated[Path, typer.Argument(help="The CIN census XML file.", dir_okay=False)],
    la: Annotated[str, LA_OPTION],
) -> None:
    """Import a CIN census file (section 47 enquiries, initial conferences, child protection plans) as one transaction."""
    from portal.history.imports import import_cin_census as run

    _report([run_with_la(la, lambda session, la_id: run(session, la_id, file))])


report_app = typer.Typer(help="Reports from the portal's records.", no_args_is_help=True)


@report_app.command("annual")
def report_annual(
    la: Annotated[str, LA_OPTION],
    year: Annotated[str, typer.Option(help="The reporting year, 1 April to 31 March, like 2018-19.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    xlsx: Annotated[Path | None, typer.Option(help="Also write the report as an XLSX workbook here.", dir_okay=False)] = None,
    html: Annotated[Path | None, typer.Option(help="Also write the report as an HTML document (tables, SVG charts) here.", dir_okay=False)] = None,
) -> None:
    """The IRO annual report's figures for the year, each with its definition, and last year's where the records reach back."""
    import json
    import sys

    from portal.conferences.timescales import rules_for_la
    from portal.history.annual import BadYear, ReportingYear, annual_report
    from portal.history.report import load_records
    from portal.settings import get_settings
    from portal.timescales import RulesFileError, load_rules

    try:
        reporting = ReportingYear.parse(year)
    except BadYear as error:
        _fail(str(error))
    try:
        rules = rules_for_la(load_rules(get_settings().timescales_dir), la)
    except RulesFileError as error:
        _fail(f"timescale rules: {error}")

    async def work(session: Any, la_id: int) -> Any:
        records = await load_records(session, la_id)
        await session.rollback()
        return records

    records = run_with_la(la, work)
    report = annual_report(la, records, reporting, rules)
    if xlsx or html:
        from portal.history.annual_files import ReportFiles, write_html, write_xlsx

        files = ReportFiles.build(la, records, reporting, rules)
        if html:
            write_html(files, html)
        if xlsx:
            write_xlsx(files, xlsx)
    if as_json:
        json.dump(report.as_json(), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return
    typer.echo(f"IRO annual report figures for {la}, {reporting.label} ({reporting.start:%d %B %Y} to {reporting.end:%d %B %Y})")
    for figure_id, figure in report.figures.items():
        typer.echo(f"\n{figure_id}: {figure['label']}\n  {_shown(figure)}" + (f"   last year: {_shown(figure['last_year'])}" if figure["last_year"] else ""))
        if "note" in figure:
            typer.echo(f"  note: {figure['note']}")
        typer.echo(f"  definition: {figure['definition']}")


def _shown(figure: dict[str, Any]) -> str:
    value = figure["value"]
    if value is None:
        return "not available"
    if isinstance(value, dict):
        return ", ".join(f"{k} {v['value'] if isinstance(v, dict) else v}" + (f" ({v['count']})" if isinstance(v, dict) else "") for k, v in value.items())
    if "of" in figure:
        return f"{value}% ({figure['count']} of {figure['of']})" if "count" in figure else f"{value} of {figure['of']}"
    return str(value)


export_app = typer.Typer(help="Write the portal's records in the DfE's formats.", no_args_is_help=True)


@export_app.command("ssda903-reviews")
def export_ssda903_reviews(
    la: Annotated[str, LA_OPTION],
    year: Annotated[str, typer.Option(help="The reporting year, 1 April to 31 March, like 2025-26.")],
    out: Annotated[Path | None, typer.Option(help="Write the CSV here (default: standard output).", dir_okay=False)] = None,
) -> None:
    """The SSDA903 reviews file from the LAC reviews the portal held in the year; reviews it cannot write are listed on standard error."""
    import sys

    from portal.history.annual import BadYear, ReportingYear
    from portal.history.reviews_export import reviews_file

    try:
        reporting = ReportingYear.parse(year)
    except BadYear as error:
        _fail(str(error))

    async def work(session: Any, la_id: int) -> Any:
        found = await reviews_file(session, la_id, reporting)
        await session.rollback()
        return found

    found = run_with_la(la, work)
    if out is None:
        found.write(sys.stdout)
    else:
        with out.open("w", encoding="utf-8", newline="") as file:
            found.write(file)
    for reason in found.left_out:
        typer.echo(f"left out: {reason}", err=True)
    typer.echo(f"{len(found.rows)} reviews written" + (f", {len(found.left_out)} left out." if found.left_out else "."), err=True)
