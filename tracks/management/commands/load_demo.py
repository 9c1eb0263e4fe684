"""Demo data: a library with its people, tracks and real catalogue credits."""

import datetime
import io
from decimal import Decimal
from pathlib import Path

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from aspen_ce.management.commands.import_libraries import import_libraries
from aspen_ce.models import Library, User
from credits import registrations
from credits import services as credit_services
from credits.models import Credit
from events.importing import import_events
from events.models import DENVER, Category, Event
from tracks import rules, services
from tracks.models import TrackType

# title, days since it ended, category code, credits
RECENT_EVENTS = [
    ("Serving patrons with disabilities", 20, "LSP", "1"),
    ("Library technology in a small town", 75, "TECH", "1.5"),
    ("Open meetings law for library boards", 150, "LA", "1"),
]

QUIET_EMAIL = "django.core.mail.backends.dummy.EmailBackend"
DATA = Path(settings.BASE_DIR) / "aspen_ce" / "data"
PASSWORD = "demo-ce-2026"

PEOPLE = [
    # email, first, last, position, track type name, is reviewer
    (
        "director@demo.aspen-ce.org",
        "Dana",
        "Director",
        "director",
        "Library Administrator, initial certification",
    ),
    ("staff@demo.aspen-ce.org", "Sam", "Staff", "staff", "Library Staff"),
    ("trustee@demo.aspen-ce.org", "Terry", "Trustee", "trustee", "Trustee"),
    ("chair@demo.aspen-ce.org", "Casey", "Chair", "board_chair", "Trustee"),
]
REVIEWER = ("reviewer@demo.aspen-ce.org", "Robin", "Reviewer")
ADMIN = ("admin@demo.aspen-ce.org", "Alex", "Admin")


class Command(BaseCommand):
    help = "Load demo people, tracks and credits. Running it again changes nothing."

    def handle(self, **options):
        # The demo people get no confirmation or decision emails.
        with override_settings(EMAIL_BACKEND=QUIET_EMAIL), transaction.atomic():
            self._load()

    def _load(self):
        with open(DATA / "montana-public-libraries.csv", encoding="utf-8") as lines:
            import_libraries(lines)
        with open(DATA / "msl-ce-catalogue.csv", encoding="utf-8") as lines:
            import_events(lines)
        call_command("load_demo_events", stdout=io.StringIO())
        recent = [self._recent_event(*event) for event in RECENT_EVENTS]
        library, _ = Library.objects.get_or_create(
            name="ASPeN CE Demo Library",
            city="Helena",
            defaults={"county": "Lewis and Clark"},
        )
        created = []
        reviewer = self._person(REVIEWER, library, created, is_staff=True)
        reviewer.groups.add(Group.objects.get(name="CE coordinators"))
        self._person(ADMIN, library, created, is_staff=True, is_superuser=True)
        for email, first, last, position, type_name in PEOPLE:
            person = self._person(
                (email, first, last), library, created, position=position
            )
            if person.tracks.exists():
                continue
            self._track(person, type_name)
            self._credits(person, reviewer)
            self._waiting_for_review(person, recent)
        self._lapsed_track("staff@demo.aspen-ce.org")

        if created:
            self.stdout.write(f"Demo people (password for all: {PASSWORD}):")
            for email in created:
                self.stdout.write(f"  {email}")
        else:
            self.stdout.write("Demo data already loaded; nothing changed.")

    def _person(self, person, library, created, position="", **flags):
        email, first, last = person
        user, was_created = User.objects.get_or_create(
            email=email,
            defaults={
                "first_name": first,
                "last_name": last,
                "library": library,
                "position": position,
                **flags,
            },
        )
        if was_created:
            user.set_password(PASSWORD)
            user.save()
            EmailAddress.objects.create(
                user=user, email=email, verified=True, primary=True
            )
            created.append(email)
        return user

    def _track(self, person, type_name):
        today = timezone.localdate()
        # Three and a half years in: most published events count, a few are
        # dated before the start and the oldest have expired.
        started_on = rules.add_months(today, -44).replace(day=1)
        track_type = TrackType.objects.get(name=type_name, is_active=True)
        services.track_create(
            person=person, track_type=track_type, started_on=started_on
        )

    def _lapsed_track(self, email):
        """An older 2009 track whose 48 months have ended: it shows a restart."""
        person = User.objects.get(email=email)
        track_type = TrackType.objects.get(name="Library Staff", program=2009)
        if person.tracks.filter(track_type=track_type).exists():
            return
        started_on = rules.add_months(timezone.localdate(), -52).replace(day=1)
        services.track_create(
            person=person,
            track_type=track_type,
            started_on=started_on,
            today=started_on,  # set up back then
        )

    def _credits(self, person, reviewer):
        """The State Library's published events, claimed and approved."""
        published = Event.objects.filter(in_catalogue=True, source_url__gt="")
        for event in published.order_by("ends_at"):
            credit = credit_services.credit_create(
                person=person, event=event, source=Credit.Source.CLAIM
            )
            credit_services.credit_decide(
                credit=credit, by=reviewer, status=Credit.Status.APPROVED
            )

    def _recent_event(self, title, days_ago, code, value):
        """A catalogue event that ended lately: people can still claim it."""
        ends_at = datetime.datetime.combine(
            timezone.localdate() - datetime.timedelta(days=days_ago),
            datetime.time(16),
            DENVER,
        )
        event, _ = Event.objects.get_or_create(
            title=title,
            in_catalogue=True,
            defaults={
                "kind": Event.Kind.WEBINAR,
                "sponsor": "Montana State Library",
                "presenter": "Montana State Library staff",
                "description": "A demo event that has already taken place.",
                "begins_at": ends_at - datetime.timedelta(hours=1),
                "ends_at": ends_at,
                "is_online": True,
                "credit_value": Decimal(value),
                "category": Category.objects.get(code=code),
                "status": Event.Status.CLOSED,
            },
        )
        return event

    def _waiting_for_review(self, person, recent):
        """One claim, one new independent event and one registration, pending."""
        credit_services.credit_claim(person=person, event=recent[0])
        ended = timezone.localdate() - datetime.timedelta(days=45)
        begins_at = datetime.datetime.combine(ended, datetime.time(9), DENVER)
        credit_services.independent_event_create(
            person=person,
            email_on_assigned=True,
            title=f"{person.first_name}'s county records management course",
            kind=Event.Kind.WORKSHOP,
            sponsor="Lewis and Clark County",
            presenter="County records officer",
            begins_at=begins_at,
            ends_at=begins_at + datetime.timedelta(hours=3),
            credit_value=Decimal(3),
            category=Category.objects.get(code="CMTS"),
        )
        upcoming = Event.objects.filter(
            in_catalogue=True, begins_at__gt=timezone.now(), capacity__isnull=True
        ).order_by("begins_at")
        registrations.registration_create(person=person, event=upcoming.first())
