"""How long the claim drop-down's query takes with a large catalogue.

Run on demand: .venv/bin/pytest benchmarks/bench_claimable_events.py -s
(add DATABASE_URL=... for PostgreSQL). Prints figures; asserts nothing about
speed.
"""

import datetime
import time
from decimal import Decimal

import pytest
from django.db import connection
from django.utils import timezone

from credits.forms import ClaimChoiceForm
from credits.models import Credit
from events.models import Category, Event, Registration
from tests.conftest import make_person

EVENTS = 5000
CREDITS = 100


@pytest.mark.django_db
@pytest.mark.parametrize("events_count", [300, EVENTS])
def test_claim_drop_down_with_a_large_catalogue(events_count):
    person = make_person("bench@example.org")
    category = Category.objects.first()
    now = timezone.now()
    events = Event.objects.bulk_create(
        Event(
            title=f"Event {number}",
            kind="webinar",
            sponsor="Montana State Library",
            begins_at=now - datetime.timedelta(hours=number + 1),
            ends_at=now - datetime.timedelta(hours=number),
            credit_value=Decimal(1),
            category=category,
        )
        for number in range(events_count)
    )
    Credit.objects.bulk_create(
        Credit(
            person=person,
            event=event,
            source="claim",
            earned_on=event.ends_at.date(),
            category=category,
            value=Decimal(1),
        )
        for event in events[:CREDITS]
    )
    Registration.objects.bulk_create(
        Registration(person=person, event=event)
        for event in events[CREDITS : 2 * CREDITS]
    )

    if connection.vendor == "postgresql":
        # Fresh tables have no statistics until autovacuum runs; without them
        # the planner picks nested loops that production would not.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    timings = []
    for _ in range(5):
        started = time.perf_counter()
        form = ClaimChoiceForm(person=person)
        timings.append(time.perf_counter() - started)

    print(
        f"\n{connection.vendor}: {events_count} catalogue events that ended in the"
        f" last {events_count // 24 + 1} days, {CREDITS} claimed, {CREDITS}"
        f" registered: {len(form.events)} offered;"
        f" best of 5 {min(timings) * 1000:.1f} ms, worst {max(timings) * 1000:.1f} ms"
    )
