"""The session cookie (a random id, nothing else) and the short-lived signed cookie that carries a
sign-in in progress (the address a code was sent to; an OpenID Connect request's state). Their
names and flags follow the scheme the portal is reached by (portal.edge.cookies)."""

from datetime import timedelta
from typing import Any

from itsdangerous import BadSignature, URLSafeSerializer
from starlette.requests import HTTPConnection
from starlette.responses import Response

from portal import clock
from portal.edge.cookies import read_cookie, set_cookie

SESSION_COOKIE = "portal-session"
PENDING_COOKIE = "portal-sign-in"
PENDING_FOR = timedelta(minutes=15)


def session_secret(connection: HTTPConnection) -> str | None:
    return read_cookie(connection, SESSION_COOKIE)


def set_session_cookie(response: Response, request: HTTPConnection, secret: str) -> None:
    set_cookie(response, request, SESSION_COOKIE, secret)


def set_pending(response: Response, request: HTTPConnection, key: str, **values: Any) -> None:
    set_cookie(response, request, PENDING_COOKIE, URLSafeSerializer(key, salt=PENDING_COOKIE).dumps({"at": clock.now().timestamp(), **values}))


def pending(request: HTTPConnection, key: str) -> dict[str, Any]:
    """The sign-in in progress, or {} when there is none, it was tampered with, or it is older than PENDING_FOR."""
    try:
        values = URLSafeSerializer(key, salt=PENDING_COOKIE).loads(read_cookie(request, PENDING_COOKIE) or "")
    except BadSignature:
        return {}
    if not isinstance(values, dict) or not 0 <= clock.now().timestamp() - values.get("at", 0) <= PENDING_FOR.total_seconds():
        return {}
    return values
