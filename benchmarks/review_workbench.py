"""Timings of the review workbench, run on demand (never part of the suite):

    .venv/bin/pytest benchmarks/review_workbench.py -q -s

Prints the median time of the review list, the admin index and an item's page
with 2,000 pending credits, and of bulk-approving 50 of them.
"""

import datetime
import statistics
import time
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from aspen_ce.models import Library, User
from credits.models import Credit
from events.models import Category, Event

PENDING = 2000


def median_ms(function, runs=5):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def make_queue(count):
    library = Library.objects.create(name="Bench Library", city="Helena")
    people = User.objects.bulk_create(
        User(email=f"p{n}@example.org", library=library, position="staff")
        for n in range(100)
    )
    category = Category.objects.first()
    ends_at = timezone.now() - datetime.timedelta(days=30)
    events = Event.objects.bulk_create(
        Event(
            title=f"Independent event number {n}",
            kind="workshop",
            sponsor="Bench",
            begins_at=ends_at - datetime.timedelta(hours=1),
            ends_at=ends_at,
            credit_value=Decimal(1),
            category=category,
            in_catalogue=False,
        )
        for n in range(count)
    )
    return Credit.objects.bulk_create(
        Credit(
            person=people[n % 100],
            event=event,
            source="new_event",
            earned_on=ends_at.date(),
            category=category,
            value=Decimal(1),
            created_at=timezone.now() - datetime.timedelta(days=n % 90),
        )
        for n, event in enumerate(events)
    )


@pytest.mark.django_db
def test_review_workbench_timings(client, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    credits = make_queue(PENDING)
    reviewer = User.objects.create_user(email="r@example.org", is_staff=True)
    reviewer.groups.add(Group.objects.get(name="CE coordinators"))
    client.force_login(reviewer)
    changelist = reverse("admin:credits_credit_changelist")
    item = reverse("admin:credits_credit_change", args=[credits[0].pk])

    figures = {
        "review list (50 of 2,000 shown)": median_ms(lambda: client.get(changelist)),
        "review list, searched": median_ms(
            lambda: client.get(changelist + "?q=number+19")
        ),
        "admin index with its summary": median_ms(
            lambda: client.get(reverse("admin:index"))
        ),
        "item page with duplicates": median_ms(lambda: client.get(item)),
    }
    selected = [c.pk for c in credits[1:51]]
    figures["bulk approve of 50 (confirmed)"] = median_ms(
        lambda: client.post(
            changelist,
            {"action": "approve", "_selected_action": selected, "confirm": "yes"},
        ),
        runs=1,
    )

    for name, ms in figures.items():
        print(f"{name:40} {ms:8.1f} ms")
    assert Credit.objects.filter(status="approved").count() == 50
