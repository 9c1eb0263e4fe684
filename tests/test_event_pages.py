"""The catalogue, the event page, its calendar file and the private calendar
feed: what a person sees, and what nobody else reaches."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from credits import registrations
from credits.models import Credit
from events.models import CalendarFeed, Registration
from tests.conftest import category
from tests.events_helpers import upcoming_event

pytestmark = pytest.mark.django_db


def past_event(title, *, days_ago, **fields):
    event = upcoming_event(title, **fields)
    begins_at = timezone.now() - datetime.timedelta(days=days_ago)
    event.begins_at, event.ends_at = begins_at, begins_at + datetime.timedelta(hours=1)
    event.save()
    return event


def titles(response):
    return [event.title for event, _ in response.context["rows"]]


# Access -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("events:catalogue", []),
        ("events:detail", [1]),
        ("events:ics", [1]),
        ("events:calendar", []),
    ],
)
def test_pages_ask_anonymous_visitors_to_sign_in(client, name, args):
    response = client.get(reverse(name, args=args))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize("name", ["credits:register", "credits:registration_cancel"])
def test_registering_asks_anonymous_visitors_to_sign_in(client, name):
    event = upcoming_event()

    response = client.post(reverse(name, args=[event.pk]))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert not Registration.objects.exists()


@pytest.mark.parametrize(
    ("method", "name"),
    [
        ("post", "events:catalogue"),
        ("post", "events:detail"),
        ("post", "events:ics"),
        ("get", "credits:register"),
        ("get", "credits:registration_cancel"),
        ("put", "events:calendar"),
    ],
)
def test_wrong_method_is_refused(client, sam, method, name):
    event = upcoming_event()
    client.force_login(sam)
    args = [] if name in ("events:catalogue", "events:calendar") else [event.pk]

    response = getattr(client, method)(reverse(name, args=args))

    assert response.status_code == 405
    assert not Registration.objects.exists()


def test_a_persons_own_independent_event_is_not_in_the_catalogue(client, sam):
    event = upcoming_event(in_catalogue=False, submitted_by=sam)
    client.force_login(sam)

    assert client.get(reverse("events:detail", args=[event.pk])).status_code == 404
    assert client.get(reverse("events:ics", args=[event.pk])).status_code == 404
    response = client.post(reverse("credits:register", args=[event.pk]))
    assert response.status_code == 404


def test_nobody_cancels_another_persons_registration(client, sam, olive):
    event = upcoming_event()
    registrations.registration_create(person=sam, event=event)
    client.force_login(olive)

    response = client.post(reverse("credits:registration_cancel", args=[event.pk]))

    assert response.status_code == 404
    assert Registration.objects.get().status == "registered"


def test_an_unknown_calendar_address_is_not_found(client):
    response = client.get(reverse("events:calendar_ics", args=["not-a-token"]))

    assert response.status_code == 404


# The catalogue ------------------------------------------------------------


def test_catalogue_shows_upcoming_events_soonest_first(client, sam):
    upcoming_event("In two weeks", days=14)
    upcoming_event("Tomorrow", days=1)
    past_event("Last month", days_ago=30)
    upcoming_event("Retired", days=3, status="inactive")
    client.force_login(sam)

    response = client.get(reverse("events:catalogue"))

    assert titles(response) == ["Tomorrow", "In two weeks"]


def test_past_events_of_the_last_four_years_on_request(client, sam):
    upcoming_event("Tomorrow", days=1)
    past_event("Last month", days_ago=30)
    past_event("Three years ago", days_ago=3 * 365)
    past_event("Five years ago", days_ago=5 * 365)
    client.force_login(sam)

    response = client.get(reverse("events:catalogue"), {"when": "past"})

    assert titles(response) == ["Last month", "Three years ago"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"q": "budget"}, ["Budgeting basics"]),
        ({"q": "Great Falls"}, ["Collection care"]),
        ({"kind": "webinar"}, ["Budgeting basics"]),
        ({"format": "online"}, ["Budgeting basics"]),
        ({"format": "in_person"}, ["Collection care", "Coding club"]),
    ],
)
def test_catalogue_filters(client, sam, query, expected):
    upcoming_event("Budgeting basics", days=2, kind="webinar", is_online=True)
    upcoming_event("Collection care", days=3, code="CMTS", place="Great Falls")
    upcoming_event("Coding club", days=4, code="TECH", place="Butte")
    client.force_login(sam)

    response = client.get(reverse("events:catalogue"), query)

    assert titles(response) == expected


def test_catalogue_filters_by_category_and_month(client, sam):
    soon = upcoming_event("Coding club", days=2, code="TECH")
    upcoming_event("Later coding", days=70, code="TECH")
    upcoming_event("Collection care", days=2, code="CMTS")
    client.force_login(sam)
    month = timezone.localtime(soon.begins_at).strftime("%Y-%m")

    response = client.get(
        reverse("events:catalogue"),
        {"category": category("TECH").pk, "month": month},
    )

    assert titles(response) == ["Coding club"]


def test_a_bad_filter_value_is_explained_and_the_others_still_apply(client, sam):
    upcoming_event("Coding club", days=2, code="TECH")
    upcoming_event("Collection care", days=3, code="CMTS")
    client.force_login(sam)

    response = client.get(
        reverse("events:catalogue"),
        {"month": "2025-13", "category": category("TECH").pk, "q": "club"},
    )

    assert response.status_code == 200
    assert "Enter a year and month, such as 2026-05." in response.text
    assert 'value="club"' in response.text
    assert titles(response) == ["Coding club"]


def test_catalogue_pages_by_twenty_and_keeps_the_filters(client, sam):
    for day in range(1, 26):
        upcoming_event(f"Webinar {day:02}", days=day, kind="webinar")
    client.force_login(sam)

    first = client.get(reverse("events:catalogue"), {"kind": "webinar"})
    second = client.get(reverse("events:catalogue"), {"kind": "webinar", "page": 2})

    assert len(titles(first)) == 20
    assert titles(second) == [f"Webinar {day}" for day in range(21, 26)]
    assert "?kind=webinar&amp;page=2" in first.text


def test_catalogue_queries_stay_the_same_whatever_the_number_of_events(
    client, sam, django_assert_num_queries
):
    client.force_login(sam)

    def load(count):
        for day in range(count):
            event = upcoming_event(f"Event {count}-{day}", days=day + 1)
            registrations.registration_create(person=sam, event=event)
        # session, user, count, page of events, own registrations, categories
        with django_assert_num_queries(6):
            assert client.get(reverse("events:catalogue")).status_code == 200

    load(2)
    load(30)


def test_catalogue_marks_the_events_the_person_registered_for(client, sam):
    event = upcoming_event("Grant writing")
    registrations.registration_create(person=sam, event=event)
    client.force_login(sam)

    response = client.get(reverse("events:catalogue"))

    assert '<span class="badge text-bg-success">Registered</span>' in response.text


# The event page -----------------------------------------------------------


def test_event_page_queries_stay_the_same_whatever_the_registrations(
    client, sam, dana, terry, django_assert_num_queries
):
    event = upcoming_event(capacity=1)
    client.force_login(terry)
    url = reverse("events:detail", args=[event.pk])

    # session, user, event, own registration, seats taken, waiting ahead
    for person in (sam, dana, terry):
        registrations.registration_create(person=person, event=event)
        with django_assert_num_queries(5 if person != terry else 6):
            assert client.get(url).status_code == 200


def test_register_through_the_form_on_the_event_page(client, sam):
    event = upcoming_event("Grant writing")
    client.force_login(sam)
    page = client.get(reverse("events:detail", args=[event.pk]))
    action = re.search(r'action="(/credits/register/[^"]+)"', page.text)[1]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)[1]

    response = client.post(
        action, {"csrfmiddlewaretoken": token, "email_on_assigned": "on"}, follow=True
    )

    assert "You are registered for “Grant writing”" in response.text
    credit = Credit.objects.get(person=sam, event=event)
    assert (credit.status, credit.email_on_assigned) == ("pending", True)
    assert "Cancel my registration" in response.text


def test_cancel_through_the_form_on_the_event_page(client, sam):
    event = upcoming_event("Grant writing")
    registrations.registration_create(person=sam, event=event)
    client.force_login(sam)
    page = client.get(reverse("events:detail", args=[event.pk]))
    action = re.search(r'action="(/credits/register/[^"]+)"', page.text)[1]

    response = client.post(action, follow=True)

    assert "is cancelled" in response.text
    assert Credit.objects.get(person=sam).status == "void"
    assert ">Register</button>" in response.text


def test_the_online_link_is_shown_to_registered_people_only(client, sam, dana):
    link = "https://meet.example/secret-room"
    event = upcoming_event(is_online=True, online_link=link)
    registrations.registration_create(person=sam, event=event)
    url = reverse("events:detail", args=[event.pk])

    client.force_login(dana)
    assert link not in client.get(url).text
    assert link not in client.get(reverse("events:ics", args=[event.pk])).text
    client.force_login(sam)
    assert link in client.get(url).text
    assert link in client.get(reverse("events:ics", args=[event.pk])).text


def test_a_full_event_offers_the_waiting_list(client, sam, dana):
    event = upcoming_event(capacity=1)
    registrations.registration_create(person=sam, event=event)
    client.force_login(dana)

    page = client.get(reverse("events:detail", args=[event.pk]))
    assert "Join the waiting list" in page.text
    response = client.post(reverse("credits:register", args=[event.pk]), follow=True)

    assert "you are on the waiting list" in response.text
    assert "You are number 1 on the waiting list" in response.text


def test_registering_for_a_closed_event_shows_why_not(client, sam):
    event = upcoming_event(status="closed")
    client.force_login(sam)

    page = client.get(reverse("events:detail", args=[event.pk]))
    response = client.post(reverse("credits:register", args=[event.pk]), follow=True)

    assert ">Register</button>" not in page.text
    assert "Registration for this event is closed." in response.text
    assert not Registration.objects.exists()


def test_event_calendar_file(client, sam):
    event = upcoming_event("Grant writing", place="Helena")
    client.force_login(sam)

    response = client.get(reverse("events:ics", args=[event.pk]))

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert 'filename="grant-writing.ics"' in response["Content-Disposition"]
    assert "SUMMARY:Grant writing" in response.text
    assert "LOCATION:Helena" in response.text


# Home page and the private calendar feed -----------------------------------


def test_home_page_offers_the_catalogue_and_lists_upcoming_registrations(client, sam):
    event = upcoming_event("Grant writing")
    registrations.registration_create(person=sam, event=event)
    client.force_login(sam)

    response = client.get(reverse("tracks:home"))

    assert "Register for a CE event" in response.text
    assert reverse("events:catalogue") in response.text
    assert reverse("events:detail", args=[event.pk]) in response.text


def test_calendar_feed_lists_only_the_persons_registered_events(client, sam, dana):
    mine = upcoming_event("Mine", online_link="https://meet.example/m", is_online=True)
    cancelled = upcoming_event("Cancelled one")
    theirs = upcoming_event("Someone else's")
    registrations.registration_create(person=sam, event=mine)
    registration, _ = registrations.registration_create(person=sam, event=cancelled)
    registrations.registration_cancel(registration=registration, by=sam)
    registrations.registration_create(person=dana, event=theirs)
    client.force_login(sam)

    client.post(reverse("events:calendar"))
    page = client.get(reverse("events:calendar"))
    token = CalendarFeed.objects.get(person=sam).token
    address = reverse("events:calendar_ics", args=[token])
    assert address in page.text
    client.logout()
    feed = client.get(address)

    assert feed.status_code == 200
    assert re.findall(r"SUMMARY:(.+)\r", feed.text) == ["Mine"]
    assert "https://meet.example/m" in feed.text


def test_replacing_the_calendar_address_retires_the_old_one(client, sam):
    client.force_login(sam)
    client.post(reverse("events:calendar"))
    old = CalendarFeed.objects.get(person=sam).token

    client.post(reverse("events:calendar"))

    new = CalendarFeed.objects.get(person=sam).token
    assert new != old
    assert client.get(reverse("events:calendar_ics", args=[old])).status_code == 404
    assert client.get(reverse("events:calendar_ics", args=[new])).status_code == 200


@pytest.mark.django_db
def test_a_month_in_the_year_9999_is_explained_not_an_error(client, sam):
    client.force_login(sam)

    response = client.get(reverse("events:catalogue"), {"month": "9999-12"})

    assert response.status_code == 200
    assert "Check the year: enter a date between 2000 and 2099." in response.text
