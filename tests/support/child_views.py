"""A link for a child's views, sent by the world's social worker, and its email delivered to the real SMTP inbox."""

import io
import re

from PIL import Image
from sqlalchemy import select

from portal.reminders.models import ReminderOutbox
from portal.reminders.outbox import OutboxSettings, deliver
from portal.reminders.smtp import SmtpSender, SmtpSettings

SEND = "link { id childId sentTo forAdvocate expiresAt viewsSentAt } code"
SENDER = "portal@council.example"


async def send_link(api, world, email: str = "young.person@example.org", *, by: str = "sw_a", child: str = "child_a1", advocate: bool = False) -> dict:
    return await api.mutate("sendChildViewsLink", {"conferenceId": world.id("conf_a"), "childId": world.id(child), "email": email,
                                                   "forAdvocate": advocate}, SEND, as_=getattr(world, by))


async def outbox_rows(database) -> list[ReminderOutbox]:
    async with database.session() as session:
        return list((await session.execute(select(ReminderOutbox).where(ReminderOutbox.kind == "CHILD_VIEWS").order_by(ReminderOutbox.key))).scalars())


async def deliver_to(database, smtp_port: int, portal_url: str = "https://portal.example") -> None:
    await deliver(database, SmtpSender(SmtpSettings(host="127.0.0.1", port=smtp_port)), "w1", portal_url, SENDER, OutboxSettings())


def link_in(message) -> str:
    body = message.get_payload(decode=True).decode()
    return re.search(r"https?://\S+/views/start/\S+", body).group(0)


def picture(format: str = "JPEG", size: tuple[int, int] = (40, 30), exif: bool = True) -> bytes:
    """A small picture; a JPEG carries a camera's EXIF block with a GPS position, as a phone's photo does."""
    image = Image.new("RGB", size, (200, 120, 40))
    out = io.BytesIO()
    if format == "JPEG" and exif:
        tags = Image.Exif()
        tags[0x010F] = "PhoneMaker"  # Make
        tags[0x0132] = "2026:10:01 09:30:00"  # DateTime
        tags[0x8825] = {1: "N", 2: (54.0, 58.0, 12.0), 3: "W", 4: (1.0, 36.0, 5.0)}  # GPS
        image.save(out, format, exif=tags)
    else:
        image.save(out, format)
    return out.getvalue()
