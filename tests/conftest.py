"""Personas and helpers shared by the test suite.

The people: Dana the director, Sam a staff member, Terry a trustee, Casey the
board chair, Robin a State Library reviewer, and Olive an outsider at another
library.
"""

import datetime
import zoneinfo
from decimal import Decimal

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from aspen_ce.models import Library, User
from credits.models import Credit
from events.models import Category, Event
from tracks.models import Track, TrackType

DENVER = zoneinfo.ZoneInfo("America/Denver")
PASSWORD = "a-long-test-password"


@pytest.fixture(autouse=True)
def _fast_and_quiet(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.ACCOUNT_RATE_LIMITS = False
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    }
    settings.STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        },
    }


def make_person(email, position="staff", library=None, **extra):
    library = (
        library or Library.objects.get_or_create(name="Belt Library", city="Belt")[0]
    )
    user = User.objects.create_user(
        email=email,
        password=PASSWORD,
        first_name=email.split("@")[0].title(),
        last_name="Tester",
        library=library,
        position=position,
        **extra,
    )
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


@pytest.fixture
def dana(db):
    return make_person("dana@example.org", "director")


@pytest.fixture
def sam(db):
    return make_person("sam@example.org", "staff")


@pytest.fixture
def terry(db):
    return make_person("terry@example.org", "trustee")


@pytest.fixture
def casey(db):
    return make_person("casey@example.org", "board_chair")


@pytest.fixture
def olive(db):
    other = Library.objects.create(name="Glasgow City-County Library", city="Glasgow")
    return make_person("olive@example.org", "staff", library=other)


@pytest.fixture
def robin(db):
    user = make_person("robin@example.org", "", is_staff=True)
    user.groups.add(Group.objects.get(name="CE coordinators"))
    return user


def category(code):
    return Category.objects.get(code=code)


def track_type(name, program=2023):
    return TrackType.objects.get(name=name, program=program)


def make_event(title="Trustee Essentials", *, ends_on, code="LA", value="1", **fields):
    ends_at = datetime.datetime.combine(ends_on, datetime.time(15), DENVER)
    fields.setdefault("begins_at", ends_at - datetime.timedelta(hours=1))
    return Event.objects.create(
        title=title,
        kind=fields.pop("kind", Event.Kind.WEBINAR),
        sponsor=fields.pop("sponsor", "Montana State Library"),
        ends_at=ends_at,
        credit_value=Decimal(value),
        category=category(code),
        **fields,
    )


def make_credit(
    person,
    *,
    on,
    code="LA",
    value="1",
    status="approved",
    source=Credit.Source.REGISTRATION,
    title=None,
):
    event = make_event(title or f"Event on {on}", ends_on=on, code=code, value=value)
    return Credit.objects.create(
        person=person,
        event=event,
        source=source,
        status=status,
        earned_on=on,
        category=event.category,
        value=Decimal(value),
    )


def make_track(person, name, started_on, program=2023):
    return Track.objects.create(
        person=person, track_type=track_type(name, program), started_on=started_on
    )
