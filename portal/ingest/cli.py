"""`portal ingest`: check what a PDF turns into, without the web pages."""

import json
from pathlib import Path

import typer


def ingest_command(
    file: Path = typer.Argument(..., exists=True, dir_okay=False, readable=True, help="The PDF to read."),
    agency: str = typer.Option(..., "--agency", help="Agency id, e.g. gp."),
    as_json: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Read a PDF report and show the draft sections it would fill."""
    from portal.agencies import get_registry
    from portal.ingest.errors import IngestError
    from portal.ingest.limits import IngestLimits
    from portal.ingest.worker import parse_in_child
    from portal.settings import get_settings

    definition = get_registry().get(agency)
    if definition is None:
        typer.echo(f"Unknown agency '{agency}'.", err=True)
        raise typer.Exit(2)
    try:
        result = parse_in_child(file.read_bytes(), definition, IngestLimits.from_settings(get_settings()))
    except IngestError as exc:
        typer.echo(f"{file.name}: {exc.message} ({exc.code})", err=True)
        raise typer.Exit(1) from None
    if as_json:
        typer.echo(json.dumps(result.as_json(), indent=2, ensure_ascii=False))
        return
    typer.echo(f"{result.pages} page(s)")
    for section in result.sections:
        typer.echo(f"\n## {section.title} (pages {', '.join(map(str, section.pages))})\n\n{section.text}")
    if result.unmapped:
        typer.echo(f"\n## Not matched to a section\n\n{result.unmapped}")
    for warning in result.warnings:
        typer.echo(f"warning: {warning}", err=True)
