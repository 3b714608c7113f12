"""Business support's routes, for the app to add in one line."""

from starlette.templating import Jinja2Templates

from portal.edge.routes import OperationRoute
from portal.pages.business_support.chasing import chasing_routes
from portal.pages.business_support.conference import conference_routes
from portal.pages.business_support.conferences import conferences_routes
from portal.pages.contributors.formatting import govuk_datetime
from portal.pages.guardians.views import govuk_date


def business_support_routes(templates: Jinja2Templates) -> list[OperationRoute]:
    templates.env.filters.update(govuk_datetime=govuk_datetime, govuk_date=govuk_date)
    return [*conferences_routes(templates), *conference_routes(templates), *chasing_routes(templates)]
