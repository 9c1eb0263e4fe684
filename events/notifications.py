"""Emails about a person's registrations. A failed email is logged and never
undoes the registration."""

import logging

from django.core.mail import EmailMessage
from django.template.loader import render_to_string

from events.calendar import calendar_of

logger = logging.getLogger(__name__)


def _send(template, registration, *, with_calendar):
    context = {
        "registration": registration,
        "event": registration.event,
        "person": registration.person,
    }
    subject = render_to_string(f"events/email/{template}_subject.txt", context)
    body = render_to_string(f"events/email/{template}_body.txt", context)
    message = EmailMessage(subject.strip(), body, None, [registration.person.email])
    if with_calendar:
        message.attach(
            "event.ics",
            calendar_of([registration.event], with_links=True),
            "text/calendar",
        )
    try:
        message.send()
    except OSError:
        logger.exception(
            "Could not send the %s email for registration %s",
            template,
            registration.pk,
        )
        return False
    return True


def send_registration_confirmation(registration):
    """Registered (with the event as an .ics file), or on the waiting list."""
    if registration.status == registration.Status.WAITING:
        return _send("waiting", registration, with_calendar=False)
    return _send("registered", registration, with_calendar=True)


def send_reminder(registration):
    return _send("reminder", registration, with_calendar=True)
