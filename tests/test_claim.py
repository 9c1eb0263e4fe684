"""Claiming an existing independent learning event from the catalogue."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from credits import services
from credits.forms import ClaimChoiceForm
from credits.models import Credit
from events.models import Registration
from tests.conftest import make_event


def days_ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)


@pytest.fixture
def catalogue(sam):
    """Sam registered for one event and claimed another; a third ends
    tomorrow; a fourth ended 13 months ago; two more are open to claim."""
    registered = make_event("Registered workshop", ends_on=days_ago(30))
    Registration.objects.create(person=sam, event=registered)
    claimed = make_event("Claimed webinar", ends_on=days_ago(40))
    services.credit_claim(person=sam, event=claimed)
    return {
        "registered": registered,
        "claimed": claimed,
        "tomorrow": make_event("Ends tomorrow", ends_on=days_ago(-1)),
        "old": make_event("Thirteen months ago", ends_on=days_ago(396)),
        "recent": make_event("Recent webinar", ends_on=days_ago(3)),
        "older": make_event("Older webinar", ends_on=days_ago(200)),
        "unlisted": make_event(
            "Not for claims", ends_on=days_ago(5), is_listed_for_claims=False
        ),
        "private": make_event("Someone's own", ends_on=days_ago(5), in_catalogue=False),
    }


@pytest.mark.django_db
def test_drop_down_offers_ended_listed_unclaimed_events_of_12_months_newest_first(
    sam, catalogue
):
    form = ClaimChoiceForm(person=sam)

    assert form.events == [catalogue["recent"], catalogue["older"]]
    labels = [label for _value, label in form.fields["event"].choices][1:]
    assert labels[0].startswith("Recent webinar (ended ")


@pytest.mark.django_db
def test_someone_else_still_sees_the_events_sam_registered_for_and_claimed(
    sam, olive, catalogue
):
    titles = [event.title for event in ClaimChoiceForm(person=olive).events]

    assert titles == [
        "Recent webinar",
        "Registered workshop",
        "Claimed webinar",
        "Older webinar",
    ]


@pytest.mark.django_db
def test_home_page_shows_the_drop_down_with_go(client, sam, catalogue):
    client.force_login(sam)

    page = client.get(reverse("tracks:home"))

    assert "Add Independent Learning Event" in page.text
    assert f'<option value="{catalogue["recent"].pk}">Recent webinar' in page.text
    assert "Ends tomorrow" not in page.text
    assert "Thirteen months ago" not in page.text
    assert ">Go</button>" in page.text


@pytest.mark.django_db
def test_home_page_queries_do_not_grow_with_claimable_events(
    client, sam, django_assert_num_queries
):
    client.force_login(sam)
    make_event("One", ends_on=days_ago(3))
    client.get(reverse("tracks:home"))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("tracks:home"))
    for number in range(10):
        make_event(f"More {number}", ends_on=days_ago(4 + number))

    with django_assert_num_queries(len(few.captured_queries)):
        page = client.get(reverse("tracks:home"))

    assert len(page.context["claim_form"].events) == 11


@pytest.mark.django_db
def test_go_leads_to_the_event_page_with_its_details(client, sam, catalogue):
    event = catalogue["recent"]
    client.force_login(sam)

    response = client.get(reverse("credits:claim_start"), {"event": event.pk})
    assert response.url == reverse("credits:claim", args=[event.pk])
    page = client.get(response.url)

    assert page.status_code == 200
    for text in ["Recent webinar", "Montana State Library", "Library Administration"]:
        assert text in page.text
    assert "Email on Assigned Credit" in page.text
    assert ">Save</button>" in page.text


@pytest.mark.django_db
def test_go_without_a_choice_returns_home_with_a_message(client, sam):
    client.force_login(sam)

    response = client.get(reverse("credits:claim_start"), {"event": ""}, follow=True)

    assert "Choose an event from the list" in response.text


@pytest.mark.django_db
def test_save_creates_one_pending_claim_with_the_email_choice(client, sam, catalogue):
    event = catalogue["recent"]
    client.force_login(sam)

    response = client.post(
        reverse("credits:claim", args=[event.pk]), {"email_on_assigned": "on"}
    )

    assert response.url == reverse("tracks:home")
    credit = Credit.objects.get(person=sam, event=event)
    assert (credit.source, credit.status, credit.email_on_assigned) == (
        "claim",
        "pending",
        True,
    )
    assert (credit.value, credit.category, credit.earned_on) == (
        event.credit_value,
        event.category,
        days_ago(3),
    )


@pytest.mark.django_db
def test_claim_posted_twice_and_future_claim_by_hand_give_one_claim_one_refusal(
    client, sam, catalogue
):
    client.force_login(sam)
    recent, tomorrow = catalogue["recent"], catalogue["tomorrow"]

    client.post(reverse("credits:claim", args=[recent.pk]), {})
    again = client.post(reverse("credits:claim", args=[recent.pk]), {}, follow=True)
    future = client.post(reverse("credits:claim", args=[tomorrow.pk]), {}, follow=True)

    assert Credit.objects.filter(person=sam, event=recent).count() == 1
    assert "You already have a credit for “Recent webinar”." in again.text
    assert not Credit.objects.filter(event=tomorrow).exists()
    assert "“Ends tomorrow” has not ended yet." in future.text


@pytest.mark.django_db
def test_database_refuses_a_second_credit_that_slips_past_the_checks(sam, catalogue):
    event = catalogue["recent"]
    services.credit_create(person=sam, event=event, source=Credit.Source.CLAIM)

    with pytest.raises(ValidationError, match="already have a credit"):
        services.credit_create(person=sam, event=event, source=Credit.Source.CLAIM)

    assert Credit.objects.filter(person=sam, event=event).count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("registered", "You registered for “Registered workshop”"),
        ("old", "ended more than 12 months ago"),
        ("unlisted", "is not listed for claiming"),
    ],
)
def test_claims_posted_by_hand_for_events_not_offered_are_refused(
    client, sam, catalogue, key, message
):
    event = catalogue[key]
    client.force_login(sam)

    page = client.get(reverse("credits:claim", args=[event.pk]))
    response = client.post(reverse("credits:claim", args=[event.pk]), {}, follow=True)

    assert message in page.text
    assert ">Save</button>" not in page.text
    assert message in response.text
    assert not Credit.objects.filter(person=sam, event=event, source="claim").exists()


@pytest.mark.django_db
def test_a_persons_own_event_cannot_be_claimed_by_anyone(client, olive, catalogue):
    client.force_login(olive)

    url = reverse("credits:claim", args=[catalogue["private"].pk])

    assert client.get(url).status_code == 404
    assert client.post(url, {}).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["credits:claim_start", "credits:claim"])
def test_claim_pages_ask_anonymous_visitors_to_sign_in(client, catalogue, name):
    args = [catalogue["recent"].pk] if name == "credits:claim" else []

    response = client.get(reverse(name, args=args))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.django_db
def test_claim_start_refuses_post(client, sam, catalogue):
    client.force_login(sam)

    response = client.post(reverse("credits:claim_start"), {"event": 1})

    assert response.status_code == 405
