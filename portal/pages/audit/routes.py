"""The audit's routes, for the app to add in one line."""

from starlette.templating import Jinja2Templates

from portal.edge.routes import OperationRoute
from portal.pages.audit.display import FILTERS
from portal.pages.audit.item import item_routes
from portal.pages.audit.results import results_routes
from portal.pages.audit.round import round_route
from portal.pages.audit.rounds import round_list_routes


def audit_routes(templates: Jinja2Templates) -> list[OperationRoute]:
    templates.env.filters.update(FILTERS)
    return [*round_list_routes(templates), round_route(templates), *item_routes(templates), *results_routes(templates)]
