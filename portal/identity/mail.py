"""The email that carries a sign-in code; sent the way reminders are (SMTP or GOV.UK Notify)."""

from email.message import EmailMessage

from portal.identity.codes import LIFETIME


def code_message(to: str, code: str, sender: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = "Your sign-in code for the conference portal"
    message.set_content(
        f"Your sign-in code is {code}\n\n"
        f"It works once, for {int(LIFETIME.total_seconds() // 60)} minutes. If you did not ask for it, you can ignore this email.\n"
    )
    return message
