"""`portal users add|suspend|list` against a migrated database, in a child process; the refusals
in this process (the same command, without a Python start-up for each)."""

import os
import subprocess

import anyio
from click.testing import Result
from sqlalchemy import select
from typer.testing import CliRunner

from portal.cli import app
from portal.identity.models import SignInEvent
from portal.settings import get_settings
from tests.support.processes import portal_command


def _portal(database_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(portal_command("users", *args), capture_output=True, text=True, env={**os.environ, "PORTAL_DATABASE_URL": database_url}, timeout=120)


async def _in_process(database_url: str, *args: str) -> Result:
    def invoke() -> Result:
        get_settings.cache_clear()
        try:
            return CliRunner().invoke(app, ["users", *args], env={"PORTAL_DATABASE_URL": database_url})
        finally:
            get_settings.cache_clear()

    return await anyio.to_thread.run_sync(invoke)  # the command runs its own event loop


async def test_the_first_administrator_is_added_listed_and_suspended(database_url, database, world):
    added = _portal(database_url, "add", "--name", "Ada Admin", "--email", "ada.admin@example.org", "--organisation", str(world.social_a), "--role", "LA_ADMIN:easterby")
    assert added.returncode == 0, added.stderr
    assert "Added Ada Admin <ada.admin@example.org>" in added.stdout
    listed = _portal(database_url, "list").stdout
    assert "ada.admin@example.org\tAda Admin" in listed and "ACTIVE\tLA_ADMIN:easterby" in listed
    assert _portal(database_url, "suspend", "ADA.ADMIN@example.org").returncode == 0
    assert "ada.admin@example.org\tAda Admin" in (listed := _portal(database_url, "list").stdout) and "SUSPENDED\tLA_ADMIN:easterby" in listed
    async with database.session() as db:
        logged = (await db.execute(select(SignInEvent.kind, SignInEvent.email, SignInEvent.method).order_by(SignInEvent.id))).all()
    assert logged == [("INVITED", "ada.admin@example.org", "cli"), ("SUSPENDED", "ada.admin@example.org", "cli")]


async def test_bad_input_changes_nothing(database_url, world):
    cases = [
        (["add", "--name", "X", "--email", "x@example.org", "--organisation", "999"], "no single organisation has the id or code '999'"),
        (["add", "--name", "X", "--email", "x@example.org", "--organisation", str(world.gp1), "--role", "OVERLORD"], "'OVERLORD' is not a role"),
        (["add", "--name", "X", "--email", "x@example.org", "--organisation", str(world.social_a), "--role", "CHAIR"], "CHAIR is held in a local authority"),
        (["add", "--name", "X", "--email", "x@example.org", "--organisation", str(world.social_a), "--role", "CHAIR:nowhere"], "no local authority 'nowhere'"),
        (["add", "--name", "X", "--email", "chair_a@example.org", "--organisation", str(world.social_a)], "already known"),
        (["add", "--name", "X", "--email", "not-an-address", "--organisation", str(world.social_a)], "right format"),
        (["suspend", "nobody@example.org"], "nobody has the email address"),
    ]
    before = (await _in_process(database_url, "list")).stdout
    assert "chair_a@example.org" in before
    for args, message in cases:
        result = await _in_process(database_url, *args)
        assert result.exit_code == 1 and "Nothing changed" in result.stderr and message in result.stderr, (args, result.stderr)
    assert (await _in_process(database_url, "list")).stdout == before
