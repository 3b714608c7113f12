"""The accessibility statement and the privacy notice: the same for everyone, signed in or not."""

from starlette.requests import Request
from starlette.responses import Response
from starlette.templating import Jinja2Templates

from portal.edge.routes import EdgeRoute

PAGES = {"/accessibility": "information/accessibility.html", "/privacy": "information/privacy.html"}


def information_routes(templates: Jinja2Templates) -> list[EdgeRoute]:
    def route(path: str, template: str) -> EdgeRoute:
        async def page(request: Request) -> Response:
            return templates.TemplateResponse(request, template, {})

        return EdgeRoute(path, page, methods=["GET"])

    return [route(path, template) for path, template in PAGES.items()]
