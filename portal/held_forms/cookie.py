"""The browser's half of a held form post: a signed cookie with a random token, valid while the post is held."""

from itsdangerous import BadSignature, URLSafeSerializer
from starlette.requests import HTTPConnection
from starlette.responses import Response

from portal import clock
from portal.edge.cookies import clear_cookie, read_cookie, set_cookie
from portal.held_forms.store import HOLD_FOR

HELD_COOKIE = "portal-held"
RESUME = "/held/resume"


def set_held(response: Response, request: HTTPConnection, key: str, token: str) -> None:
    value = URLSafeSerializer(key, salt=HELD_COOKIE).dumps({"token": token, "at": clock.now().timestamp()})
    set_cookie(response, request, HELD_COOKIE, value, max_age=int(HOLD_FOR.total_seconds()))


def held_token(request: HTTPConnection, key: str) -> str | None:
    """The token, or None when there is no cookie, it was tampered with or it is older than HOLD_FOR."""
    try:
        values = URLSafeSerializer(key, salt=HELD_COOKIE).loads(read_cookie(request, HELD_COOKIE) or "")
    except BadSignature:
        return None
    if not isinstance(values, dict) or not 0 <= clock.now().timestamp() - values.get("at", 0) <= HOLD_FOR.total_seconds():
        return None
    token = values.get("token")
    return token if isinstance(token, str) else None


def clear_held(response: Response, request: HTTPConnection) -> None:
    clear_cookie(response, request, HELD_COOKIE)
