"""Refusing requests another site could make a signed-in browser send.

A browser sends a "simple" request (a form's content type, no custom headers) cross-site
without asking the server first, cookies included. Multipart GraphQL uploads are simple
requests, so /graphql accepts them only with a header a page on another site cannot add
without a CORS preflight. The plain form post, which has to be a simple request, must come
from this site.
"""

from starlette.requests import HTTPConnection

from portal.demo_identity import HEADER

SIMPLE_CONTENT_TYPES = frozenset({"multipart/form-data", "application/x-www-form-urlencoded", "text/plain"})
PREFLIGHT_HEADERS = ("authorization", HEADER, "graphql-require-preflight")


def forgeable(request: HTTPConnection) -> bool:
    """A simple request with no header that would have forced a preflight."""
    content_type = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    return content_type in SIMPLE_CONTENT_TYPES and not any(request.headers.get(h) for h in PREFLIGHT_HEADERS)


def cross_site(request: HTTPConnection) -> bool:
    """Sent by a page on another site, as far as the browser tells us (Sec-Fetch-Site, Origin)."""
    if request.headers.get("sec-fetch-site") in ("cross-site", "same-site"):
        return True
    origin = request.headers.get("origin")
    return origin is not None and origin != f"{request.url.scheme}://{request.url.netloc}"
