"""The templates every page is rendered with: the portal's own under templates/, GOV.UK Frontend's
macros as `govuk_frontend_jinja/...`, the asset names, and who is signed in for the header."""

from typing import Any

from jinja2 import ChoiceLoader, FileSystemLoader, PackageLoader, PrefixLoader
from starlette.requests import Request
from starlette.templating import Jinja2Templates

from portal.access.challenge_actions import READERS as CHALLENGE_READERS
from portal.edge.middleware import ACTOR
from portal.enums import Role
from portal.families.models import FAMILY_AGENCY
from portal.identity import Actor
from portal.pages.assets import Assets
from portal.settings import ROOT

SERVICE_NAME = "Conference contribution portal"


def navigation(actor: Actor | None) -> list[dict[str, str]]:
    """The header's links for what this person does (`section`: the paths a link stands for, when more than its own)."""
    if actor is None:
        return []
    items = []
    if actor.is_contributor:
        items.append({"href": "/reports", "text": "Your reports"})
    if actor.agency_id == FAMILY_AGENCY:
        items.append({"href": "/family", "text": "Meetings about your children"})
    if any(role == Role.CHAIR for role, _ in actor.roles):
        items.append({"href": "/chair/conferences", "text": "Your conferences"})
    if any(role == Role.BUSINESS_SUPPORT for role, _ in actor.roles):
        items += [{"href": "/business-support", "text": "Arrange conferences"}, {"href": "/business-support/chasing", "text": "Chase reports"}]
    if any(role == Role.AUDITOR for role, _ in actor.roles):
        items.append({"href": "/audit", "text": "Regional audit"})
    if actor.has(Role.GUARDIAN):
        items.append({"href": "/guardian/proceedings", "text": "Your proceedings"})
    if actor.la_ids(frozenset({Role.LA_ADMIN})):
        items.append({"href": "/admin/people", "text": "Administration", "section": "/admin/"})
    if any(role in (Role.HEAD_OF_SERVICE, Role.IRO_MANAGER) for role, _ in actor.roles):
        items.append({"href": "/annual-report", "text": "IRO annual report"})
        items.append({"href": "/monitoring/summary", "text": "Monitoring findings"})
        items.append({"href": "/what-families-told-us", "text": "What families told us"})
    if any(role in (Role.CHAIR, Role.HEAD_OF_SERVICE, Role.IRO_MANAGER) and la is not None for role, la in actor.roles):
        items.append({"href": "/watchlist", "text": "Drift watchlist"})
    if actor.la_ids(CHALLENGE_READERS):
        items.append({"href": "/challenges", "text": "IRO challenges", "section": "/challenges"})
    return items


def header(request: Request) -> dict[str, Any]:
    actor: Actor | None = request.scope.get(ACTOR)
    path = request.url.path
    links = navigation(actor)
    # The most specific link the page is under is the active one (/business-support/chasing, not /business-support too).
    under = [item for item in links if path.startswith(item.get("section", item["href"]))]
    active = max(under, key=lambda item: len(item.get("section", item["href"])), default=None)
    items = [item | {"active": item is active} for item in links]
    return {"me": actor.name if actor else None, "navigation": items, "service_name": SERVICE_NAME}


def make_templates(assets: Assets) -> Jinja2Templates:
    templates = Jinja2Templates(directory=ROOT / "templates", context_processors=[header])
    templates.env.loader = ChoiceLoader([
        FileSystemLoader(ROOT / "templates"),
        PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja")}),
    ])
    templates.env.globals["asset"] = assets.url
    return templates
