"""`portal accesslog verify`: walk the hash chain and name the first row that breaks it."""

import typer

app = typer.Typer(help="The access log.", no_args_is_help=True)


@app.command("verify")
def verify_command() -> None:
    """Check every row's hash and its link to the row before; exit 1 at the first broken link."""
    import asyncio

    from portal.accesslog.chain import Verdict, verify
    from portal.db import Database
    from portal.settings import get_settings

    async def walk() -> Verdict:
        database = Database(get_settings().database_url)
        try:
            async with database.session() as session:
                return await verify(session)
        finally:
            await database.dispose()

    verdict = asyncio.run(walk())
    if not verdict.ok:
        typer.echo(f"BROKEN at row {verdict.broken_at}: {verdict.problem}. The {verdict.rows} rows before it are intact.", err=True)
        raise typer.Exit(1)
    typer.echo(f"OK: {verdict.rows} rows, chain head {verdict.head}")
