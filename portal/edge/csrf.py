"""Refusing requests another site could make a signed-in browser send.

A browser sends a "simple" request (a form's content type, no custom headers) cross-site
without asking the server first, cookies included. Multipart GraphQL uploads are simple
requests, so /graphql accepts them only with a header a page on another site cannot add
without a CORS preflight. Plain form posts, which have to be simple requests, must come from
this site.
"""

from starlette.requests import HTTPConnection
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from portal.demo_identity import HEADER

SIMPLE_CONTENT_TYPES = frozenset({"multipart/form-data", "application/x-www-form-urlencoded", "text/plain"})
PREFLIGHT_HEADERS = ("authorization", HEADER, "graphql-require-preflight")
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
NEEDS_PREFLIGHT = f"Multipart requests need one of these headers: {', '.join(PREFLIGHT_HEADERS)}."
OTHER_SITE = "Forms are accepted only from the portal's own pages."


def forgeable(request: HTTPConnection) -> bool:
    """A simple request with no header that would have forced a preflight."""
    content_type = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    return content_type in SIMPLE_CONTENT_TYPES and not any(request.headers.get(h) for h in PREFLIGHT_HEADERS)


def cross_site(request: HTTPConnection) -> bool:
    """Sent by a page on another site, as far as the browser tells us. Sec-Fetch-Site, where the
    browser sends it, decides: a same-origin form post may carry `Origin: null` (a referrer policy
    can hide it). Only a browser without it is judged by Origin."""
    fetch_site = request.headers.get("sec-fetch-site")
    if fetch_site is not None:
        return fetch_site not in ("same-origin", "none")
    origin = request.headers.get("origin")
    return origin is not None and origin != f"{request.url.scheme}://{request.url.netloc}"


class CsrfMiddleware:
    def __init__(self, app: ASGIApp, api_path: str = "/graphql") -> None:
        self.app = app
        self.api_path = api_path

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] in UNSAFE_METHODS:
            request = HTTPConnection(scope)
            if scope["path"] == self.api_path and forgeable(request):
                await JSONResponse({"errors": [{"message": NEEDS_PREFLIGHT}]}, status_code=400)(scope, receive, send)
                return
            if scope["path"] != self.api_path and cross_site(request):
                await JSONResponse({"errors": [{"path": [], "message": OTHER_SITE, "code": "FORBIDDEN"}]}, status_code=403)(scope, receive, send)
                return
        await self.app(scope, receive, send)
