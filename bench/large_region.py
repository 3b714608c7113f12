"""Seed a large region for benchmarks: the demo region plus N bulk-inserted conferences.

Used by the benchmarks in this folder; bulk Core inserts, not the ORM row by row.
"""

import os
import random
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, func, insert, select, text
from sqlalchemy.orm import Session

from portal.children.models import Child
from portal.conferences.models import Conference, ConferenceChild, Invitation
from portal.contributions.models import Contribution
from portal.demo import nhs_number, seed_demo
from portal.enums import ConferenceKind, ConferenceStatus, ContributionStatus, Role
from portal.migrate import upgrade
from portal.models import metadata
from portal.people.models import LocalAuthority, Organisation, PersonRole
from portal.settings import sync_url

CHUNK = 5000
SECTIONS = {"worries": "Bruising seen twice.", "working_well": "Grandmother visits.", "next_steps": "Review in two weeks."}


def fresh_database(url: str) -> None:
    """Empty the database named by url (creating a PostgreSQL one if needed) and migrate it."""
    if url.startswith("sqlite"):
        from pathlib import Path

        path = Path(url.split(":///", 1)[1])
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    else:
        base, name = url.rsplit("/", 1)
        admin = create_engine(sync_url(f"{base}/postgres"), isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        admin.dispose()
    upgrade(url)


@contextmanager
def scratch_database(template: str) -> Iterator[str]:
    """A new, migrated database with a unique name made from the one template names (a file beside
    it for SQLite), dropped afterwards. Only the database made here is ever dropped: an existing one
    of the same name makes CREATE DATABASE fail rather than be replaced."""
    base, name = template.rsplit("/", 1)
    stem, dot, suffix = name.partition(".")
    unique = f"{stem}_{os.getpid()}_{secrets.token_hex(4)}"
    url = f"{base}/{unique}{dot}{suffix}"
    if url.startswith("sqlite"):
        path = Path(url.split(":///", 1)[1])
        path.parent.mkdir(parents=True, exist_ok=True)
        files = [Path(f"{path}{end}") for end in ("", "-wal", "-shm")]
        assert not any(file.exists() for file in files), path
        try:
            upgrade(url)
            yield url
        finally:
            for file in files:
                file.unlink(missing_ok=True)
        return
    admin = create_engine(sync_url(f"{base}/postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{unique}"'))
    try:
        upgrade(url)
        yield url
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{unique}" WITH (FORCE)'))
        admin.dispose()


def _bulk(session: Session, model: Any, rows: list[dict[str, Any]]) -> list[int]:
    ids: list[int] = []
    for start in range(0, len(rows), CHUNK):
        chunk = rows[start : start + CHUNK]
        if hasattr(model, "id"):
            ids += list(session.execute(insert(model).returning(model.id), chunk).scalars())
        else:
            session.execute(insert(model), chunk)
    return ids


def seed_large_region(url: str, conferences: int, seed: int = 7, now: datetime | None = None) -> dict[str, int]:
    """Seed the demo region, then `conferences` more spread over its four LAs, each with one
    child, three invitations and two submitted contributions, dated from `now` (the wall clock
    unless given). Returns the ids the bench uses."""
    rng = random.Random(seed)
    engine = create_engine(sync_url(url))
    now = (now or datetime.now(UTC)).replace(microsecond=0)
    with Session(engine) as session:
        seed_demo(session)
        las = session.execute(select(LocalAuthority.id).order_by(LocalAuthority.id)).scalars().all()
        chairs = {la: session.execute(select(PersonRole.person_id).where(PersonRole.role == Role.CHAIR, PersonRole.la_id == la).order_by(PersonRole.person_id)).scalars().all() for la in las}
        socials = {la: session.execute(select(Organisation.id).where(Organisation.la_id == la, Organisation.agency_id == "social_care")).scalar_one() for la in las}
        gps = session.execute(select(Organisation.id).where(Organisation.agency_id == "gp", Organisation.name.like("%Surgery"))).scalars().all()
        schools = session.execute(select(Organisation.id).where(Organisation.agency_id == "school")).scalars().all()
        author_of = {org: person for person, org in session.execute(text("SELECT id, organisation_id FROM person ORDER BY id")).all()}

        children = [
            {"la_id": las[i % len(las)], "given_name": f"Bench{i}", "family_name": "Lowther", "date_of_birth": (now - timedelta(days=400 + i % 5000)).date(), "nhs_number": nhs_number(rng)}
            for i in range(conferences // 4)
        ]
        child_ids = _bulk(session, Child, children)
        conference_rows = []
        for i in range(conferences):
            la = las[i % len(las)]
            status = ConferenceStatus.SCHEDULED if i % 3 else ConferenceStatus.HELD
            offset = rng.randint(1, 400) if status == ConferenceStatus.SCHEDULED else -rng.randint(1, 2000)
            conference_rows.append({
                "la_id": la, "kind": list(ConferenceKind)[i % 4], "status": status,
                "scheduled_at": now + timedelta(days=offset, minutes=rng.randint(0, 600)), "chair_id": chairs[la][i % 2],
                "strategy_discussion_on": None, "became_looked_after_on": None, "created_at": now,
            })
        conference_ids = _bulk(session, Conference, conference_rows)
        _bulk(session, ConferenceChild, [{"conference_id": c, "child_id": child_ids[n // 4]} for n, c in enumerate(conference_ids)])
        invitations, due = [], {}
        for n, (conference_id, row) in enumerate(zip(conference_ids, conference_rows, strict=True)):
            due[conference_id] = row["scheduled_at"] - timedelta(days=3)
            for org in (socials[row["la_id"]], gps[n % len(gps)], schools[n % len(schools)]):
                invitations.append({"conference_id": conference_id, "organisation_id": org, "report_due_at": due[conference_id], "family_due_at": None, "invited_at": now, "invited_by_id": None})
        invitation_ids = _bulk(session, Invitation, invitations)
        contributions = []
        for invitation_id, invitation in zip(invitation_ids, invitations, strict=True):
            if invitation["organisation_id"] in schools:
                continue
            contributions.append({
                "invitation_id": invitation_id, "conference_id": invitation["conference_id"], "organisation_id": invitation["organisation_id"],
                "author_id": author_of[invitation["organisation_id"]], "status": ContributionStatus.SUBMITTED, "version": 2,
                "sections": SECTIONS, "scales": {}, "created_at": now, "updated_at": now, "submitted_at": now, "shared_with_family_on": None,
            })
        _bulk(session, Contribution, contributions)
        session.commit()
        session.execute(text("ANALYZE"))
        session.commit()
        counts = {t: session.execute(select(func.count()).select_from(metadata.tables[t])).scalar_one() for t in ("conference", "invitation", "contribution", "child")}
    engine.dispose()
    return counts
