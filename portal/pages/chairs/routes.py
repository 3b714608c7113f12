"""The chair's routes, for the app to add in one line."""

from starlette.templating import Jinja2Templates

from portal.edge.routes import OperationRoute
from portal.pages.chairs.conference import conference_routes
from portal.pages.chairs.conferences import conferences_route
from portal.pages.chairs.display import FILTERS
from portal.pages.chairs.outcome import outcome_routes
from portal.pages.chairs.report import report_route


def chair_routes(templates: Jinja2Templates) -> list[OperationRoute]:
    templates.env.filters.update(FILTERS)
    return [conferences_route(templates), *conference_routes(templates), *outcome_routes(templates), report_route(templates)]
