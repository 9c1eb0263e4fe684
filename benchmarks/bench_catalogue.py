"""Speed of the catalogue and of registering, on a catalogue of a few
thousand events. Run on demand (not part of the test suite):

    .venv/bin/pytest benchmarks/bench_catalogue.py -s -p no:randomly
"""

import datetime
import statistics
import time
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from credits import registrations
from events.models import Category, Event
from tests.conftest import make_person

EVENTS = 5000


def timed(call, runs=20):
    figures = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        figures.append((time.perf_counter() - start) * 1000)
    return statistics.median(figures), max(figures)


@pytest.mark.django_db
def test_catalogue_speed(client):
    categories = list(Category.objects.all())
    now = timezone.now()
    Event.objects.bulk_create(
        Event(
            title=f"Event {n}",
            kind="webinar",
            sponsor="Montana State Library",
            begins_at=now + datetime.timedelta(hours=n - EVENTS // 2),
            ends_at=now + datetime.timedelta(hours=n - EVENTS // 2 + 1),
            credit_value=Decimal(1),
            category=categories[n % 4],
        )
        for n in range(EVENTS)
    )
    person = make_person("bench@example.org")
    client.force_login(person)
    upcoming = list(Event.objects.filter(begins_at__gt=now)[:50])

    register = iter(upcoming)
    register_ms = timed(
        lambda: registrations.registration_create(person=person, event=next(register)),
        runs=50,
    )
    pages = {
        "catalogue, upcoming": (reverse("events:catalogue"), {}),
        "catalogue, past, text search": (
            reverse("events:catalogue"),
            {"when": "past", "q": "Event 12"},
        ),
        "catalogue, page 50": (reverse("events:catalogue"), {"page": 50}),
        "event page": (reverse("events:detail", args=[upcoming[0].pk]), {}),
    }
    print(f"\n{EVENTS} events; median and worst of 20 requests (ms):")
    for name, (url, query) in pages.items():
        median, worst = timed(lambda url=url, query=query: client.get(url, query))
        print(f"  {name:32} {median:7.1f} {worst:7.1f}")
    print(
        f"  {'registration_create (service)':32} {register_ms[0]:7.1f} "
        f"{register_ms[1]:7.1f}"
    )
