"""The LA administrator's routes, for the app to add in one line."""

from starlette.templating import Jinja2Templates

from portal.edge.routes import OperationRoute
from portal.pages.administration.access_log import access_log_routes
from portal.pages.administration.organisations import organisation_routes
from portal.pages.administration.people import people_routes
from portal.pages.contributors.formatting import govuk_datetime


def administration_routes(templates: Jinja2Templates) -> list[OperationRoute]:
    templates.env.filters["govuk_datetime"] = govuk_datetime
    return [*people_routes(templates), *organisation_routes(templates), *access_log_routes(templates)]
