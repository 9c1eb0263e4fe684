"""A few upcoming catalogue events, dated from today, so that the demo's
catalogue has something to register for. Running it again changes nothing."""

import datetime
from decimal import Decimal

from django.core.management.base import BaseCommand
from django.utils import timezone

from events.models import DENVER, Category, Event

EVENTS = [
    # title, kind, days ahead, start hour, hours, category code, credits,
    # online, place, capacity
    ("Budgets that tell your library's story", "webinar", 2, 10, 1, "LA", "1",
     True, "", None),
    ("Weeding with confidence", "workshop", 9, 9, 4, "CMTS", "4",
     False, "Lewistown", 2),
    ("Storytime for every child", "webinar", 16, 14, 1.5, "LSP", "1.5",
     True, "", None),
    ("Cybersecurity basics for small libraries", "online course", 23, 9, 2,
     "TECH", "2", True, "", None),
    ("Trustee roles and responsibilities", "workshop", 40, 13, 3, "LA", "3",
     False, "Great Falls", 25),
]  # fmt: skip


class Command(BaseCommand):
    help = "Add a few upcoming demo events to the catalogue."

    def handle(self, **options):
        today = timezone.localdate()
        created = 0
        for title, kind, days, hour, hours, code, value, online, place, cap in EVENTS:
            begins_at = datetime.datetime.combine(
                today + datetime.timedelta(days=days), datetime.time(hour), DENVER
            )
            _, was_created = Event.objects.get_or_create(
                title=title,
                in_catalogue=True,
                defaults={
                    "kind": kind,
                    "sponsor": "Montana State Library",
                    "presenter": "Montana State Library staff",
                    "description": f"A demo event: {title.lower()}.",
                    "begins_at": begins_at,
                    "ends_at": begins_at + datetime.timedelta(hours=hours),
                    "credit_value": Decimal(value),
                    "category": Category.objects.get(code=code),
                    "is_online": online,
                    "place": place,
                    "online_link": "https://meet.example.org/msl-ce" if online else "",
                    "capacity": cap,
                    "status": Event.Status.OPEN,
                },
            )
            created += was_created
        self.stdout.write(f"{created} demo event(s) added.")
