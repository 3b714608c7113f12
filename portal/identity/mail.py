"""The email that carries a sign-in code; sent the way reminders are (SMTP or GOV.UK Notify)."""

from email.message import EmailMessage

from portal.identity.codes import LIFETIME
from portal.reminders.emails import plain_message


def code_message(to: str, code: str, sender: str) -> EmailMessage:
    return plain_message(
        sender, to, "Your sign-in code for the conference portal",
        f"Your sign-in code is {code}\n\n"
        f"It works once, for {int(LIFETIME.total_seconds() // 60)} minutes. If you did not ask for it, you can ignore this email.\n",
    )
