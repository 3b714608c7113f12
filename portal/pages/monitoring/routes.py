"""The monitoring pages, for the app to add in one line."""

from typing import Any

from starlette.templating import Jinja2Templates

from portal.edge.routes import OperationRoute
from portal.pages.annual.routes import year_item
from portal.pages.chairs.display import FILTERS
from portal.pages.guardians.views import govuk_date
from portal.pages.monitoring.challenge import challenge_routes
from portal.pages.monitoring.checklist import checklist_routes
from portal.pages.monitoring.overview import overview_routes


def choice(answer: tuple[str, str], chosen: str) -> dict[str, Any]:
    value, text = answer
    return {"value": value, "text": text, "checked": value == chosen}


def monitoring_routes(templates: Jinja2Templates) -> list[OperationRoute]:
    templates.env.filters.update(FILTERS, monitoring_choice=choice, year_item=year_item, govuk_date=govuk_date)
    return [*checklist_routes(templates), *challenge_routes(templates), *overview_routes(templates)]
