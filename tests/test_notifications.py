"""Emails about decisions go through the outbox: a mail server that fails
never undoes or blocks a decision; the failure is logged, and the retry
command sends each email exactly once."""

import smtplib
from datetime import date
from decimal import Decimal

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.urls import reverse

from aspen_ce import mail as outbox
from aspen_ce.models import OutboundEmail
from credits import services
from credits.models import Credit, Decision
from credits.notifications import decision_email_kind
from tests.conftest import category, make_credit

LOCMEM = "django.core.mail.backends.locmem.EmailBackend"


class RefusingBackend(BaseEmailBackend):
    """A mail server that is down."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


def pending(person, *, email=False, title="Genealogy basics", value="2"):
    credit = make_credit(
        person,
        on=date(2025, 5, 1),
        status="pending",
        source=Credit.Source.CLAIM,
        title=title,
        value=value,
    )
    Credit.objects.filter(pk=credit.pk).update(email_on_assigned=email)
    credit.refresh_from_db()
    return credit


@pytest.mark.django_db
def test_an_smtp_failure_during_approval_leaves_the_decision_and_the_retry_sends_once(
    client, settings, caplog, robin, dana, django_capture_on_commit_callbacks
):
    credit = pending(dana, email=True)
    client.force_login(robin)
    settings.EMAIL_BACKEND = "tests.test_notifications.RefusingBackend"

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:credits_credit_approve", args=[credit.pk]), {"value": "2"}
        )

    assert response.status_code == 302
    credit.refresh_from_db()
    assert credit.status == "approved"
    assert Decision.objects.filter(credit=credit, to_status="approved").exists()
    email = OutboundEmail.objects.get()
    assert (email.sent_at, email.attempts, email.to) == (None, 1, "dana@example.org")
    assert "SMTPServerDisconnected" in email.last_error
    assert f"Could not send outbound email {email.pk} (attempt 1)" in caplog.text
    assert "dana@example.org" not in caplog.text

    settings.EMAIL_BACKEND = LOCMEM
    call_command("send_queued_email", stdout=None)
    call_command("send_queued_email", stdout=None)

    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Your CE credit is assigned: Genealogy basics"
    email.refresh_from_db()
    assert (email.sent_at is not None, email.attempts) == (True, 2)


@pytest.mark.django_db
def test_the_retry_command_says_what_it_sent(settings, capsys):
    settings.EMAIL_BACKEND = LOCMEM
    OutboundEmail.objects.create(to="a@example.org", subject="One", body="x")
    OutboundEmail.objects.create(to="b@example.org", subject="Two", body="x")

    call_command("send_queued_email")

    assert capsys.readouterr().out.startswith("Sent 2 queued email(s); 0 still unsent")
    assert [m.subject for m in mail.outbox] == ["One", "Two"]


@pytest.mark.django_db
def test_an_email_that_keeps_failing_is_given_up_after_the_last_attempt(settings):
    settings.EMAIL_BACKEND = "tests.test_notifications.RefusingBackend"
    email = OutboundEmail.objects.create(
        to="a@example.org", subject="One", body="x", attempts=outbox.MAX_ATTEMPTS - 1
    )

    assert outbox.email_retry() == (0, 1)
    assert outbox.email_retry() == (0, 1)

    email.refresh_from_db()
    assert email.attempts == outbox.MAX_ATTEMPTS


@pytest.mark.django_db
def test_a_sent_email_is_never_sent_again(settings):
    settings.EMAIL_BACKEND = LOCMEM
    email = OutboundEmail.objects.create(to="a@example.org", subject="One", body="x")

    assert outbox.email_send(email_id=email.pk) is True
    assert outbox.email_send(email_id=email.pk) is False
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_the_email_is_queued_in_the_decisions_transaction(
    robin, dana, django_capture_on_commit_callbacks
):
    credit = pending(dana)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.credit_decide(
            credit=credit, by=robin, status="denied", reason="Duplicate"
        )

    # Written with the decision, sent only once the decision is committed.
    assert OutboundEmail.objects.get().sent_at is None
    assert mail.outbox == []
    assert len(callbacks) == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("asked", "status", "value", "code", "expected"),
    [
        (True, "approved", "2", "LA", "assigned"),
        (False, "approved", "2", "LA", None),
        (False, "approved", "1", "LA", "assigned"),
        (False, "approved", "2", "TECH", "assigned"),
        (False, "denied", None, None, "denied"),
        (True, "void", None, None, None),
        (True, "withdrawn", None, None, None),
    ],
)
def test_which_email_a_decision_on_a_pending_credit_calls_for(
    robin, dana, asked, status, value, code, expected
):
    credit = pending(dana, email=asked, value="2")

    decision = services.credit_decide(
        credit=credit,
        by=robin,
        status=status,
        reason="Because",
        value=Decimal(value) if value else None,
        category=category(code) if code else None,
    )

    assert decision_email_kind(decision) == expected
    assert OutboundEmail.objects.count() == (0 if expected is None else 1)


@pytest.mark.django_db
@pytest.mark.parametrize("status", ["approved", "denied"])
def test_every_correction_calls_for_an_email(robin, dana, status):
    credit = pending(dana, email=False)
    services.credit_decide(credit=credit, by=robin, status="approved")

    decision = services.credit_correct(
        credit=credit,
        by=robin,
        status=status,
        value=Decimal(1) if status == "approved" else None,
        reason="Checked the certificate",
    )

    assert decision_email_kind(decision) == "corrected"
    assert OutboundEmail.objects.get().subject == (
        "Your CE credit was corrected: Genealogy basics"
    )


@pytest.mark.django_db
def test_subject_shows_the_title_as_typed_not_html_escaped(
    robin, dana, django_capture_on_commit_callbacks
):
    credit = pending(dana, email=True, title="Dana's <b>county</b> course")

    with django_capture_on_commit_callbacks(execute=True):
        services.credit_decide(credit=credit, by=robin, status="approved")

    [message] = mail.outbox
    assert message.subject == "Your CE credit is assigned: Dana's <b>county</b> course"


@pytest.mark.django_db
def test_attendance_marked_then_corrected_sends_one_email_per_decision(
    robin, sam, django_capture_on_commit_callbacks
):
    from credits import registrations
    from tests.events_helpers import move_into_the_past, upcoming_event

    event = upcoming_event("Weeding with confidence")
    registration, _ = registrations.registration_create(person=sam, event=event)
    move_into_the_past(event)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        registrations.attendance_mark(
            registration=registration, attendance="attended", by=robin
        )
    registration.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        registrations.attendance_mark(
            registration=registration, attendance="missed", by=robin
        )

    # Attended needs no email (the box was not ticked); the correction to
    # missed always sends one, once.
    assert [m.subject for m in mail.outbox] == [
        "Your CE credit was corrected: Weeding with confidence"
    ]
    assert OutboundEmail.objects.count() == 1
