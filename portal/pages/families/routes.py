"""The families' routes, for the app to add in one line."""

from starlette.templating import Jinja2Templates

from portal.edge.routes import OperationRoute
from portal.pages.chairs.display import FILTERS
from portal.pages.families.access_page import access_routes
from portal.pages.families.attendance_form import attendance_route
from portal.pages.families.feedback_pages import feedback_routes
from portal.pages.families.meetings import meeting_routes
from portal.pages.families.pack import pack_routes
from portal.pages.families.place_page import place_routes
from portal.pages.families.views_form import views_routes


def family_routes(templates: Jinja2Templates) -> list[OperationRoute]:
    templates.env.filters.update(FILTERS)
    return [*meeting_routes(templates), *pack_routes(templates), *access_routes(templates), attendance_route(templates), *views_routes(templates), *place_routes(templates), *feedback_routes(templates)]
