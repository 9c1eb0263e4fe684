"""Every change to a credit goes through here, with its decision recorded."""

import logging

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from credits.models import Credit, Decision
from credits.notifications import notify_decision
from events.models import Event

logger = logging.getLogger(__name__)


class AlreadyDecided(Exception):
    """The credit left the pending state before this decision could be made."""

    def __init__(self, credit, decision):
        self.credit = credit
        self.decision = decision
        who = decision.decided_by if decision and decision.decided_by else "the system"
        super().__init__(
            f"“{credit.event.title}” was already {credit.get_status_display().lower()}"
            f" by {who}."
        )


def credit_create(*, person, event, source, email_on_assigned=False):
    """A pending credit for ``event``; refused when the person already has one."""
    try:
        with transaction.atomic():
            return Credit.objects.create(
                person=person,
                event=event,
                source=source,
                earned_on=event.ended_on,
                category=event.category,
                value=event.credit_value,
                email_on_assigned=email_on_assigned,
            )
    except IntegrityError:
        raise ValidationError(
            "You already have a credit for this event.", code="duplicate"
        ) from None


@transaction.atomic
def independent_event_create(*, person, email_on_assigned=False, **fields):
    """A person's own event, kept out of the catalogue, and its pending credit."""
    event = Event(
        submitted_by=person,
        in_catalogue=False,
        is_listed_for_claims=False,
        status=Event.Status.CLOSED,
        **fields,
    )
    event.full_clean()
    event.save()
    return credit_create(
        person=person,
        event=event,
        source=Credit.Source.NEW_EVENT,
        email_on_assigned=email_on_assigned,
    )


def credit_decide(*, credit, by, status, reason="", value=None, category=None):
    """Move a pending credit to ``status`` and record who decided, and why.

    The row is locked first, so of two reviewers deciding the same credit at
    once, the second sees the first one's decision and gets AlreadyDecided.
    """
    if status == Credit.Status.DENIED and not reason.strip():
        raise ValidationError({"reason": "Give the reason for the denial."})
    with transaction.atomic():
        locked = Credit.objects.select_for_update().get(pk=credit.pk)
        if locked.status != Credit.Status.PENDING:
            raise AlreadyDecided(locked, locked.decisions.first())
        decision = _record(
            locked, by=by, status=status, reason=reason, value=value, category=category
        )
        transaction.on_commit(lambda: notify_decision(decision))
    return decision


def _record(credit, *, by, status, reason, value, category):
    decision = Decision(
        credit=credit,
        decided_by=by,
        from_status=credit.status,
        to_status=status,
        from_value=credit.value,
        to_value=value if value is not None else credit.value,
        from_category=credit.category,
        to_category=category or credit.category,
        reason=reason.strip(),
    )
    decision.save()
    credit.status = decision.to_status
    credit.value = decision.to_value
    credit.category = decision.to_category
    credit.decided_at = decision.decided_at
    credit.save(update_fields=["status", "value", "category", "decided_at"])
    return decision


def credit_set_status(*, credit, by, status, reason, expected):
    """Move a credit from one of the ``expected`` statuses to ``status``.

    For the changes that follow a registration rather than a review: a
    cancellation voids the pending credit, registering again reopens it, and
    a corrected attendance mark reverses an earlier one. ``by`` is the person
    who caused the change. The decision is recorded like any other.
    """
    with transaction.atomic():
        locked = Credit.objects.select_for_update().get(pk=credit.pk)
        if locked.status not in expected:
            raise AlreadyDecided(locked, locked.decisions.first())
        decision = _record(
            locked, by=by, status=status, reason=reason, value=None, category=None
        )
        transaction.on_commit(lambda: notify_decision(decision))
    return decision
