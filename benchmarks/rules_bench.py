"""Timings of the rule service and of the pages built on it.

Run on demand, never by pytest (the file is not named test_*):

    .venv/bin/python benchmarks/rules_bench.py            # the rule module
    .venv/bin/python benchmarks/rules_bench.py --pages    # and the two pages

The first part times ``rules.progress`` for 5 tracks x 300 credits, and the
words for every credit row, with no Django at all. ``--pages`` builds a
throwaway test database (SQLite unless DATABASE_URL says otherwise), gives one
person 5 tracks and 300 credits, and times the home page and a track page
through Django's test client. Figures are medians of several runs; compare
figures taken side by side on one machine, not across machines.
"""

import argparse
import os
import random
import statistics
import sys
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tracks import rules  # noqa: E402

CATEGORIES = ("LA", "LSP", "CMTS", "TECH")
TRACK_TYPES = [
    rules.Requirements(total=Decimal(60), categories=CATEGORIES, minimums=minimums)
    for minimums in (
        {"LA": Decimal(30)},
        {},
        {c: Decimal(5) for c in CATEGORIES},
        {"LA": Decimal(10)},
        {"LA": Decimal(20), "LSP": Decimal(10), "CMTS": Decimal(10)},
    )
]
TODAY = date(2026, 12, 3)


def median_ms(work, runs):
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def some_credits(count, seed=1):
    rng = random.Random(seed)
    return [
        rules.CreditFact(
            id=n,
            earned_on=date(2021, 1, 1) + timedelta(days=rng.randrange(6 * 365)),
            category=rng.choice(CATEGORIES),
            value=Decimal(rng.randrange(1, 13)) / 2,
            status=rng.choice(["approved", "approved", "approved", "pending"]),
            self_created=rng.random() < 0.2,
        )
        for n in range(count)
    ]


def bench_rules(runs):
    credits = some_credits(300)
    starts = [date(2022 + n % 4, 1 + n, 1) for n in range(len(TRACK_TYPES))]

    def all_tracks():
        return [
            rules.progress(requirements, started_on, TODAY, credits)
            for requirements, started_on in zip(TRACK_TYPES, starts, strict=True)
        ]

    def all_words():
        results = all_tracks()
        names = {c: c for c in CATEGORIES}
        for result in results:
            rules.needs_sentence(result, names)
            for credit in credits:
                rules.placement_text(result.placements[credit.id], credit.category)

    print(
        f"rules.progress, 5 tracks x 300 credits: {median_ms(all_tracks, runs):.2f} ms"
    )
    print(
        f"  with every sentence and credit phrase:  {median_ms(all_words, runs):.2f} ms"
    )


def bench_pages(runs):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aspen_ce.settings")
    # Timed with DEBUG off below; the setting only lets the settings load.
    os.environ.setdefault("DEBUG", "true")
    import django

    django.setup()
    from django.test import Client
    from django.test.utils import (
        override_settings,
        setup_databases,
        teardown_databases,
    )

    # No setup_test_environment(): it instruments every template render and
    # would time the instruments, not the page.
    storages = {
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        },
    }
    with override_settings(STORAGES=storages, DEBUG=False, ALLOWED_HOSTS=["*"]):
        old = setup_databases(verbosity=0, interactive=False)
        try:
            client, track = _page_data(Client)
            home = median_ms(lambda: client.get("/"), runs)
            detail = median_ms(lambda: client.get(f"/tracks/{track.pk}/"), runs)
            print(f"home page, 5 tracks x 300 credits:  {home:.1f} ms")
            print(f"track page, 5 tracks x 300 credits: {detail:.1f} ms")
        finally:
            teardown_databases(old, verbosity=0)


def _page_data(client_class):
    from aspen_ce.models import User
    from tests.test_tracks_pages import add_credits
    from tracks.models import Track, TrackType

    person = User.objects.create_user(email="bench@example.org", password="x" * 20)
    add_credits(person, 300)
    for track_type in TrackType.objects.all()[:5]:
        Track.objects.create(
            person=person, track_type=track_type, started_on=date(2024, 1, 1)
        )
    client = client_class()
    client.force_login(person)
    client.get("/")
    return client, Track.objects.filter(person=person).first()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", action="store_true", help="also time the pages")
    parser.add_argument("--runs", type=int, default=30)
    options = parser.parse_args()

    bench_rules(options.runs)
    if options.pages:
        bench_pages(max(options.runs // 3, 5))


if __name__ == "__main__":
    main()
