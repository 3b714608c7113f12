"""The request id: a well-formed incoming `X-Request-ID` is kept, anything else is replaced by a new
one. It is answered in the response header, and carried into the log events and access-log rows
written while the request runs."""

import re
import uuid
from contextvars import ContextVar

HEADER = "x-request-id"
MAX_LENGTH = 64
WELL_FORMED = re.compile(rf"[A-Za-z0-9][A-Za-z0-9._:-]{{7,{MAX_LENGTH - 1}}}")

_current: ContextVar[str | None] = ContextVar("portal_request_id", default=None)


def request_id_from(header: str | None) -> str:
    """The client's id when it is 8-64 letters, digits and `._:-`; a new random one otherwise."""
    if header and WELL_FORMED.fullmatch(header):
        return header
    return uuid.uuid4().hex


def current_request_id() -> str | None:
    """The id of the request being served, or None outside a request (the worker, the command line)."""
    return _current.get()


def serve_as(request_id: str | None) -> object:
    """Make `request_id` current; returns the token to hand to `reset`."""
    return _current.set(request_id)


def reset(token: object) -> None:
    _current.reset(token)  # type: ignore[arg-type]
