"""Demo data: a library with its people, tracks and real catalogue credits."""

from pathlib import Path

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from aspen_ce.management.commands.import_libraries import import_libraries
from aspen_ce.models import Library, User
from credits import services as credit_services
from credits.models import Credit
from events.importing import import_events
from events.models import Event
from tracks import rules, services
from tracks.models import TrackType

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

    @transaction.atomic
    def handle(self, **options):
        with open(DATA / "montana-public-libraries.csv", encoding="utf-8") as lines:
            import_libraries(lines)
        with open(DATA / "msl-ce-catalogue.csv", encoding="utf-8") as lines:
            import_events(lines)
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
        # Two and a half years in: some credits count, older ones have expired.
        started_on = rules.add_months(today, -30).replace(day=1)
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
        events = Event.objects.filter(in_catalogue=True).order_by("ends_at")
        for index, event in enumerate(events):
            credit = credit_services.credit_create(
                person=person, event=event, source=Credit.Source.REGISTRATION
            )
            # The newest catalogue credit stays pending, for the reviewer.
            if index < len(events) - 1:
                credit_services.credit_decide(
                    credit=credit, by=reviewer, status=Credit.Status.APPROVED
                )
