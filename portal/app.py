"""The Starlette application."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy import text
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route, WebSocketRoute
from starlette.templating import Jinja2Templates

from portal.agencies import AgencyRegistry
from portal.api.audit_export import export_route
from portal.api.schema import build_schema
from portal.api.view import PortalGraphQL
from portal.db import Database
from portal.demo_identity import COOKIE
from portal.demo_people import demo_people
from portal.ingest.limits import IngestLimits
from portal.ingest.routes import upload_route
from portal.ingest.worker import IngestWorker
from portal.pages.invitation import invitation_route
from portal.readiness.notifier import make_notifier
from portal.settings import ROOT, Settings, get_settings
from portal.timescales import load_rules

templates = Jinja2Templates(directory=ROOT / "templates")


def create_app(settings: Settings | None = None, database: Database | None = None) -> Starlette:
    settings = settings or get_settings()
    agencies = AgencyRegistry.load(settings.agencies_dir)
    rules = load_rules(settings.timescales_dir)
    database = database or Database(settings.database_url)
    notifier = make_notifier(database.url)
    schema = build_schema(settings)
    graphql = PortalGraphQL(schema, database, agencies, settings, rules, notifier)

    async def healthz(request: Request) -> Response:
        async with database.session() as session:
            await session.execute(text("SELECT 1"))
        return JSONResponse({"status": "ok"})

    async def home(request: Request) -> Response:
        if not settings.demo:
            return JSONResponse({"graphql": "/graphql", "health": "/healthz"})
        async with database.session() as session:
            people = await demo_people(session)
        return templates.TemplateResponse(request, "demo.html", {"people": people, "chosen": request.cookies.get(COOKIE)})

    async def act_as(request: Request) -> Response:
        if not settings.demo:
            return JSONResponse({"error": "Demo people are available only in demo mode."}, status_code=404)
        form = await request.form()
        person = str(form.get("person", ""))
        response = RedirectResponse("/graphql", status_code=303)
        if person.isdigit():
            response.set_cookie(COOKIE, person, httponly=True, samesite="strict")
        return response

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        await notifier.close()
        await database.dispose()

    app = Starlette(
        debug=settings.debug,
        routes=[
            Route("/", home),
            Route("/demo/act-as", act_as, methods=["POST"]),
            Route("/healthz", healthz),
            Route("/graphql", graphql, methods=["GET", "POST"]),
            Route("/audit/rounds/{round_id}/export.csv", export_route(database, settings, "csv")),
            Route("/audit/rounds/{round_id}/export.xlsx", export_route(database, settings, "xlsx")),
            WebSocketRoute("/graphql", graphql),
            upload_route(database, agencies, settings, notifier),
            invitation_route(database, templates),
        ],
        lifespan=lifespan,
    )
    app.state.database = database
    app.state.rules = rules
    app.state.schema = schema
    app.state.settings = settings
    app.state.agencies = agencies
    app.state.ingest_worker = IngestWorker(IngestLimits.from_settings(settings))
    return app
