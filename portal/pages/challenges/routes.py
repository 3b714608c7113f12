"""IRO challenges' pages:
GET /challenges: an IRO's open challenges, and those awaiting the reader's answer (managers);
GET and POST /challenges/new?child=N[&conference=M]: an IRO raises one on a child's case;
GET /challenges/{id}: the challenge and every stage, with the forms the reader may use:
POST /challenges/{id}/respond (the person asked), /escalate and /close (the LA's IROs);
GET /challenges/overview: the head of service's and IRO manager's counts by reason, stage reached and
outcome, and every challenge, filtered. Anyone else gets "not found", as for a challenge that does not exist."""

from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.templating import Jinja2Templates

from portal.access.challenge_actions import MANAGERS, OVERVIEW
from portal.edge.context import require_actor
from portal.edge.operations import run_mutation, run_query
from portal.edge.routes import OperationRoute
from portal.enums import Role
from portal.identity import Actor
from portal.ids import parse_id
from portal.pages.forms import FormErrors, form_errors
from portal.pages.guardians.views import govuk_date

NOT_FOUND = "There is no challenge here for you: challenges are for the independent reviewing officers and managers of the child's local authority."
KINDS = {"ALERT": "Alert", "FORMAL": "Formal challenge"}
OUTCOMES = {"RESOLVED": "Resolved", "UPHELD": "Upheld", "NOT_UPHELD": "Not upheld"}
STATES = {"AWAITING_RESPONSE": "Awaiting an answer", "AWAITING_IRO": "Not upheld: with the IRO", "CLOSED": "Closed"}
ONE = "/challenges/{challenge_id}"


def _la(actor: Actor, roles: frozenset[Role]) -> int | None:
    found = sorted(actor.la_ids(roles))
    return found[0] if found else None


def _fields(form: Any) -> dict[str, str]:
    return {k: str(v).strip() for k, v in form.items() if not isinstance(v, list)}


