"""The managers who answer IRO challenges in the test world (tests/support/world.py), and helpers to
raise and move challenges through the service functions as a given person."""

from collections.abc import Mapping

from portal.challenges import services
from portal.db import Database
from portal.enums import Role
from portal.identity import load_actor
from portal.people.models import Person, PersonRole
from portal.timescales import RULES_DIR, LARules, load_rules
from tests.support.world import World

RULES: Mapping[str, LARules] = load_rules(RULES_DIR)

# name: (organisation, role, la)
MANAGERS = {
    "tm_a": ("social_a", Role.TEAM_MANAGER, "la_a"),
    "tm_a2": ("social_a", Role.TEAM_MANAGER, "la_a"),
    "sm_a": ("social_a", Role.SERVICE_MANAGER, "la_a"),
    "hos_a": ("social_a", Role.HEAD_OF_SERVICE, "la_a"),
    "dir_a": ("social_a", Role.DIRECTOR, "la_a"),
    "irom_a": ("social_a", Role.IRO_MANAGER, "la_a"),
    "tm_b": ("social_b", Role.TEAM_MANAGER, "la_b"),
    "hos_b": ("social_b", Role.HEAD_OF_SERVICE, "la_b"),
    "irom_b": ("social_b", Role.IRO_MANAGER, "la_b"),
}
# Everyone in the world with their LA: who may read la_a's challenges, and who may not.
LA_A_READERS = ("chair_a", "chair_a2", "tm_a", "tm_a2", "sm_a", "hos_a", "dir_a", "irom_a")
NOT_LA_A = ("bs_a", "sw_a", "chair_b", "bs_b", "tm_b", "hos_b", "irom_b", "gp1_author", "school_author", "guardian_1")


async def add_managers(database: Database, world: World) -> World:
    async with database.session() as session:
        for name, (organisation, role, la) in MANAGERS.items():
            person = Person(organisation_id=world.ids[organisation], name=name.replace("_", " ").title(), email=f"{name}@example.org",
                            job_title="Manager")
            session.add(person)
            await session.flush()
            world.ids[name] = person.id  # type: ignore[assignment]
            session.add(PersonRole(person_id=person.id, role=role, la_id=world.ids[la]))
        await session.commit()
    return world


async def as_person(database: Database, person_id: int, work):  # type: ignore[no-untyped-def]
    """Run a service function as a person and commit it (the API's unit of work is tested apart)."""
    async with database.session() as session:
        actor = await load_actor(session, person_id)
        assert actor is not None
        result = await work(session, actor)
        await session.commit()
        return result


def new_challenge(world: World, **change: object) -> services.NewChallenge:
    fields: dict[str, object] = {
        "child_id": world.id("child_a1"), "kind": "FORMAL", "reasons": ["decisions_not_actioned"],
        "resolution_sought": "The actions agreed at the last review are completed within ten working days.",
        "responder_id": world.id("tm_a"),
    }
    return services.NewChallenge(**{**fields, **change})  # type: ignore[arg-type]


async def raise_one(database: Database, world: World, by: str = "chair_a", **change: object):  # type: ignore[no-untyped-def]
    return await as_person(database, getattr(world, by),
                           lambda s, a: services.raise_challenge(s, a, new_challenge(world, **change), RULES))
