"""Changes to events' registrations that need no credit: reminders."""

import datetime
import logging

from django.utils import timezone

from events.models import Registration
from events.notifications import send_reminder

logger = logging.getLogger(__name__)

REMINDER_AHEAD = datetime.timedelta(hours=24)


def reminders_send(*, now=None):
    """Remind each registered person of an event that begins within a day.

    Safe to run every hour, and even twice at once: a reminder is claimed by
    setting ``reminded_at`` where it is still empty, so each is sent once.
    A reminder whose email fails is released for the next run. Returns the
    number sent.
    """
    now = now or timezone.now()
    due = Registration.objects.filter(
        status=Registration.Status.REGISTERED,
        reminded_at__isnull=True,
        event__begins_at__gt=now,
        event__begins_at__lte=now + REMINDER_AHEAD,
    ).select_related("event__category", "person")
    sent = 0
    for registration in due:
        claimed = Registration.objects.filter(
            pk=registration.pk, reminded_at__isnull=True
        ).update(reminded_at=now)
        if not claimed:
            continue
        if send_reminder(registration):
            sent += 1
        else:
            Registration.objects.filter(pk=registration.pk).update(reminded_at=None)
    return sent
