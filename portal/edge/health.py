"""Health for the process manager and the load balancer: /healthz/live answers while the process
serves requests at all (it touches nothing else); /healthz/ready, and /healthz, only while the
database answers too, so that a process that cannot reach it is taken out of rotation but not restarted."""

import logging

from sqlalchemy import text
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from portal.edge.middleware import session_of
from portal.edge.routes import EdgeRoute

log = logging.getLogger(__name__)


async def live(request: Request) -> Response:
    return JSONResponse({"status": "ok"})


async def ready(request: Request) -> Response:
    try:
        await session_of(request).execute(text("SELECT 1"))
    except Exception as error:
        log.warning("Not ready: the database does not answer (%s)", type(error).__name__)
        return JSONResponse({"status": "unavailable", "database": "unreachable"}, status_code=503)
    return JSONResponse({"status": "ok"})


def health_routes() -> list[EdgeRoute]:
    return [EdgeRoute("/healthz", ready), EdgeRoute("/healthz/ready", ready), EdgeRoute("/healthz/live", live)]
