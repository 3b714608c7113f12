"""Reminders to invitees and chairs: what to send and when, how it reads, and delivery over SMTP."""

from portal.reminders.emails import compose
from portal.reminders.planning import (
    Invitee,
    Reminder,
    ReminderKind,
    due_now,
    plan_chair_alert,
    plan_invitee_reminders,
)
from portal.reminders.smtp import DeliveryFailed, SmtpSender, SmtpSettings

__all__ = [
    "DeliveryFailed",
    "Invitee",
    "Reminder",
    "ReminderKind",
    "SmtpSender",
    "SmtpSettings",
    "compose",
    "due_now",
    "plan_chair_alert",
    "plan_invitee_reminders",
]
