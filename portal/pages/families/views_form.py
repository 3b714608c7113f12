"""GET /views/{link}: the child's questions (words, pictures, a drawing), for the child or advocate the link was
sent to once they have typed its code; POST sends them (SubmitChildViews) and shows /views/{link}/sent.
Any other link, an expired one, or someone else's is "not found"."""

from typing import Any

from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.templating import Jinja2Templates

from portal.edge.context import require_actor
from portal.edge.operations import run_mutation, run_query
from portal.edge.routes import OperationRoute
from portal.families.child_views import MAX_ANSWER
from portal.ids import parse_id
from portal.pages.forms import FormErrors, form_errors

NOT_FOUND = "This link does not work. Ask your social worker for a new one."
ANSWERS = ("goingWell", "worries", "wishes", "whoThere")
FIELDS = {("input", name): name for name in (*ANSWERS, "pictures", "drawing")}
MAX_TYPED = 20_000  # more than an answer may hold, so the error can say how long it was


def views_routes(templates: Jinja2Templates) -> list[OperationRoute]:
    def not_found(request: Request) -> Response:
        return templates.TemplateResponse(request, "message.html", {"title": "Page not found", "message": NOT_FOUND}, status_code=404)

    async def load(request: Request) -> tuple[dict[str, Any], list[dict[str, str]]] | None:
        require_actor(request)
        wanted = str(parse_id(request.path_params["link_id"]))
        data = await run_query(request, "ChildViewsPage", {})
        found = next((r for r in data["childViewsRequests"] if r["id"] == wanted), None)
        return (found, data["childPictures"]) if found else None

    def render(request: Request, found: tuple[dict[str, Any], list[dict[str, str]]], errors: FormErrors = FormErrors(),
               entered: dict[str, Any] | None = None) -> Response:
        link, pictures = found
        return templates.TemplateResponse(request, "families/views_form.html", {
            "link": link, "pictures": pictures, "errors": errors, "entered": entered or {"pictures": []}, "max_answer": MAX_ANSWER,
        })

    async def page(request: Request) -> Response:
        found = await load(request)
        return render(request, found) if found else not_found(request)

    async def send(request: Request) -> Response:
        found = await load(request)
        if found is None:
            return not_found(request)
        async with request.form(max_files=1, max_fields=30) as form:
            entered: dict[str, Any] = {name: str(form.get(name, ""))[:MAX_TYPED] for name in ANSWERS}
            entered["pictures"] = [str(p)[:50] for p in form.getlist("pictures")[:50]]
            file = form.get("drawing")
            drawing = file if isinstance(file, UploadFile) and file.filename else None
            payload = await run_mutation(request, "SubmitChildViews", {"input": {"linkId": found[0]["id"], **entered, "drawing": drawing}})
        if payload["errors"]:
            return render(request, found, form_errors(payload["errors"], FIELDS, "goingWell"), entered)
        return RedirectResponse(f"/views/{found[0]['id']}/sent", status_code=303)

    async def sent(request: Request) -> Response:
        found = await load(request)
        if found is None:
            return not_found(request)
        return templates.TemplateResponse(request, "families/views_sent.html", {"link": found[0]})

    return [
        OperationRoute("/views/{link_id}", page, operations=("ChildViewsPage",), methods=["GET"]),
        OperationRoute("/views/{link_id}", send, operations=("ChildViewsPage", "SubmitChildViews"), methods=["POST"]),
        OperationRoute("/views/{link_id}/sent", sent, operations=("ChildViewsPage",), methods=["GET"]),
    ]
