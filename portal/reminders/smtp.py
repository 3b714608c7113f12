"""Sending over SMTP with retries and exponential back-off."""

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from email.message import EmailMessage

import aiosmtplib

log = logging.getLogger(__name__)


class DeliveryFailed(Exception):
    """The message was not accepted. A permanent failure will fail again; any other may pass later."""

    def __init__(self, message: str, permanent: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    username: str | None = None
    password: str | None = None
    start_tls: bool = False
    use_tls: bool = False
    timeout: float = 30.0
    attempts: int = 4
    backoff_seconds: float = 1.0
    max_backoff_seconds: float = 60.0


class SmtpSender:
    def __init__(self, settings: SmtpSettings, sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> None:
        self.settings = settings
        self._sleep = sleep

    async def send(self, message: EmailMessage) -> None:
        s = self.settings
        where = f"{s.host}:{s.port}"
        for attempt in range(1, s.attempts + 1):
            try:
                await aiosmtplib.send(
                    message, hostname=s.host, port=s.port, username=s.username, password=s.password,
                    start_tls=s.start_tls, use_tls=s.use_tls, timeout=s.timeout,
                )
                return
            except (aiosmtplib.SMTPException, OSError, TimeoutError) as exc:
                if _permanent(exc):
                    log.error("SMTP server %s refused %s permanently: %s", where, message["X-Reminder-Key"], exc)
                    raise DeliveryFailed(f"SMTP server {where} refused the message: {exc}", permanent=True) from exc
                if attempt == s.attempts:
                    log.error("SMTP delivery via %s failed after %d attempts: %s", where, attempt, exc)
                    raise DeliveryFailed(f"SMTP server {where} unavailable after {attempt} attempts: {exc}") from exc
                delay = min(s.backoff_seconds * 2 ** (attempt - 1), s.max_backoff_seconds)
                log.warning("SMTP attempt %d of %d via %s failed (%s); retrying in %.1fs", attempt, s.attempts, where, exc, delay)
                await self._sleep(delay)


def _permanent(exc: Exception) -> bool:
    """5xx replies mean the server will refuse again; 4xx replies and connection failures may pass later."""
    if isinstance(exc, aiosmtplib.SMTPRecipientsRefused):
        return all(r.code >= 500 for r in exc.recipients)
    return isinstance(exc, aiosmtplib.SMTPResponseException) and exc.code >= 500
