"""The Starlette application."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route, WebSocketRoute
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

from portal.accesslog import LogUnavailable
from portal.agencies import AgencyRegistry
from portal.api.schema import build_schema
from portal.api.view import PortalGraphQL
from portal.db import Database
from portal.demo_identity import COOKIE, cookie_person_id, cookie_value
from portal.demo_people import demo_people
from portal.edge.actors import ActorChain, DemoPersonSource
from portal.edge.body_limit import BodyLimitMiddleware
from portal.edge.context import SignInRequired
from portal.edge.csrf import CsrfMiddleware
from portal.edge.headers import SecurityHeadersMiddleware
from portal.edge.health import health_routes
from portal.edge.middleware import ActorMiddleware, session_of
from portal.edge.outages import MESSAGE as DATABASE_DOWN
from portal.edge.outages import NO_SPACE, RETRY_AFTER, OutageMiddleware
from portal.edge.routes import EdgeRoute
from portal.identity.code_routes import code_routes
from portal.identity.config import load_providers
from portal.identity.oidc_routes import oidc_routes
from portal.identity.ratelimit import SignInLimits
from portal.identity.routes import home as signed_in_home
from portal.identity.routes import sign_in_routes
from portal.identity.sessions import SessionPolicy
from portal.identity.signing_in import SignIn
from portal.identity.sources import SessionCookieSource
from portal.identity.tokens import ApiTokenSource
from portal.ids import parse_id
from portal.ingest.errors import IngestError, IngestErrorCode, megabytes
from portal.ingest.limits import IngestLimits
from portal.ingest.review_routes import placements_route
from portal.ingest.routes import upload_route
from portal.ingest.uploads import FILE, REQUEST_SLACK
from portal.ingest.worker import IngestWorker
from portal.observability.endpoint import metrics_endpoint
from portal.observability.metrics import process_ended, watch_pool
from portal.observability.middleware import RequestEventMiddleware
from portal.pages.administration.routes import administration_routes
from portal.pages.annual.routes import annual_routes
from portal.pages.assets import Assets
from portal.pages.audit.routes import audit_routes
from portal.pages.audit_export import export_route
from portal.pages.business_support.routes import business_support_routes
from portal.pages.chairs.routes import chair_routes
from portal.pages.challenges.routes import challenge_routes
from portal.pages.contributor_extras.routes import contributor_extras_routes
from portal.pages.contributor_extras.upload import TOO_LARGE as TOO_LARGE_REFUSAL
from portal.pages.contributor_extras.upload import UPLOAD_FORM
from portal.pages.contributors.routes import contributor_routes
from portal.pages.families.routes import family_routes
from portal.pages.families.views_sign_in import views_sign_in_routes
from portal.pages.guardians.routes import guardians_routes
from portal.pages.information import information_routes
from portal.pages.invitation import invitation_route
from portal.pages.monitoring.routes import monitoring_routes
from portal.pages.shell import make_templates
from portal.readiness.notifier import make_notifier
from portal.reminders.worker import make_sender
from portal.settings import ROOT, Settings, get_settings
from portal.timescales import load_rules

STATIC = ROOT / "portal" / "static"
IDE_PACKAGES = ("graphiql", "graphql-ws", "react", "react-dom")  # installed by npm (package.json)


def static_routes(ide: bool) -> list[Mount]:
    """The portal's own styles and scripts and, with the IDE, GraphiQL's from node_modules: nothing from a CDN."""
    mounts = [Mount("/static/portal", StaticFiles(directory=STATIC))]
    if ide:
        mounts += [Mount(f"/static/{name}", StaticFiles(directory=ROOT / "node_modules" / name, check_dir=False)) for name in IDE_PACKAGES]
    return mounts


def create_app(settings: Settings | None = None, database: Database | None = None) -> Starlette:
    settings = settings or get_settings()
    agencies = AgencyRegistry.load(settings.agencies_dir)
    rules = load_rules(settings.timescales_dir)
    database = database or Database(settings.database_url)
    watch_pool(database.engine)
    notifier = make_notifier(database.url)
    schema = build_schema(settings)
    assets = Assets.installed()
    templates = make_templates(assets)
    writing, held_drafts = contributor_routes(templates)
    graphql = PortalGraphQL(schema, settings)
    sign_in = SignIn(
        settings=settings, templates=templates, providers=load_providers(settings.identity_file), policy=SessionPolicy.from_settings(settings),
        limits=SignInLimits(settings), mailer=make_sender(settings),
    )
    sources = ActorChain([ApiTokenSource(), SessionCookieSource(sign_in.policy), *([DemoPersonSource(settings.secret_key)] if settings.demo else [])])

    async def home(request: Request) -> Response:
        if not settings.demo:
            return await signed_in_home(request, sign_in)
        people = await demo_people(session_of(request))
        chosen = cookie_person_id(request.cookies.get(COOKIE, ""), settings.secret_key)
        return templates.TemplateResponse(request, "demo.html", {"people": people, "chosen": chosen})

    async def act_as(request: Request) -> Response:
        if not settings.demo:
            return JSONResponse({"error": "Demo people are available only in demo mode."}, status_code=404)
        person = parse_id((await request.form()).get("person", ""))
        response = RedirectResponse("/", status_code=303)
        if person is not None:
            response.set_cookie(COOKIE, cookie_value(person, settings.secret_key), httponly=True, samesite="strict")
        return response

    def message(request: Request, title: str, error: dict[str, Any], status: int, headers: dict[str, str] | None = None) -> Response:
        if "text/html" in request.headers.get("accept", ""):
            return templates.TemplateResponse(request, "message.html", {"title": title, "message": error["message"]}, status_code=status,
                                              headers=headers)
        return JSONResponse({"errors": [error]}, status_code=status, headers=headers)

    def outage(scope: Scope, what: str) -> Response:
        if what == "storage":
            return message(Request(scope), "Try again later", {"message": NO_SPACE, "extensions": {"code": "UNAVAILABLE"}}, 507)
        error = {"message": DATABASE_DOWN, "extensions": {"code": "UNAVAILABLE"}}
        return message(Request(scope), "Try again later", error, 503, {"retry-after": RETRY_AFTER})

    async def sign_in_required(request: Request, error: Exception) -> Response:
        if "text/html" in request.headers.get("accept", "") and not settings.demo and request.url.path != "/graphql":
            return RedirectResponse("/sign-in", status_code=303)
        return message(request, "Sign in", {"message": str(error), "code": "FORBIDDEN"}, 401)

    async def log_unavailable(request: Request, error: Exception) -> Response:
        return message(request, "Try again later", {"message": str(error)}, 503)

    def too_large(scope: Scope) -> Response:
        if UPLOAD_FORM.fullmatch(scope["path"]):
            return RedirectResponse(f"{scope['path']}?refused={TOO_LARGE_REFUSAL}", status_code=303)
        message = IngestError(IngestErrorCode.TOO_LARGE, limit=megabytes(settings.ingest_max_bytes)).message
        return JSONResponse({"errors": [{"path": list(FILE), "message": message, "code": "INVALID", "ingestCode": "TOO_LARGE"}]}, status_code=413)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        process_ended()
        await notifier.close()
        await database.dispose()

    app = Starlette(
        debug=settings.debug,
        routes=[
            EdgeRoute("/", home),
            EdgeRoute("/demo/act-as", act_as, methods=["POST"]),
            *health_routes(),
            EdgeRoute("/metrics", metrics_endpoint),
            assets.route(),
            *information_routes(templates),
            *sign_in_routes(sign_in),
            *code_routes(sign_in),
            *views_sign_in_routes(sign_in),
            *oidc_routes(sign_in),
            Route("/graphql", graphql, methods=["GET", "POST"]),
            WebSocketRoute("/graphql", graphql),
            export_route("csv"),
            export_route("xlsx"),
            upload_route(),
            placements_route(templates),
            invitation_route(templates),
            *writing,
            *contributor_extras_routes(templates, held_elsewhere=held_drafts),
            *chair_routes(templates),
            *business_support_routes(templates),
            *audit_routes(templates),
            *guardians_routes(templates),
            *annual_routes(templates),
            *monitoring_routes(templates),
            *challenge_routes(templates),
            *family_routes(templates),
            *administration_routes(templates),
            *static_routes(settings.demo or settings.debug),
        ],
        middleware=[
            Middleware(RequestEventMiddleware),
            Middleware(OutageMiddleware, respond=outage),
            Middleware(SecurityHeadersMiddleware),
            Middleware(CsrfMiddleware),
            Middleware(BodyLimitMiddleware, max_bytes=settings.ingest_max_bytes + REQUEST_SLACK, refusal=too_large),
            Middleware(ActorMiddleware, database=database, sources=sources),
        ],
        exception_handlers={SignInRequired: sign_in_required, LogUnavailable: log_unavailable},
        lifespan=lifespan,
    )
    if settings.tracing:
        from portal.observability.tracing import start_tracing

        start_tracing(app, database.engine)
    app.state.database = database
    app.state.actor_sources = sources
    app.state.rules = rules
    app.state.schema = schema
    app.state.settings = settings
    app.state.agencies = agencies
    app.state.notifier = notifier
    app.state.ingest_worker = IngestWorker(IngestLimits.from_settings(settings))
    return app
