"""Delivery against a real SMTP server on loopback."""

import asyncio
import logging
import socket
from collections.abc import Iterator
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller

from portal.reminders import DeliveryFailed, SmtpSender, SmtpSettings


class Inbox:
    def __init__(self, transient_failures: int = 0, permanent: bool = False) -> None:
        self.messages: list[bytes] = []
        self.transient_failures = transient_failures
        self.permanent = permanent

    async def handle_DATA(self, server, session, envelope) -> str:
        if self.permanent:
            return "554 5.7.1 Message rejected"
        if self.transient_failures:
            self.transient_failures -= 1
            return "451 4.3.0 Try again later"
        self.messages.append(envelope.content)
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(inbox: Inbox, port: int) -> Controller:
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    return controller


@pytest.fixture
def port() -> int:
    return _free_port()


@pytest.fixture
def running(port: int) -> Iterator[Inbox]:
    inbox = Inbox()
    controller = _serve(inbox, port)
    yield inbox
    controller.stop()


def _message() -> EmailMessage:
    message = EmailMessage()
    message["From"] = "noreply@portal.example"
    message["To"] = "safeguarding@riverside.example"
    message["Subject"] = "Conference report due"
    message["X-Reminder-Key"] = "BEFORE_DUE:55:2026-10-05T17:00:00+01:00:3"
    message.set_content("A conference report from Riverside Surgery is due.\n")
    return message


class Sleeps:
    def __init__(self, on_sleep=None) -> None:
        self.delays: list[float] = []
        self.on_sleep = on_sleep

    async def __call__(self, delay: float) -> None:
        self.delays.append(delay)
        if self.on_sleep:
            self.on_sleep()


def _sender(port: int, sleeps: Sleeps, attempts: int = 4) -> SmtpSender:
    return SmtpSender(SmtpSettings("127.0.0.1", port, attempts=attempts, backoff_seconds=0.5, timeout=5), sleep=sleeps)


def test_delivers_to_a_running_server(running: Inbox, port: int) -> None:
    sleeps = Sleeps()
    asyncio.run(_sender(port, sleeps).send(_message()))
    assert len(running.messages) == 1
    assert b"Riverside Surgery" in running.messages[0]
    assert sleeps.delays == []


def test_server_down_is_retried_with_back_off_then_reported(port: int, caplog: pytest.LogCaptureFixture) -> None:
    sleeps = Sleeps()
    with (
        caplog.at_level(logging.WARNING, logger="portal.reminders.smtp"),
        pytest.raises(DeliveryFailed, match=rf"127.0.0.1:{port} unavailable after 4 attempts"),
    ):
        asyncio.run(_sender(port, sleeps).send(_message()))
    assert sleeps.delays == [0.5, 1.0, 2.0]
    assert [r.levelname for r in caplog.records] == ["WARNING", "WARNING", "WARNING", "ERROR"]
    assert "failed after 4 attempts" in caplog.records[-1].getMessage()


def test_server_that_comes_back_during_back_off_gets_the_message(port: int) -> None:
    inbox = Inbox()
    controllers: list[Controller] = []
    sleeps = Sleeps(on_sleep=lambda: controllers or controllers.append(_serve(inbox, port)))
    try:
        asyncio.run(_sender(port, sleeps).send(_message()))
    finally:
        for controller in controllers:
            controller.stop()
    assert sleeps.delays == [0.5]
    assert len(inbox.messages) == 1


def test_temporary_refusal_is_retried(port: int) -> None:
    inbox = Inbox(transient_failures=2)
    controller = _serve(inbox, port)
    sleeps = Sleeps()
    try:
        asyncio.run(_sender(port, sleeps).send(_message()))
    finally:
        controller.stop()
    assert sleeps.delays == [0.5, 1.0]
    assert len(inbox.messages) == 1


def test_permanent_refusal_is_not_retried(port: int, caplog: pytest.LogCaptureFixture) -> None:
    controller = _serve(Inbox(permanent=True), port)
    sleeps = Sleeps()
    try:
        with (
            caplog.at_level(logging.ERROR, logger="portal.reminders.smtp"),
            pytest.raises(DeliveryFailed, match="refused the message"),
        ):
            asyncio.run(_sender(port, sleeps).send(_message()))
    finally:
        controller.stop()
    assert sleeps.delays == []
    assert "refused" in caplog.records[-1].getMessage()


def test_back_off_is_capped(port: int) -> None:
    sleeps = Sleeps()
    settings = SmtpSettings("127.0.0.1", port, attempts=6, backoff_seconds=1, max_backoff_seconds=4, timeout=5)
    with pytest.raises(DeliveryFailed):
        asyncio.run(SmtpSender(settings, sleep=sleeps).send(_message()))
    assert sleeps.delays == [1, 2, 4, 4, 4]
