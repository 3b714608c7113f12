"""The guardian's routes, for the app to add in one line."""

from starlette.templating import Jinja2Templates

from portal.edge.routes import OperationRoute
from portal.pages.contributors.formatting import govuk_datetime
from portal.pages.guardians.pages import guardian_routes
from portal.pages.guardians.views import govuk_date


def guardians_routes(templates: Jinja2Templates) -> list[OperationRoute]:
    templates.env.filters.update(govuk_datetime=govuk_datetime, govuk_date=govuk_date)
    return guardian_routes(templates)
