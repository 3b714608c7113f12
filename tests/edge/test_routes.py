"""Every route gets its actor and context from the edge, and pages, forms and exports read and
write only through named operations of the schema."""

import ast
from pathlib import Path

from starlette.routing import Mount, Route, WebSocketRoute

from graphql import OperationDefinitionNode, parse
from portal.api.view import PortalGraphQL
from portal.app import create_app
from portal.edge.operations import documents
from portal.edge.routes import EdgeRoute, OperationRoute
from portal.settings import ROOT, Settings

PACKAGE = ROOT / "portal"
CONTEXT_BUILDER = PACKAGE / "edge" / "context.py"
EDGE_ROUTES = {"/", "/demo/act-as", "/healthz", "/healthz/ready", "/healthz/live", "/metrics", "/static/assets/{name}", "/accessibility", "/privacy", "/sign-in", "/sign-in/email", "/sign-in/code", "/sign-in/oidc/{provider}", "/sign-in/oidc/{provider}/callback",
               "/sign-out", "/signed-out", "/held/resume", "/views/start/{token}"}


def kind(name: str) -> str:
    """query, mutation or subscription."""
    (found,) = (d for d in parse(documents()[name]).definitions if isinstance(d, OperationDefinitionNode) and d.name and d.name.value == name)
    return found.operation.value


def _routes(tmp_path: Path) -> list[object]:
    return create_app(Settings(database_url=f"sqlite:///{tmp_path / 'unused.db'}", demo=True)).routes


def test_every_route_is_the_api_an_operation_route_an_edge_route_or_static_files(tmp_path):
    for route in _routes(tmp_path):
        if isinstance(route, Mount):
            assert route.path.startswith("/static"), route.path
        elif isinstance(route, (Route, WebSocketRoute)) and isinstance(route.endpoint, PortalGraphQL):
            assert route.path == "/graphql"
        elif isinstance(route, OperationRoute):
            assert route.operations, route.path
            kinds = {kind(name) for name in route.operations}
            if route.methods and "POST" in route.methods:
                # A form writes with its mutation; shown again with errors, it reads its page's query too.
                assert "mutation" in kinds and kinds <= {"mutation", "query"}, route.path
            else:
                assert kinds == {"query"}, route.path
        else:
            assert isinstance(route, EdgeRoute) and route.path in EDGE_ROUTES, f"{route.path} is not a known kind of route"


def test_pages_forms_and_exports_name_operations_that_exist(tmp_path):
    named = {name for route in _routes(tmp_path) if isinstance(route, OperationRoute) for name in route.operations}
    assert named and named <= documents().keys()


def _builds_a_context(path: Path) -> bool:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return any(isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) == "Context" for node in ast.walk(tree))


def test_one_function_builds_every_context():
    assert [p.relative_to(ROOT) for p in sorted(PACKAGE.rglob("*.py")) if _builds_a_context(p)] == [CONTEXT_BUILDER.relative_to(ROOT)]


def test_only_the_edge_loads_actors():
    callers = [p.relative_to(PACKAGE) for p in sorted(PACKAGE.rglob("*.py")) if "load_actor(" in p.read_text(encoding="utf-8")]
    assert sorted(map(str, callers)) == ["edge/actors.py", "identity/__init__.py", "identity/sources.py"]
