"""A committed mutation announces the conferences it changed; a refused one announces nothing."""

from portal.agencies import AgencyRegistry
from portal.api.context import Context
from portal.errors import invalid
from portal.identity import load_actor
from portal.readiness.changes import conference_changed
from portal.readiness.notifier import Notifier
from portal.settings import ROOT, Settings
from portal.timescales import RULES_DIR, load_rules
from portal.unit_of_work import in_transaction


async def test_only_committed_changes_are_announced(database, world):
    notifier = Notifier()
    async with database.session() as session, notifier.events() as changes:
        actor = await load_actor(session, world.chair_a)
        context = Context(actor=actor, session=session, agencies=AgencyRegistry.load(ROOT / "agencies"), settings=Settings(), rules=load_rules(RULES_DIR), notifier=notifier)

        async def refused(s, _actor):
            conference_changed(s, world.conf_a)
            raise invalid(("input",), "No.")

        async def accepted(s, _actor):
            conference_changed(s, world.conf_b)
            conference_changed(s, world.conf_a)
            return "done"

        assert await in_transaction(context, refused) == (None, invalid(("input",), "No.").problems)
        assert changes.empty()
        assert await in_transaction(context, accepted) == ("done", ())
        assert changes.get_nowait() == frozenset({world.conf_a, world.conf_b})
        assert changes.empty()
