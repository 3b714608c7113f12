"""GET /invitations/{id}: what an invited organisation must do, and where reminder emails lead."""

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.templating import Jinja2Templates

from portal.api.context import Context
from portal.api.view import resolve_actor, sign_in_message
from portal.db import Database
from portal.pages.operations import run_operation


def invitation_route(database: Database, templates: Jinja2Templates) -> Route:
    async def page(request: Request) -> Response:
        state = request.app.state
        async with database.session() as session:
            actor = await resolve_actor(request, session, state.settings)
            await session.commit()
            if actor is None:
                return templates.TemplateResponse(request, "message.html", {"title": "Sign in", "message": sign_in_message(state.settings)}, status_code=401)
            context = Context(actor=actor, session=session, agencies=state.agencies, settings=state.settings, rules=state.rules, request=request)
            data = await run_operation(request, context, "InvitationPage", {"id": request.path_params["invitation_id"]})
        invitation = data["invitation"]
        if invitation is None:
            message = "There is no invitation with that number, or it is not one you may see."
            return templates.TemplateResponse(request, "message.html", {"title": "Invitation not found", "message": message}, status_code=404)
        own = actor.organisation_id == int(invitation["organisation"]["id"])
        return templates.TemplateResponse(request, "invitation.html", {"invitation": invitation, "can_upload": own and actor.is_contributor})

    return Route("/invitations/{invitation_id}", page)
