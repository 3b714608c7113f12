"""Sending through GOV.UK Notify: one email template whose subject and body are ((subject)) and ((body))."""

import asyncio
import logging
from email.message import EmailMessage
from typing import Any

from notifications_python_client.errors import APIError
from notifications_python_client.notifications import NotificationsAPIClient

from portal.reminders.smtp import DeliveryFailed

log = logging.getLogger(__name__)


def notify_request(message: EmailMessage, template_id: str) -> dict[str, Any]:
    """The arguments for Notify's send_email_notification; the reference is the reminder's key."""
    return {
        "email_address": message["To"],
        "template_id": template_id,
        "personalisation": {"subject": message["Subject"], "body": message.get_content()},
        "reference": message["X-Reminder-Key"],
    }


class NotifySender:
    def __init__(self, api_key: str, template_id: str, base_url: str, timeout: float = 30.0) -> None:
        self._client = NotificationsAPIClient(api_key, base_url=base_url, timeout=timeout)
        self._template_id = template_id

    async def send(self, message: EmailMessage) -> None:
        try:
            await asyncio.to_thread(self._client.send_email_notification, **notify_request(message, self._template_id))
        except APIError as exc:
            # Notify answers 400/403 for a request it will never accept; 429 and 5xx may pass later.
            permanent = 400 <= exc.status_code < 500 and exc.status_code != 429
            raise DeliveryFailed(f"GOV.UK Notify did not accept {message['X-Reminder-Key']}: {exc}", permanent=permanent) from exc
