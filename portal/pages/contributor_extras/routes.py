"""The contributor's pages beside writing the report, each under /reports/{invitation}/: upload a PDF
and review what it filled, ask the chair to withhold a section, record sharing with the family."""

from collections.abc import Awaitable, Callable

from starlette.requests import Request
from starlette.responses import Response
from starlette.templating import Jinja2Templates

from portal.edge.routes import OperationRoute
from portal.pages.contributor_extras import sharing, withholding
from portal.pages.contributor_extras.report import PAGE, Report, load_report, not_found

Show = Callable[[Request, Jinja2Templates, Report], Response]
Act = Callable[[Request, Jinja2Templates, Report, dict[str, str]], Awaitable[Response]]
MAX_FIELDS = 8


def contributor_extras_routes(templates: Jinja2Templates) -> list[OperationRoute]:
    def page(show: Show) -> Callable[[Request], Awaitable[Response]]:
        async def get(request: Request) -> Response:
            report = await load_report(request)
            return not_found(request, templates) if report is None else show(request, templates, report)

        return get

    def form(act: Act) -> Callable[[Request], Awaitable[Response]]:
        async def post(request: Request) -> Response:
            async with request.form(max_files=0, max_fields=MAX_FIELDS) as posted:
                fields = {key: str(value) for key, value in posted.items()}
            report = await load_report(request)
            return not_found(request, templates) if report is None else await act(request, templates, report, fields)

        return post

    def pair(path: str, show: Show, act: Act, mutation: str) -> list[OperationRoute]:
        return [
            OperationRoute(path, page(show), operations=(PAGE,), methods=["GET"]),
            OperationRoute(path, form(act), operations=(PAGE, mutation), methods=["POST"]),
        ]

    return [
        *pair("/reports/{invitation_id}/sharing", sharing.render, sharing.record, "RecordSharedWithFamily"),
        *pair("/reports/{invitation_id}/withholding", withholding.render, withholding.request_withholding, "RequestWithholding"),
    ]
