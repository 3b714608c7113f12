"""Signing in with an emailed code: /sign-in/email asks for the address, /sign-in/code for the code.

The answer to an address is the same whether or not it belongs to someone the portal knows.
"""

import logging
import re
from email.message import EmailMessage

from starlette.background import BackgroundTask
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from portal.edge.middleware import session_of
from portal.edge.routes import EdgeRoute
from portal.identity.codes import MAX_ATTEMPTS, Refusal, active_person, issue_code, normalise_email, redeem_code
from portal.identity.cookies import pending, set_pending
from portal.identity.events import Event, record
from portal.identity.mail import code_message
from portal.identity.signing_in import SignIn, client_address, finish_sign_in
from portal.reminders.smtp import DeliveryFailed
from portal.unit_of_work import commit_identity_change

log = logging.getLogger(__name__)

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
METHOD = "email-code"
BAD_ADDRESS = "Enter an email address in the right format, like name@example.org."
TOO_MANY_REQUESTS = "Too many codes have been asked for. Wait 15 minutes, then try again."
BAD_CODE = "Enter the six-digit code from the email."
REFUSALS = {
    Refusal.WRONG_CODE: "That code is not right. Check the email and try again.",
    Refusal.NO_CODE: "That code has expired or has been used. Ask for a new code.",
    Refusal.TOO_MANY_ATTEMPTS: f"The code was entered wrongly {MAX_ATTEMPTS} times, so it no longer works. Ask for a new code.",
}


def code_routes(sign_in: SignIn) -> list[EdgeRoute]:
    key = sign_in.settings.secret_key

    async def send(person_id: int, message: EmailMessage) -> None:
        try:
            await sign_in.mailer.send(message)
        except DeliveryFailed as error:
            log.error("sign-in code for person %s not sent: %s", person_id, error)

    async def email_form(request: Request) -> Response:
        return sign_in.page(request, "email")

    async def ask_for_code(request: Request) -> Response:
        typed = str((await request.form()).get("email", ""))[:400]
        email = normalise_email(typed)
        if len(email) > 320 or not EMAIL.match(email):
            return sign_in.page(request, "email", error=BAD_ADDRESS, email=typed)
        db = session_of(request)
        client = client_address(request)
        if not await sign_in.limits.allow_code_request(email, client):
            record(db, Event.RATE_LIMITED, email=email, method=METHOD, client_address=client, detail="code request")
            await commit_identity_change(db, request, None)
            return sign_in.page(request, "email", 429, error=TOO_MANY_REQUESTS, email=typed)
        person = await active_person(db, email)
        response = RedirectResponse("/sign-in/code", status_code=303)
        if person is None:
            record(db, Event.CODE_FOR_UNKNOWN_ADDRESS, email=email, method=METHOD, client_address=client)
            await commit_identity_change(db, request, None)
        else:
            code = await issue_code(db, person.id, key)
            record(db, Event.CODE_REQUESTED, person_id=person.id, email=email, method=METHOD, client_address=client)
            await commit_identity_change(db, request, person.id)
            # Sent after the answer, so a known address is not answered more slowly than an unknown one.
            response.background = BackgroundTask(send, person.id, code_message(person.email, code, sign_in.settings.smtp_sender))
        set_pending(response, request, key, email=email)
        return response

    async def code_form(request: Request) -> Response:
        email = pending(request, key).get("email")
        if not email:
            return RedirectResponse("/sign-in/email", status_code=303)
        return sign_in.page(request, "code", email=email)

    async def check_code(request: Request) -> Response:
        email = pending(request, key).get("email")
        if not email:
            return RedirectResponse("/sign-in/email", status_code=303)
        code = str((await request.form()).get("code", "")).strip().replace(" ", "")
        if not re.fullmatch(r"\d{6}", code):
            return sign_in.page(request, "code", email=email, error=BAD_CODE)
        db = session_of(request)
        client = client_address(request)
        if not await sign_in.limits.allow_code_check(client):
            record(db, Event.RATE_LIMITED, email=email, method=METHOD, client_address=client, detail="code check")
            await commit_identity_change(db, request, None)
            return sign_in.page(request, "code", 429, email=email, error=TOO_MANY_REQUESTS)
        redeemed = await redeem_code(db, email, code, key)
        if redeemed.refusal is not None:
            record(db, Event.CODE_REFUSED, person_id=redeemed.person_id, email=email, method=METHOD, client_address=client, detail=redeemed.refusal)
            await commit_identity_change(db, request, redeemed.person_id)
            return sign_in.page(request, "code", email=email, error=REFUSALS[redeemed.refusal])
        assert redeemed.person_id is not None
        return await finish_sign_in(request, db, sign_in, redeemed.person_id, METHOD, email)

    return [
        EdgeRoute("/sign-in/email", email_form, methods=["GET"]),
        EdgeRoute("/sign-in/email", ask_for_code, methods=["POST"]),
        EdgeRoute("/sign-in/code", code_form, methods=["GET"]),
        EdgeRoute("/sign-in/code", check_code, methods=["POST"]),
    ]
