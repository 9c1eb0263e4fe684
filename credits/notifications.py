"""Emails to a person about their credits. A failed email never undoes a
decision: it is logged, and the decision stands."""

import logging

from django.core.mail import send_mail
from django.template.loader import render_to_string

from credits.models import Credit

logger = logging.getLogger(__name__)


def notify_decision(decision):
    credit = decision.credit
    approved = decision.to_status == Credit.Status.APPROVED
    if approved and not credit.email_on_assigned:
        return
    if decision.to_status not in (Credit.Status.APPROVED, Credit.Status.DENIED):
        return
    template = "assigned" if approved else "denied"
    context = {"decision": decision, "credit": credit, "person": credit.person}
    subject = render_to_string(f"credits/email/{template}_subject.txt", context)
    body = render_to_string(f"credits/email/{template}_body.txt", context)
    try:
        send_mail(subject.strip(), body, None, [credit.person.email])
    except OSError:
        logger.exception(
            "Could not send the %s email for credit %s", template, credit.pk
        )
