"""The outbox: an email is stored with the change it tells about, sent once
that change commits, and retried by ``manage.py send_queued_email`` when the
mail server refused it. A failed send never undoes or blocks the change."""

import logging

from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from aspen_ce.models import OutboundEmail

logger = logging.getLogger(__name__)

# After this many failures an email needs a person to look at it.
MAX_ATTEMPTS = 10


def email_queue(*, to, subject, body):
    """Store an email and send it once the current transaction commits."""
    email = OutboundEmail.objects.create(
        to=to, subject=" ".join(subject.split()), body=body
    )
    transaction.on_commit(lambda: email_send(email_id=email.pk))
    return email


def email_send(*, email_id):
    """Send one stored email unless it is sent already; True when sent now.

    The row stays locked while it is sent, so the page that queued it and the
    retry command never both send it (skip_locked: the second one passes).
    """
    with transaction.atomic():
        email = (
            OutboundEmail.objects.select_for_update(skip_locked=True)
            .filter(pk=email_id, sent_at__isnull=True)
            .first()
        )
        if email is None:
            return False

        email.attempts += 1
        email.last_attempt_at = timezone.now()
        try:
            send_mail(email.subject, email.body, None, [email.to])
        except Exception as error:
            # Any failure of the mail server or backend: kept for the retry.
            logger.exception(
                "Could not send outbound email %s (attempt %s)",
                email.pk,
                email.attempts,
            )
            email.last_error = f"{type(error).__name__}: {error}"[:1000]
        else:
            email.sent_at = timezone.now()
            email.last_error = ""
        email.save(
            update_fields=["attempts", "last_attempt_at", "sent_at", "last_error"]
        )
    return email.sent_at is not None


def email_retry():
    """Try again every unsent email; the counts of sent and still unsent."""
    waiting = OutboundEmail.objects.filter(
        sent_at__isnull=True, attempts__lt=MAX_ATTEMPTS
    ).values_list("pk", flat=True)
    sent = sum(email_send(email_id=pk) for pk in list(waiting))
    unsent = OutboundEmail.objects.filter(sent_at__isnull=True).count()
    return sent, unsent
