"""GET /metrics: off unless `PORTAL_METRICS=1`; then answered only to a request with
`Authorization: Bearer <PORTAL_METRICS_TOKEN>` when a token is set, and only to loopback clients when
none is. Anyone else, like everyone while metrics are off, gets 404.

Besides the process metrics (`portal.observability.metrics`), each scrape reads the reminder
outbox: rows by status, reminders due and not yet sent, and how long the oldest of them has waited."""

import hmac
from ipaddress import ip_address

from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector, CollectorRegistry
from sqlalchemy import and_, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from portal import clock
from portal.edge.middleware import session_of
from portal.observability import metrics
from portal.reminders.models import OutboxStatus, ReminderOutbox
from portal.settings import Settings


def allowed(request: Request, settings: Settings) -> bool:
    if not settings.metrics:
        return False
    if settings.metrics_token:
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        return scheme.lower() == "bearer" and hmac.compare_digest(given.encode(), settings.metrics_token.encode())
    try:
        return request.client is not None and ip_address(request.client.host).is_loopback
    except ValueError:
        return False


class OutboxCollector(Collector):
    def __init__(self, by_status: dict[str, int], due: int, retrying: int, oldest_due_age: float) -> None:
        self.by_status, self.due, self.retrying, self.oldest_due_age = by_status, due, retrying, oldest_due_age

    def collect(self):  # type: ignore[no-untyped-def]
        rows = GaugeMetricFamily("portal_reminder_outbox_rows", "Reminder outbox rows by status.", labels=["status"])
        for status in (OutboxStatus.PENDING, OutboxStatus.SENDING, OutboxStatus.FAILED):
            rows.add_metric([status.value], self.by_status.get(status, 0))
        yield rows
        yield GaugeMetricFamily("portal_reminder_outbox_due", "Reminders whose time has come and that are not sent yet.", value=self.due)
        yield GaugeMetricFamily("portal_reminder_outbox_retrying", "Pending reminders whose delivery failed at least once.", value=self.retrying)
        yield GaugeMetricFamily(
            "portal_reminder_oldest_due_age_seconds", "How long the oldest due, unsent reminder has waited since its (latest) send time.",
            value=self.oldest_due_age,
        )


async def outbox_collector(session: AsyncSession) -> OutboxCollector:
    now = clock.now()
    by_status = dict((await session.execute(
        select(ReminderOutbox.status, func.count()).where(ReminderOutbox.status.in_(
            [OutboxStatus.PENDING, OutboxStatus.SENDING, OutboxStatus.FAILED])).group_by(ReminderOutbox.status)
    )).all())
    waiting = or_(
        and_(ReminderOutbox.status == OutboxStatus.PENDING, ReminderOutbox.send_at <= now),
        and_(ReminderOutbox.status == OutboxStatus.SENDING, ReminderOutbox.claimed_until <= now),  # a worker died holding it
    )
    due, oldest = (await session.execute(select(func.count(), func.min(ReminderOutbox.send_at)).where(waiting))).one()
    retrying = await session.scalar(
        select(func.count()).where(ReminderOutbox.status == OutboxStatus.PENDING, ReminderOutbox.attempts > 0)) or 0
    await session.commit()
    return OutboxCollector(by_status, due, retrying, (now - oldest).total_seconds() if oldest else 0.0)


async def metrics_endpoint(request: Request) -> Response:
    if not allowed(request, request.app.state.settings):
        return PlainTextResponse("Not Found", status_code=404)
    outbox = CollectorRegistry(auto_describe=True)
    outbox.register(await outbox_collector(session_of(request)))
    return Response(generate_latest(metrics.registry()) + generate_latest(outbox), media_type=CONTENT_TYPE_LATEST)
