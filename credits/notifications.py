"""Emails to a person about decisions on their credits.

The person gets the credit-assigned email when they asked for it, and always
an email when a credit is denied or corrected, with the reason. Emails go
through the outbox (aspen_ce.mail): written with the decision, sent after it
commits; a failed send is logged and retried, and never undoes the decision.
"""

from django.template.loader import render_to_string

from aspen_ce.mail import email_queue
from credits.models import Credit


def decision_email_kind(decision):
    """Which email a decision calls for: "assigned", "denied", "corrected" or
    None (no email)."""
    decided = (Credit.Status.APPROVED, Credit.Status.DENIED)
    changed = (
        decision.from_value != decision.to_value
        or decision.from_category_id != decision.to_category_id
    )
    if decision.from_status in decided:
        return "corrected"
    if decision.to_status == Credit.Status.DENIED:
        return "denied"
    approved = decision.to_status == Credit.Status.APPROVED
    if approved and (changed or decision.credit.email_on_assigned):
        return "assigned"
    return None


def notify_decision(decision):
    """Queue the email a decision calls for, if any; call inside the decision's
    transaction."""
    kind = decision_email_kind(decision)
    if kind is None:
        return None
    credit = decision.credit
    context = {"decision": decision, "credit": credit, "person": credit.person}
    return email_queue(
        to=credit.person.email,
        subject=render_to_string(f"credits/email/{kind}_subject.txt", context),
        body=render_to_string(f"credits/email/{kind}_body.txt", context),
    )
