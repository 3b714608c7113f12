"""What every way of signing in shares: what it needs, and how it ends (a session and its cookie)."""

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.templating import Jinja2Templates

from portal.edge.cookies import clear_cookie, read_cookie
from portal.held_forms.cookie import HELD_COOKIE, RESUME
from portal.identity.config import Providers
from portal.identity.cookies import PENDING_COOKIE, set_session_cookie
from portal.identity.events import Event, record
from portal.identity.oidc import OidcClients
from portal.identity.ratelimit import SignInLimits
from portal.identity.sessions import SessionPolicy, start_session
from portal.reminders.outbox import Sender
from portal.settings import Settings
from portal.unit_of_work import commit_identity_change


@dataclass
class SignIn:
    settings: Settings
    templates: Jinja2Templates
    providers: Providers
    policy: SessionPolicy
    limits: SignInLimits
    mailer: Sender
    oidc: OidcClients = field(default_factory=OidcClients)

    def page(self, request: Request, template: str, status_code: int = 200, **values: Any) -> Response:
        return self.templates.TemplateResponse(request, f"identity/{template}.html", values, status_code=status_code)

    def base_url(self, request: Request) -> str:
        """The portal's address as the browser reaches it (PORTAL_BASE_URL when set)."""
        return self.settings.base_url.rstrip("/") or str(request.base_url).rstrip("/")


def client_address(request: Request) -> str:
    return request.client.host if request.client else ""


async def finish_sign_in(request: Request, db: AsyncSession, sign_in: SignIn, person_id: int, method: str, email: str = "") -> Response:
    secret = await start_session(db, person_id, method, sign_in.policy, request.headers.get("user-agent", ""))
    record(db, Event.SIGNED_IN, person_id=person_id, email=email, method=method, client_address=client_address(request))
    await commit_identity_change(db, request, person_id)
    # A form post held while the person was signed out goes on to be sent; 307 keeps a POST a POST.
    held = read_cookie(request, HELD_COOKIE) is not None
    response = RedirectResponse(RESUME, status_code=307 if request.method == "POST" else 303) if held else RedirectResponse("/", status_code=303)
    set_session_cookie(response, request, secret)
    clear_cookie(response, request, PENDING_COOKIE)
    return response