def challenge_routes(templates: Jinja2Templates) -> list[OperationRoute]:
    templates.env.filters.update(govuk_date=govuk_date)
    templates.env.globals.update(CHALLENGE_KINDS=KINDS, CHALLENGE_OUTCOMES=OUTCOMES, CHALLENGE_STATES=STATES)

    def not_found(request: Request) -> Response:
        return templates.TemplateResponse(request, "message.html", {"title": "Page not found", "message": NOT_FOUND}, status_code=404)

    async def listing(request: Request) -> Response:
        actor = require_actor(request)
        if _la(actor, frozenset({Role.CHAIR}) | MANAGERS) is None:
            return not_found(request)
        found = await run_query(request, "ChallengesPage", {})
        return templates.TemplateResponse(request, "challenges/list.html", {
            **found, "iro": _la(actor, frozenset({Role.CHAIR})) is not None, "manager": _la(actor, MANAGERS) is not None,
            "overview": _la(actor, OVERVIEW) is not None,
        })

    # Raising

    async def raising_page(request: Request, child: str) -> dict[str, Any] | None:
        la = _la(require_actor(request), frozenset({Role.CHAIR}))
        number = parse_id(child)
        if la is None or number is None:
            return None
        found = await run_query(request, "RaiseChallengePage", {"child": str(number), "la": str(la)})
        return found if found["child"] is not None and found["challengeStages"] else None

    def responders(stages: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Everyone who may be asked at one of the stages, once each, with the stages they answer."""
        seen: dict[str, dict[str, Any]] = {}
        for stage in stages:
            for person in stage["responders"]:
                seen.setdefault(person["id"], {"id": person["id"], "text": f"{person['name']}, {person['jobTitle']}".rstrip(", "), "stages": []})
                seen[person["id"]]["stages"].append(stage["name"])
        return list(seen.values())

    def render_raise(request: Request, found: dict[str, Any], typed: dict[str, Any], errors: FormErrors = FormErrors()) -> Response:
        return templates.TemplateResponse(request, "challenges/new.html", {
            **found, "typed": typed, "errors": errors, "responders": responders(found["challengeStages"]),
        })

    async def new_page(request: Request) -> Response:
        found = await raising_page(request, request.query_params.get("child", ""))
        if found is None:
            return not_found(request)
        typed = {"kind": "", "reasons": [], "other": "", "sought": "", "stage": found["challengeStages"][0]["id"], "responder": "",
                 "conference": request.query_params.get("conference", "")}
        return render_raise(request, found, typed)

    async def raise_(request: Request) -> Response:
        form = await request.form()
        fields = _fields(form)
        found = await raising_page(request, fields.get("child", ""))
        if found is None:
            return not_found(request)
        typed = {"kind": fields.get("kind", ""), "reasons": [str(r) for r in form.getlist("reasons")], "other": fields.get("other-reason", ""),
                 "sought": fields.get("resolution-sought", ""), "stage": fields.get("stage", ""), "responder": fields.get("responder", ""),
                 "conference": fields.get("conference", "")}
        if typed["kind"] not in KINDS:
            return render_raise(request, found, typed, FormErrors.one("kind", "Choose whether this is an alert or a formal challenge"))
        inputs = {"childId": found["child"]["id"], "kind": typed["kind"], "reasons": typed["reasons"], "otherReason": typed["other"],
                  "resolutionSought": typed["sought"], "stage": typed["stage"] or None, "responderId": typed["responder"] or None,
                  "conferenceId": typed["conference"] or None}
        payload = await run_mutation(request, "RaiseChallenge", {"input": inputs})
        if payload["errors"]:
            places = {("input", "kind"): "kind", ("input", "reasons"): "reasons", ("input", "otherReason"): "other-reason",
                      ("input", "resolutionSought"): "resolution-sought", ("input", "stage"): "stage", ("input", "responderId"): "responder"}
            return render_raise(request, found, typed, form_errors(payload["errors"], places, "reasons"))
        return RedirectResponse(f"/challenges/{payload['challenge']['id']}?done=raised", status_code=303)

    # One challenge and its forms

    async def load(request: Request) -> dict[str, Any] | None:
        number = parse_id(request.path_params["challenge_id"])
        if number is None:
            return None
        return (await run_query(request, "ChallengePage", {"id": str(number)}))["challenge"]

    def render_one(request: Request, challenge: dict[str, Any], typed: dict[str, Any] | None = None, errors: FormErrors = FormErrors(),
                   form: str = "") -> Response:
        return templates.TemplateResponse(request, "challenges/challenge.html", {
            "challenge": challenge, "typed": typed or {}, "errors": errors, "form": form, "done": request.query_params.get("done", ""),
            "escalation_responders": responders(challenge["escalationOptions"]),
            "iro": bool(require_actor(request).la_ids(frozenset({Role.CHAIR}))),
        })

    async def one(request: Request) -> Response:
        challenge = await load(request)
        return render_one(request, challenge) if challenge else not_found(request)

    async def respond(request: Request) -> Response:
        challenge = await load(request)
        if challenge is None:
            return not_found(request)
        fields = _fields(await request.form())
        typed = {"outcome": fields.get("outcome", ""), "response": fields.get("response", "")}
        if typed["outcome"] not in OUTCOMES:
            return render_one(request, challenge, typed, FormErrors.one("outcome", "Choose whether the issue is resolved, upheld or not upheld"), "respond")
        payload = await run_mutation(request, "RespondToChallenge", {"input": {"challengeId": challenge["id"], **typed}})
        if payload["errors"]:
            places = {("input", "outcome"): "outcome", ("input", "response"): "response"}
            return render_one(request, challenge, typed, form_errors(payload["errors"], places, "response"), "respond")
        return RedirectResponse(f"/challenges/{challenge['id']}?done=answered", status_code=303)

    async def escalate(request: Request) -> Response:
        challenge = await load(request)
        if challenge is None:
            return not_found(request)
        fields = _fields(await request.form())
        typed = {"stage": fields.get("stage", ""), "responder": fields.get("responder", ""), "note": fields.get("note", "")}
        if not typed["stage"]:
            return render_one(request, challenge, typed, FormErrors.one("stage", "Choose the stage to escalate the challenge to"), "escalate")
        inputs = {"challengeId": challenge["id"], "stage": typed["stage"], "responderId": typed["responder"] or None, "note": typed["note"]}
        payload = await run_mutation(request, "EscalateChallenge", {"input": inputs})
        if payload["errors"]:
            places = {("input", "stage"): "stage", ("input", "responderId"): "responder", ("input", "note"): "note"}
            return render_one(request, challenge, typed, form_errors(payload["errors"], places, "stage"), "escalate")
        return RedirectResponse(f"/challenges/{challenge['id']}?done=escalated", status_code=303)

    async def close(request: Request) -> Response:
        challenge = await load(request)
        if challenge is None:
            return not_found(request)
        fields = _fields(await request.form())
        typed = {"closing-note": fields.get("closing-note", "")}
        payload = await run_mutation(request, "CloseChallenge", {"input": {"challengeId": challenge["id"], "note": typed["closing-note"]}})
        if payload["errors"]:
            return render_one(request, challenge, typed, form_errors(payload["errors"], {("input", "note"): "closing-note"}, "closing-note"), "close")
        return RedirectResponse(f"/challenges/{challenge['id']}?done=closed", status_code=303)

    # The head of service's overview

    async def overview(request: Request) -> Response:
        la = _la(require_actor(request), OVERVIEW)
        if la is None:
            return not_found(request)
        chosen = {key: request.query_params.get(key, "").strip()[:64] for key in ("reason", "stage", "outcome", "state")}
        where: dict[str, Any] = {}
        if chosen["reason"]:
            where["reason"] = chosen["reason"]
        if chosen["stage"]:
            where["stage"] = chosen["stage"]
        if chosen["outcome"] in OUTCOMES:
            where["outcome"] = chosen["outcome"]
        if chosen["state"] == "open":
            where["status"] = "OPEN"
        elif chosen["state"] == "over-limit":
            where["overLimit"] = True
        after = request.query_params.get("after") or None
        found = await run_query(request, "ChallengeOverviewPage", {"la": str(la), "filter": where, "after": after[:32] if after else None})
        if found["challengeSummary"] is None:
            return not_found(request)
        return templates.TemplateResponse(request, "challenges/overview.html", {**found, "chosen": chosen})

    return [
        OperationRoute("/challenges", listing, operations=("ChallengesPage",), methods=["GET"]),
        OperationRoute("/challenges/new", new_page, operations=("RaiseChallengePage",), methods=["GET"]),
        OperationRoute("/challenges/new", raise_, operations=("RaiseChallenge", "RaiseChallengePage"), methods=["POST"]),
        OperationRoute("/challenges/overview", overview, operations=("ChallengeOverviewPage",), methods=["GET"]),
        OperationRoute(ONE, one, operations=("ChallengePage",), methods=["GET"]),
        OperationRoute(f"{ONE}/respond", respond, operations=("RespondToChallenge", "ChallengePage"), methods=["POST"]),
        OperationRoute(f"{ONE}/escalate", escalate, operations=("EscalateChallenge", "ChallengePage"), methods=["POST"]),
        OperationRoute(f"{ONE}/close", close, operations=("CloseChallenge", "ChallengePage"), methods=["POST"]),
    ]
