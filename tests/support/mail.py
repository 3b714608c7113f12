"""Shared by the outbox and worker tests: an SMTP inbox on loopback and due reminders in the world."""

import asyncio
import socket
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from email import message_from_bytes
from email.message import Message

from aiosmtpd.controller import Controller
from sqlalchemy import select

from portal import clock
from portal.conferences.models import Conference, ConferenceChild, Invitation
from portal.db import Database
from portal.enums import ConferenceKind, ConferenceStatus
from portal.reminders.models import ReminderOutbox
from tests.support.child_details import assert_no_child_details


class Inbox:
    def __init__(self) -> None:
        self.messages: list[Message] = []

    async def handle_DATA(self, server, session, envelope) -> str:
        await asyncio.sleep(0.01)
        assert_no_child_details(envelope.content)
        self.messages.append(message_from_bytes(envelope.content))
        return "250 OK"

    def keys(self) -> Counter[str]:
        return Counter(m["X-Reminder-Key"] for m in self.messages)


@contextmanager
def running_inbox(port: int) -> Iterator[Inbox]:
    """A real SMTP server on loopback that keeps what it is sent."""
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox
    finally:
        controller.stop()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def add_due_invitations(database: Database, world, conferences: int) -> None:
    """Conferences next week whose GP reports are overdue or due within hours: every reminder is due now."""
    now = clock.now()
    async with database.session() as session:
        for n in range(conferences):
            conference = Conference(la_id=world.la_a, kind=ConferenceKind.RCPC, status=ConferenceStatus.SCHEDULED,
                                    scheduled_at=now + timedelta(days=7), chair_id=world.chair_a)
            session.add(conference)
            await session.flush()
            session.add(ConferenceChild(conference_id=conference.id, child_id=world.child_a1))
            due = now - timedelta(hours=1) if n % 2 else now + timedelta(hours=2)
            session.add(Invitation(conference_id=conference.id, organisation_id=world.gp1, report_due_at=due))
        await session.commit()


async def outbox_rows(database: Database) -> list[ReminderOutbox]:
    async with database.session() as session:
        return list((await session.execute(select(ReminderOutbox))).scalars())


