"""Catalogue events ahead of today, and moving one into the past once people
registered (registration closes when an event begins)."""

import datetime
from decimal import Decimal

from django.utils import timezone

from events.models import Event
from tests.conftest import category


def upcoming_event(title="Trustee Essentials", *, days=10, code="LA", **fields):
    begins_at = timezone.now() + datetime.timedelta(days=days)
    return Event.objects.create(
        title=title,
        kind=fields.pop("kind", Event.Kind.WORKSHOP),
        sponsor=fields.pop("sponsor", "Montana State Library"),
        begins_at=begins_at,
        ends_at=fields.pop("ends_at", begins_at + datetime.timedelta(hours=3)),
        credit_value=Decimal(fields.pop("credit_value", "3")),
        category=category(code),
        status=fields.pop("status", Event.Status.OPEN),
        **fields,
    )


def move_into_the_past(event):
    """The event took place yesterday; its credits keep their dates."""
    begins_at = timezone.now() - datetime.timedelta(days=1)
    Event.objects.filter(pk=event.pk).update(
        begins_at=begins_at, ends_at=begins_at + datetime.timedelta(hours=3)
    )
    event.refresh_from_db()
    return event
