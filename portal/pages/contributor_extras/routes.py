"""The contributor's pages beside writing the report, each under /reports/{invitation}/: upload a PDF
and review what it filled, ask the chair to withhold a section, record sharing with the family."""

from collections.abc import Awaitable, Callable, Sequence

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.templating import Jinja2Templates

from portal.edge.routes import OperationRoute
from portal.held_forms.store import Posted
from portal.pages.contributor_extras import review, sharing, upload, withholding
from portal.pages.contributor_extras.held import Send, hold_for_sign_in, resume_routes, uploaded
from portal.pages.contributor_extras.report import PAGE, Report, load_report, not_found

Show = Callable[[Request, Jinja2Templates, Report], Response]
Act = Callable[[Request, Jinja2Templates, Report, dict[str, str]], Awaitable[Response]]
Handler = Callable[[Request], Awaitable[Response]]
MAX_FIELDS = 8
REPORT = "/reports/{invitation_id}"
UPLOADED = REPORT + "/uploads/{upload_id}"


def contributor_extras_routes(templates: Jinja2Templates, held_elsewhere: Sequence[tuple[Route, Send]] = ()) -> list[Route]:
    """`held_elsewhere`: other pages' forms that are held when they arrive after the sign-in ended."""
    forms: list[tuple[Route, Send]] = list(held_elsewhere)

    def page(show: Show) -> Handler:
        async def get(request: Request) -> Response:
            report = await load_report(request)
            return not_found(request, templates) if report is None else show(request, templates, report)

        return get

    def sender(act: Act) -> Send:
        async def send(request: Request, posted: Posted) -> Response:
            report = await load_report(request)
            return not_found(request, templates) if report is None else await act(request, templates, report, posted.fields)

        return send

    def form(path: str, act: Act, mutation: str) -> OperationRoute:
        """A form post; one arriving after the person's sign-in ended is held for them (held.py)."""
        send = sender(act)

        async def post(request: Request) -> Response:
            async with request.form(max_files=0, max_fields=MAX_FIELDS) as posted:
                fields = {key: str(value) for key, value in posted.items()}
            return await hold_for_sign_in(request, fields) or await send(request, Posted(fields))

        route = OperationRoute(path, post, operations=(PAGE, mutation), methods=["POST"])
        forms.append((route, send))
        return route

    def review_page(request: Request, templates: Jinja2Templates, report: Report) -> Response:
        found = review.found_upload(report, request.path_params["upload_id"])
        return not_found(request, templates) if found is None else review.render(request, templates, report, found)

    def review_form(act: Callable[..., Awaitable[Response]]) -> Act:
        """The upload named in the path must be one of this report's."""
        async def acted(request: Request, templates: Jinja2Templates, report: Report, fields: dict[str, str]) -> Response:
            found = review.found_upload(report, request.path_params["upload_id"])
            return not_found(request, templates) if found is None else await act(request, templates, report, found, fields)

        return acted

    async def upload_form(request: Request) -> Response:
        return await upload.upload(request, templates)

    async def send_upload(request: Request, posted: Posted) -> Response:
        return await upload.send(request, templates, posted.fields.get("mode", ""), uploaded(posted.file) if posted.file else None)

    upload_post = OperationRoute(REPORT + "/upload", upload_form, operations=(PAGE, "UploadReport"), methods=["POST"])
    forms.append((upload_post, send_upload))

    routes: list[Route] = [
        OperationRoute(REPORT + "/upload", page(upload.render), operations=(PAGE,), methods=["GET"]),
        upload_post,
        OperationRoute(UPLOADED, page(review_page), operations=(PAGE,), methods=["GET"]),
        form(UPLOADED + "/placements", review_form(review.decide), "DecidePlacement"),
        form(UPLOADED + "/accept", review_form(review.accept), "DecidePlacement"),
        OperationRoute(REPORT + "/sharing", page(sharing.render), operations=(PAGE,), methods=["GET"]),
        form(REPORT + "/sharing", sharing.record, "RecordSharedWithFamily"),
        OperationRoute(REPORT + "/withholding", page(withholding.render), operations=(PAGE,), methods=["GET"]),
        form(REPORT + "/withholding", withholding.request_withholding, "RequestWithholding"),
    ]
    operations = sorted({name for route, _ in forms for name in route.operations})
    return routes + resume_routes(templates, forms, operations)
