"""The session cookie (a random id, nothing else) and the short-lived signed cookie that carries a
sign-in in progress (the address a code was sent to; an OpenID Connect request's state)."""

from datetime import timedelta
from typing import Any

from itsdangerous import BadSignature, URLSafeSerializer
from starlette.requests import HTTPConnection
from starlette.responses import Response

from portal import clock

SESSION_COOKIE = "__Host-portal-session"
PENDING_COOKIE = "__Host-portal-sign-in"
PENDING_FOR = timedelta(minutes=15)


def _cookie(response: Response, request: HTTPConnection, name: str, value: str) -> None:
    # __Host-: no Domain, Path=/, and browsers keep it only when it is Secure (served over HTTPS).
    response.set_cookie(name, value, path="/", httponly=True, samesite="lax", secure=request.url.scheme == "https")


def set_session_cookie(response: Response, request: HTTPConnection, secret: str) -> None:
    _cookie(response, request, SESSION_COOKIE, secret)


def clear_cookie(response: Response, request: HTTPConnection, name: str) -> None:
    response.delete_cookie(name, path="/", httponly=True, samesite="lax", secure=request.url.scheme == "https")


def set_pending(response: Response, request: HTTPConnection, key: str, **values: Any) -> None:
    _cookie(response, request, PENDING_COOKIE, URLSafeSerializer(key, salt=PENDING_COOKIE).dumps({"at": clock.now().timestamp(), **values}))


def pending(request: HTTPConnection, key: str) -> dict[str, Any]:
    """The sign-in in progress, or {} when there is none, it was tampered with, or it is older than PENDING_FOR."""
    try:
        values = URLSafeSerializer(key, salt=PENDING_COOKIE).loads(request.cookies.get(PENDING_COOKIE, ""))
    except BadSignature:
        return {}
    if not isinstance(values, dict) or not 0 <= clock.now().timestamp() - values.get("at", 0) <= PENDING_FOR.total_seconds():
        return {}
    return values
