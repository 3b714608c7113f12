"""`portal timescales`: every deadline for a conference kind, LA and anchor date."""

import json
from datetime import date, datetime
from pathlib import Path
from typing import Annotated

import typer


def _date(option: str, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise _fail(f"{option} '{value}' is not a date; use YYYY-MM-DD, for example 2026-12-18") from None


def _fail(message: str) -> typer.Exit:
    typer.echo(f"Error: {message}", err=True)
    return typer.Exit(2)


def timescales(
    la: Annotated[str, typer.Option("--la", help="Local authority slug, e.g. easterby.")],
    kind: Annotated[str, typer.Option("--kind", help="ICPC, RCPC, LAC_REVIEW or TRANSFER_IN_ICPC.")],
    strategy_discussion: Annotated[
        str | None, typer.Option(help="Strategy discussion date (for a transfer-in ICPC: date notified).")
    ] = None,
    icpc_date: Annotated[str | None, typer.Option(help="Date of the ICPC.")] = None,
    looked_after_date: Annotated[str | None, typer.Option(help="Date the child became looked after.")] = None,
    meeting_date: Annotated[str | None, typer.Option(help="Date of this meeting.")] = None,
    previous_review_date: Annotated[str | None, typer.Option(help="Date of the previous review.")] = None,
    review_number: Annotated[int | None, typer.Option(min=1, help="1 for the first RCPC or LAC review, 2 for the second...")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    rules_dir: Annotated[Path | None, typer.Option(help="Folder of LA rules files.")] = None,
) -> None:
    """Print every deadline for a conference: statutory dates, report deadlines, reminders, next review."""
    from portal.timescales import (
        RULES_DIR,
        Anchors,
        ConferenceKind,
        MissingAnchor,
        RulesFileError,
        UnknownLocalAuthority,
        compute_deadlines,
        load_rules,
        rules_for,
    )

    try:
        conference_kind = ConferenceKind(kind.upper())
    except ValueError:
        raise _fail(f"unknown conference kind '{kind}' (known: {', '.join(k.value for k in ConferenceKind)})") from None
    anchors = Anchors(
        strategy_discussion=_date("--strategy-discussion", strategy_discussion),
        icpc_date=_date("--icpc-date", icpc_date),
        looked_after_date=_date("--looked-after-date", looked_after_date),
        meeting_date=_date("--meeting-date", meeting_date),
        previous_review_date=_date("--previous-review-date", previous_review_date),
        review_number=review_number,
    )
    try:
        rules = rules_for(load_rules(rules_dir or RULES_DIR), la)
        deadlines = compute_deadlines(conference_kind, rules, anchors)
    except (RulesFileError, UnknownLocalAuthority, MissingAnchor) as exc:
        raise _fail(str(exc)) from None

    if as_json:
        given = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in vars(anchors).items() if v is not None}
        payload = {"la": la, "kind": conference_kind.value, "anchors": given, "deadlines": [d.as_json() for d in deadlines]}
        typer.echo(json.dumps(payload, indent=2))
        return
    typer.echo(f"{rules.name}: {conference_kind.value}")
    for d in deadlines:
        when = d.due.strftime("%a %d %b %Y %H:%M %Z") if isinstance(d.due, datetime) else d.due.strftime("%a %d %b %Y")
        typer.echo(f"  {when:<28} {d.label}  ({d.basis})")
