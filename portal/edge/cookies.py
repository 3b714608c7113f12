"""The portal's own cookies (sign-in session, sign-in in progress, a held form), named and flagged
for how the browser reaches the portal. Over HTTPS a name has the `__Host-` prefix and the cookie is
Secure: the browser then keeps it for this host only, on Path=/, never sent over plain HTTP. Over
plain HTTP (loopback, a test server) a cookie cannot be Secure, and browsers drop a `__Host-` cookie
that is not, so the name there is the plain one."""

from starlette.requests import HTTPConnection
from starlette.responses import Response

SECURE_SCHEMES = frozenset({"https", "wss"})


def over_https(connection: HTTPConnection) -> bool:
    """Behind a TLS proxy this needs uvicorn's proxy headers (README, "Signing in")."""
    return connection.url.scheme in SECURE_SCHEMES


def cookie_name(name: str, secure: bool) -> str:
    return f"__Host-{name}" if secure else name


def read_cookie(connection: HTTPConnection, name: str) -> str | None:
    return connection.cookies.get(cookie_name(name, over_https(connection)))


def set_cookie(response: Response, connection: HTTPConnection, name: str, value: str, max_age: int | None = None) -> None:
    secure = over_https(connection)
    response.set_cookie(cookie_name(name, secure), value, max_age=max_age, path="/", httponly=True, samesite="lax", secure=secure)


def clear_cookie(response: Response, connection: HTTPConnection, name: str) -> None:
    secure = over_https(connection)
    response.delete_cookie(cookie_name(name, secure), path="/", httponly=True, samesite="lax", secure=secure)
