"""GET /family/conferences/{id}/pack: the family pack as a page that prints cleanly;
GET /family/conferences/{id}/pack.pdf: the same as a PDF, drawn by WeasyPrint off the event loop."""

import anyio
from starlette.requests import Request
from starlette.responses import Response
from starlette.templating import Jinja2Templates
from weasyprint import HTML

from portal.edge.operations import run_query
from portal.edge.routes import OperationRoute
from portal.ids import parse_id
from portal.pages.families.meetings import not_found

PDF_WORKERS = anyio.CapacityLimiter(2)  # WeasyPrint is CPU-bound: at most two packs drawn at once


def _fetch_nothing(url: str, *args: object, **kwargs: object) -> dict:
    """The pack is drawn from its own HTML alone: any address in what was written is never fetched."""
    raise ValueError(f"not fetched: {url[:100]}")


def pack_routes(templates: Jinja2Templates) -> list[OperationRoute]:
    async def load(request: Request) -> dict | None:
        number = parse_id(request.path_params["conference_id"])
        return (await run_query(request, "FamilyPackPage", {"conference": str(number)}))["familyConference"] if number else None

    async def page(request: Request) -> Response:
        conference = await load(request)
        if conference is None:
            return not_found(templates, request)
        return templates.TemplateResponse(request, "families/pack.html", {"conference": conference})

    async def pdf(request: Request) -> Response:
        conference = await load(request)
        if conference is None:
            return not_found(templates, request)
        html = templates.get_template("families/pack_pdf.html").render(conference=conference)
        document = await anyio.to_thread.run_sync(lambda: HTML(string=html, url_fetcher=_fetch_nothing).write_pdf(), limiter=PDF_WORKERS)
        return Response(document, media_type="application/pdf",
                        headers={"content-disposition": f'attachment; filename="family-pack-{conference["id"]}.pdf"', "cache-control": "no-store"})

    return [
        OperationRoute("/family/conferences/{conference_id}/pack", page, operations=("FamilyPackPage",), methods=["GET"]),
        OperationRoute("/family/conferences/{conference_id}/pack.pdf", pdf, operations=("FamilyPackPage",), methods=["GET"]),
    ]
