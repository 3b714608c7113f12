"""The outermost middleware: gives each request and WebSocket its request id, answers it in the
`X-Request-ID` header, and when the request is done writes its one log event and its metrics.

The event holds the method, the route's template (never the path, which holds ids, nor the query
string), the status, the duration, the request id, who acted (person and API token ids) and the
registered names of the GraphQL operations it ran: never a body, a variable or a name."""

import logging
from time import perf_counter
from typing import Any

from starlette.datastructures import Headers, MutableHeaders
from starlette.routing import Mount
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from portal.edge.middleware import ACTOR
from portal.observability import request_id as ids
from portal.observability.graphql_metrics import OPERATIONS
from portal.observability.metrics import HTTP_DURATION, HTTP_REQUESTS, METHODS, OTHER, bounded

log = logging.getLogger("portal.request")
REQUEST_ID = "portal.request_id"


def route_template(scope: Scope) -> str:
    """The template of the route that answered ("/reports/{invitation}"), or "other" when none matched."""
    route = scope.get("route")
    if isinstance(route, Mount):
        return f"{route.path}/{{path}}"
    return getattr(route, "path", OTHER)


class RequestEventMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        request_id = ids.request_id_from(Headers(scope=scope).get(ids.HEADER))
        scope[REQUEST_ID] = request_id
        token = ids.serve_as(request_id)
        status = 0
        started = perf_counter()

        async def send_with_id(message: Message) -> None:
            nonlocal status
            kind = message["type"]
            if kind in ("http.response.start", "websocket.accept"):
                status = message.get("status", 101)
                message["headers"] = list(message.get("headers", ()))
                MutableHeaders(scope=message).append(ids.HEADER, request_id)
            elif kind == "websocket.close" and not status:
                status = 403  # closed before it was accepted: the handshake was refused
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            self.record(scope, status or 500, perf_counter() - started)
            ids.reset(token)

    def record(self, scope: Scope, status: int, duration: float) -> None:
        method = bounded("WS" if scope["type"] == "websocket" else scope["method"], METHODS)
        route = route_template(scope)
        HTTP_REQUESTS.labels(method, route, str(status)).inc()
        HTTP_DURATION.labels(method, route).observe(duration)
        actor = scope.get(ACTOR)
        event: dict[str, Any] = {
            "method": method, "route": route, "status": status, "duration_ms": round(duration * 1000, 1), "request_id": scope[REQUEST_ID],
            "actor_id": getattr(actor, "person_id", None),
        }
        if getattr(actor, "token_id", None) is not None:
            event["api_token_id"] = actor.token_id
        if scope.get(OPERATIONS):
            event["operations"] = scope[OPERATIONS]
        log.info("%s %s %s %.1f ms", method, route, status, event["duration_ms"], extra=event)
