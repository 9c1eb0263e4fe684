"""The day-before reminder: run every hour, each reminder goes out once."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from credits import registrations
from events.models import Registration
from tests.events_helpers import upcoming_event

pytestmark = pytest.mark.django_db


def run():
    out = io.StringIO()
    call_command("send_event_reminders", stdout=out)
    return out.getvalue().strip()


def test_reminder_command_run_twice_sends_each_reminder_once(sam, dana, terry):
    tomorrow = upcoming_event(title="Tomorrow's webinar", days=0.8)
    later = upcoming_event(title="Next week's workshop", days=7)
    registrations.registration_create(person=sam, event=tomorrow)
    registrations.registration_create(person=dana, event=tomorrow)
    registrations.registration_create(person=terry, event=later)
    mail.outbox.clear()

    assert run() == "2 reminder(s) sent."
    assert run() == "0 reminder(s) sent."

    assert sorted(m.to[0] for m in mail.outbox) == [dana.email, sam.email]
    assert all(
        m.subject.startswith("Reminder: Tomorrow's webinar") for m in mail.outbox
    )
    assert Registration.objects.filter(reminded_at__isnull=False).count() == 2


def test_no_reminder_for_a_cancelled_registration_or_the_waiting_list(sam, dana):
    event = upcoming_event(days=0.5, capacity=1)
    first, _ = registrations.registration_create(person=sam, event=event)
    registrations.registration_create(person=dana, event=event)
    Registration.objects.filter(pk=first.pk).update(status="cancelled")
    mail.outbox.clear()

    assert run() == "0 reminder(s) sent."
    assert mail.outbox == []


def test_an_event_that_has_begun_gets_no_reminder(sam):
    event = upcoming_event(days=1)
    registrations.registration_create(person=sam, event=event)
    event.begins_at = timezone.now() - datetime.timedelta(minutes=5)
    event.save()
    mail.outbox.clear()

    assert run() == "0 reminder(s) sent."


def test_a_failed_email_is_tried_again_at_the_next_run(sam, monkeypatch):
    event = upcoming_event(days=0.5)
    registrations.registration_create(person=sam, event=event)
    mail.outbox.clear()

    def broken(*args, **kwargs):
        raise OSError("mail server down")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", broken)
    assert run() == "0 reminder(s) sent."
    monkeypatch.undo()

    assert run() == "1 reminder(s) sent."
    assert len(mail.outbox) == 1
