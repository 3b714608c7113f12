"""`portal audit …`: score contributions from JSON files against an agency's rubric, without the database."""

import json
import sys
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

app = typer.Typer(help="Quality audit of contributions against a published rubric.", no_args_is_help=True)


def _fail(message: str) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code=1)


def _read(path: Path) -> tuple[list[Any], bool]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        _fail(f"{path}: cannot be read ({exc.strerror})")
    except UnicodeDecodeError:
        _fail(f"{path}: is not UTF-8 text")
    except json.JSONDecodeError as exc:
        _fail(f"{path}: is not valid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})")
    if isinstance(data, list):
        return data, True
    if isinstance(data, dict):
        return [data], False
    _fail(f"{path}: expected a contribution object or a list of them")


@app.command()
def score(
    file: Annotated[Path, typer.Argument(help="JSON file: one contribution, or a list, in the API's shape.")],
    rubric: Annotated[str, typer.Option(help="Rubric id: a file agencies/rubrics/<id>.toml.")] = "gp",
    as_json: Annotated[bool, typer.Option("--json", help="Print the results as JSON.")] = False,
    csv_out: Annotated[Path | None, typer.Option("--csv", help="Also write the results to this CSV file.")] = None,
    xlsx_out: Annotated[Path | None, typer.Option("--xlsx", help="Also write the results to this XLSX file.")] = None,
) -> None:
    """Score contributions and print the level, reason and evidence for each criterion."""
    from portal.agencies import AgencyFileError, AgencyRegistry
    from portal.audit.contribution import ContributionFormatError, parse_contribution
    from portal.audit.rubric import RubricFileError, check_sections, load_rubric, rubric_path
    from portal.audit.scorer import Scorer
    from portal.settings import get_settings

    agencies_dir = get_settings().agencies_dir
    try:
        path = rubric_path(agencies_dir, rubric)
        if not path.exists():
            _fail(f"no rubric '{rubric}' ({path} does not exist)")
        loaded = load_rubric(path)
        agency = AgencyRegistry.load(agencies_dir).get(loaded.agency)
        if agency is None:
            _fail(f"{path.name}: agency: no agency '{loaded.agency}' in {agencies_dir}")
        check_sections(loaded, agency, path.name)
    except (RubricFileError, AgencyFileError) as exc:
        _fail(str(exc))

    items, many = _read(file)
    contributions = []
    for index, item in enumerate(items):
        where = f"{file}: [{index}]" if many else f"{file}:"
        try:
            contribution = parse_contribution(item)
        except ContributionFormatError as exc:
            _fail(f"{where} {exc}")
        if contribution.agency_id != loaded.agency:
            _fail(f"{where} agencyId '{contribution.agency_id}' is not scored by rubric '{loaded.id}'")
        contributions.append(contribution)

    scorer = Scorer(loaded)
    results = [scorer.score(c) for c in contributions]
    if csv_out:
        from portal.audit.export import write_csv

        with csv_out.open("w", newline="", encoding="utf-8") as out:
            write_csv(results, out)
    if xlsx_out:
        from portal.audit.export import write_xlsx

        write_xlsx(results, xlsx_out)
    if as_json:
        payload = [r.to_dict() for r in results]
        json.dump(payload if many else payload[0], sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return
    for result in results:
        typer.echo(
            f"Contribution {result.contribution_id} v{result.contribution_version}: "
            f"score {result.score} ({result.rubric_id} rubric {result.rubric_version})"
        )
        for c in result.criteria:
            quote = f'  "{c.evidence[0].quote}"' if c.evidence else ""
            typer.echo(f"  {c.level.value:<15} {c.criterion_id:<28} {c.reason}{quote}")
