"""Reminder emails. They carry a link, the due time and the organisation, never anything about a child."""

from email.message import EmailMessage
from zoneinfo import ZoneInfo

from portal.reminders.planning import Reminder, ReminderKind


def _when(reminder: Reminder, zone: ZoneInfo) -> str:
    local = reminder.due_at.astimezone(zone)
    return f"{local:%A} {local.day} {local:%B %Y} at {local:%H:%M}"


def compose(reminder: Reminder, portal_url: str, sender: str, zone: ZoneInfo) -> EmailMessage:
    link = f"{portal_url.rstrip('/')}{reminder.link_path}"
    when = _when(reminder, zone)
    if reminder.kind is ReminderKind.BEFORE_DUE:
        subject = f"Conference report due {when}"
        body = (
            f"A conference report from {reminder.organisation_name} is due by {when}.\n\n"
            f"Sign in to write or submit it:\n{link}\n"
        )
    elif reminder.kind.value.startswith("CHALLENGE_"):
        from portal.challenges.reminders import challenge_email

        subject, body = challenge_email(reminder, link)
    elif reminder.kind is ReminderKind.OVERDUE:
        subject = "Conference report overdue"
        body = (
            f"A conference report from {reminder.organisation_name} was due by {when} and has not been submitted.\n\n"
            f"Sign in to submit it as soon as you can:\n{link}\n"
        )
    elif reminder.kind is ReminderKind.CHILD_VIEWS:
        subject = "Tell us what you think"
        body = (
            "You have been asked to share what you think before a meeting.\n\n"
            f"Open this link, then type the code you were given:\n{link}\n\nThe link works until {when}.\n"
        )
    elif reminder.kind is ReminderKind.FAMILY_NOTICE:
        subject = "There is something new for you in the conference portal"
        body = f"There is something new for you to see about a meeting.\n\nSign in with your email address to see it:\n{link}\n"
    else:
        subject = "A conference you chair is not ready"
        body = (
            f"A conference you chair on {when} has checks that are not met or at risk.\n\n"
            f"Sign in to see what is needed and who must act:\n{link}\n"
        )
    message = plain_message(sender, reminder.to, subject, body + "\nThis message was sent automatically by the conference portal. "
                            "It contains no personal details; everything is behind the link.\n")
    message["X-Reminder-Key"] = reminder.key
    return message


def plain_message(sender: str, to: str, subject: str, body: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    message.set_content(body)
    return message
