"""The GOV.UK Notify sender against a fake Notify API on loopback."""

import json
import threading
from collections.abc import Iterator
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from portal.reminders.notify import NotifySender, notify_request
from portal.reminders.smtp import DeliveryFailed
from portal.reminders.worker import make_sender
from portal.settings import Settings
from tests.support.mail import free_port

API_KEY = "portal_test-11111111-2222-3333-4444-555555555555-66666666-7777-8888-9999-000000000000"
TEMPLATE = "0f0e0d0c-0b0a-0908-0706-050403020100"


class FakeNotify:
    def __init__(self) -> None:
        self.requests: list[tuple[str, dict[str, str], dict]] = []
        self.status = 201


@pytest.fixture
def notify() -> Iterator[tuple[FakeNotify, str]]:
    fake = FakeNotify()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            fake.requests.append((self.path, dict(self.headers), body))
            answer = json.dumps({"id": "n1"} if fake.status == 201 else {"errors": [{"error": "BadRequestError", "message": "no"}]})
            self.send_response(fake.status)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(answer.encode())

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield fake, f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def _message() -> EmailMessage:
    message = EmailMessage()
    message["To"] = "gp1_author@example.org"
    message["Subject"] = "Conference report overdue"
    message["X-Reminder-Key"] = "OVERDUE:55:2026-10-05T17:00:00+01:00:to:9"
    message.set_content("A conference report from Riverside Surgery was due.\n")
    return message


def test_the_request_carries_the_message_and_the_reminder_key_as_reference() -> None:
    assert notify_request(_message(), TEMPLATE) == {
        "email_address": "gp1_author@example.org",
        "template_id": TEMPLATE,
        "personalisation": {"subject": "Conference report overdue",
                            "body": "A conference report from Riverside Surgery was due.\n"},
        "reference": "OVERDUE:55:2026-10-05T17:00:00+01:00:to:9",
    }


async def test_sends_to_notify_with_a_signed_token(notify) -> None:
    fake, url = notify
    await NotifySender(API_KEY, TEMPLATE, url, timeout=5).send(_message())
    [(path, headers, body)] = fake.requests
    assert path == "/v2/notifications/email"
    assert headers["Authorization"].startswith("Bearer ")
    assert body == notify_request(_message(), TEMPLATE)


@pytest.mark.parametrize(("status", "permanent"), [(400, True), (403, True), (429, False), (500, False)])
async def test_refusals_say_whether_trying_again_can_help(notify, status: int, permanent: bool) -> None:
    fake, url = notify
    fake.status = status
    with pytest.raises(DeliveryFailed, match="GOV.UK Notify did not accept") as refused:
        await NotifySender(API_KEY, TEMPLATE, url, timeout=5).send(_message())
    assert refused.value.permanent is permanent


def test_notify_is_used_when_its_key_is_set_and_needs_a_template() -> None:
    assert isinstance(make_sender(Settings(notify_api_key=API_KEY, notify_template_id=TEMPLATE)), NotifySender)
    with pytest.raises(ValueError, match="PORTAL_NOTIFY_TEMPLATE_ID"):
        make_sender(Settings(notify_api_key=API_KEY))


async def test_notify_unreachable_is_worth_trying_again() -> None:
    with pytest.raises(DeliveryFailed, match="GOV.UK Notify did not accept") as refused:
        await NotifySender(API_KEY, TEMPLATE, f"http://127.0.0.1:{free_port()}", timeout=5).send(_message())
    assert refused.value.permanent is False
