"""The /graphql endpoint over HTTP and WebSocket, with the actor and session the edge set."""

import json
from typing import Any

from cross_web import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.file_uploads.utils import replace_placeholders_with_files
from strawberry.http import GraphQLHTTPResponse
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL

from graphql import ExecutionResult
from portal.api.context import Context
from portal.edge.context import context_for
from portal.edge.middleware import actor_of, session_of
from portal.edge.outages import RETRY_AFTER, unreachable
from portal.edge.still_signed_in import still_signed_in, while_signed_in
from portal.errors import MAX_PROBLEMS
from portal.settings import ROOT, Settings

POLICY_VIOLATION = 1008
GRAPHQL_RESPONSE = "application/graphql-response+json"
SUB_RESPONSE = "portal.graphql.response"
IDE = ROOT / "templates" / "graphiql.html"
NOT_AN_OBJECT = "The request body must be a JSON object."
BAD_MAP = "The multipart field 'map' must be a JSON object from each file's field name to a list of variable paths."
BAD_OPERATIONS = "The multipart field 'operations' must be a JSON object holding the query and its variables."
TOO_LARGE = "The response would be larger than the limit of {limit:,} bytes, so none of it is sent. Ask for fewer items per page, or fewer fields."
BAD_PATH = "A path in the multipart field 'map' names no variable of the operation, or a file the request does not hold."


def _json(data: str | bytes) -> object:
    try:
        return json.loads(data)
    except UnicodeDecodeError as error:
        raise HTTPException(400, "The request body is not valid UTF-8.") from error
    except json.JSONDecodeError as error:
        raise HTTPException(400, "Unable to parse request body as JSON") from error


def _paths(files_map: object) -> bool:
    return isinstance(files_map, dict) and all(isinstance(p, list) and all(isinstance(x, str) for x in p) for p in files_map.values())


def wants_graphql_response(request: Request) -> bool:
    """The client accepts the GraphQL-over-HTTP media type, so request errors get 4xx and no data."""
    return GRAPHQL_RESPONSE in request.headers.get("accept", "")


def request_error(result: ExecutionResult) -> bool:
    """Parsing, validation or variables failed, so nothing was executed (field errors have a path)."""
    return result.data is None and bool(result.errors) and all(error.path is None for error in result.errors)


class PortalGraphQL(GraphQL):
    def __init__(self, schema: Any, settings: Settings) -> None:
        super().__init__(
            schema,
            graphql_ide="graphiql" if settings.demo or settings.debug else None,
            subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL,),
            multipart_uploads_enabled=True,
        )
        self.max_response_bytes = settings.max_response_bytes

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "websocket":
            await super().__call__(scope, receive, send)
            return
        actor = actor_of(WebSocket(scope, receive, send))
        if actor is None:
            # Closing before accepting refuses the handshake (HTTP 403).
            await WebSocket(scope, receive, send).close(code=POLICY_VIOLATION)
            return
        state = scope["app"].state
        await while_signed_in(
            super().__call__, scope, receive, send,
            check=lambda: still_signed_in(state.database, state.actor_sources, scope, actor), every=state.settings.session_recheck_seconds,
        )

    async def get_context(self, request: Any, response: Any) -> Context:
        return context_for(request, session_of(request), response)

    async def render_graphql_ide(self, request: Request) -> Response:
        return HTMLResponse(IDE.read_text(encoding="utf-8"))

    async def process_result(self, request: Request, result: ExecutionResult) -> GraphQLHTTPResponse:
        processed = await super().process_result(request, result)
        if len(processed.get("errors") or ()) > MAX_PROBLEMS:
            errors = processed["errors"]
            processed["errors"] = [*errors[:MAX_PROBLEMS], {"message": f"… and {len(errors) - MAX_PROBLEMS:,} more errors."}]
        if any(unreachable(error.original_error) for error in result.errors or ()):
            response = request.scope[SUB_RESPONSE]
            response.status_code = 503
            response.headers["retry-after"] = RETRY_AFTER
        if wants_graphql_response(request):
            response = request.scope[SUB_RESPONSE]
            response.media_type = GRAPHQL_RESPONSE
            if request_error(result):
                processed.pop("data", None)
                response.status_code = 400
        return processed

    async def get_sub_response(self, request: Request | WebSocket) -> Response:
        request.scope[SUB_RESPONSE] = response = await super().get_sub_response(request)
        return response

    def create_response(self, response_data: Any, sub_response: Response) -> Response:
        response = super().create_response(response_data, sub_response)
        if sub_response.media_type:
            response.headers["content-type"] = sub_response.media_type
        return response

    def encode_json(self, data: object) -> str | bytes:
        """The response, or in its place one plain error when it would be larger than the ceiling."""
        encoded = super().encode_json(data)
        if len(encoded) > self.max_response_bytes and isinstance(data, dict) and ("data" in data or "errors" in data):
            return super().encode_json({"errors": [{"message": TOO_LARGE.format(limit=self.max_response_bytes)}]})
        return encoded

    def decode_json(self, data: str | bytes) -> object:
        decoded = _json(data)
        if not isinstance(decoded, dict):
            raise HTTPException(400, NOT_AN_OBJECT)
        return decoded

    async def parse_multipart(self, request: Any) -> dict[str, Any]:
        try:
            form = await request.get_form_data()
        except ValueError as error:
            raise HTTPException(400, "Unable to parse the multipart body") from error
        fields = {name: form.form.get(name) for name in ("operations", "map")}
        if not all(isinstance(value, str) for value in fields.values()):
            raise HTTPException(400, "A multipart request needs the fields 'operations' and 'map'.")
        operations, files_map = (_json(fields[name]) for name in ("operations", "map"))
        if not isinstance(operations, dict):
            raise HTTPException(400, BAD_OPERATIONS)
        if not _paths(files_map):
            raise HTTPException(400, BAD_MAP)
        try:
            return replace_placeholders_with_files(operations, files_map, form.files)
        except (KeyError, IndexError, TypeError, ValueError) as error:
            raise HTTPException(400, BAD_PATH) from error
