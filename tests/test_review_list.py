"""The review list, the item's page and the admin index's summary of what
waits: what they show, and a fixed number of queries whatever the rows."""

import datetime
from datetime import date

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from aspen_ce.models import Library
from credits import services
from credits.models import Credit, Evidence
from events.models import Registration
from review.selectors import is_similar
from review.templatetags.review_queue import review_queue
from tests.conftest import make_credit, make_event, make_person

CHANGELIST = reverse("admin:credits_credit_changelist")
NOW = timezone.now()


def waiting(person, title, *, days, source="claim", on=date(2025, 5, 1), **fields):
    credit = make_credit(
        person, on=on, status="pending", source=source, title=title, **fields
    )
    Credit.objects.filter(pk=credit.pk).update(
        created_at=NOW - datetime.timedelta(days=days)
    )
    return credit


def titles(response):
    return [credit.event.title for credit in response.context["cl"].result_list]


@pytest.fixture
def reviewer(client, robin):
    client.force_login(robin)
    return robin


@pytest.mark.django_db
def test_the_list_opens_on_waiting_claims_and_new_events_oldest_first(
    client, reviewer, dana, sam
):
    waiting(dana, "Claimed five days ago", days=5)
    waiting(sam, "New event ten days ago", days=10, source="new_event")
    waiting(dana, "Registered, decided by attendance", days=20, source="registration")
    make_credit(dana, on=date(2025, 4, 1), source="claim", title="Approved already")

    response = client.get(CHANGELIST)

    assert titles(response) == ["New event ten days ago", "Claimed five days ago"]
    assert "10 days" in response.text


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind=claim", ["Old claim", "Technology claim"]),
        ("kind=new_event", ["Olive's new event"]),
        ("category__id__exact={tech}", ["Technology claim"]),
        ("person__library__id__exact={glasgow}", ["Olive's new event"]),
        ("waiting=30", ["Old claim"]),
        ("status=approved&kind=all", ["Approved registration"]),
        ("q=olive", ["Olive's new event"]),
        ("q=technology", ["Technology claim"]),
    ],
)
def test_the_list_filters_and_searches(client, reviewer, dana, olive, query, expected):
    waiting(dana, "Old claim", days=40)
    tech = waiting(dana, "Technology claim", days=3, code="TECH")
    waiting(olive, "Olive's new event", days=2, source="new_event")
    make_credit(dana, on=date(2025, 4, 1), title="Approved registration")
    glasgow = Library.objects.get(city="Glasgow")

    query = query.format(tech=tech.category_id, glasgow=glasgow.pk)
    response = client.get(f"{CHANGELIST}?{query}")

    assert titles(response) == expected


@pytest.mark.django_db
def test_the_list_says_which_items_have_evidence(client, reviewer, dana):
    with_file = waiting(dana, "With a certificate", days=2)
    waiting(dana, "Without", days=1)
    Evidence.objects.create(
        credit=with_file,
        file=ContentFile(b"%PDF-1.4", name="c.pdf"),
        original_name="c.pdf",
        content_type="application/pdf",
        size=8,
    )

    response = client.get(CHANGELIST)

    shown = {
        c.event.title: c.evidence_exists for c in response.context["cl"].result_list
    }
    assert shown == {"With a certificate": True, "Without": False}


def make_many_waiting(count):
    people = [make_person(f"person{n}@example.org") for n in range(5)]
    for n in range(count):
        waiting(people[n % 5], f"Activity {n}", days=n % 40)


@pytest.mark.django_db
@pytest.mark.parametrize("count", [5, 200])
def test_the_list_runs_the_same_queries_for_5_and_200_items(
    client, reviewer, count, django_assert_num_queries
):
    make_many_waiting(count)

    # Session, user, two for permissions; the category and library filters;
    # the filtered count, the full count and the page's rows.
    with django_assert_num_queries(9):
        response = client.get(CHANGELIST)

    assert response.status_code == 200
    assert len(response.context["cl"].result_list) == min(count, 50)


@pytest.mark.django_db
def test_the_items_page_shows_credits_of_the_same_day_and_similar_titles(
    client, reviewer, dana, sam
):
    credit = waiting(
        dana, "Introduction to Cataloging with RDA", days=3, on=date(2025, 5, 1)
    )
    make_credit(dana, on=date(2025, 5, 1), title="Storytime for toddlers")
    make_credit(dana, on=date(2025, 3, 1), title="Cataloging with RDA: an introduction")
    make_credit(dana, on=date(2025, 2, 1), title="Budgeting basics")
    make_credit(sam, on=date(2025, 5, 1), title="Introduction to Cataloging with RDA!")

    response = client.get(reverse("admin:credits_credit_change", args=[credit.pk]))

    same_day = [c.event.title for c in response.context["same_day"]]
    similar = [c.event.title for c in response.context["similar"]]
    assert same_day == ["Storytime for toddlers"]
    assert similar == ["Cataloging with RDA: an introduction"]
    assert "Possible duplicates" in response.text


@pytest.mark.django_db
def test_a_new_events_page_shows_catalogue_events_with_similar_titles(
    client, reviewer, dana
):
    make_event("Summer Reading Kickoff 2025", ends_on=date(2025, 4, 1))
    make_event("Board Governance", ends_on=date(2025, 4, 1))
    credit = waiting(dana, "Summer reading kickoff", days=1, source="new_event")
    credit.event.in_catalogue = False
    credit.event.save()

    response = client.get(reverse("admin:credits_credit_change", args=[credit.pk]))

    found = [event.title for event in response.context["similar_events"]]
    assert found == ["Summer Reading Kickoff 2025"]


@pytest.mark.parametrize(
    ("title", "other", "expected"),
    [
        ("Weeding 101", "Weeding 101 (recorded)", True),
        ("Intro to Cataloging with RDA", "Cataloging with RDA: an introduction", True),
        ("Cataloging with RDA", "Budgeting for small libraries", False),
        (
            "Montana Library Association conference",
            "Montana Library Legislative",
            False,
        ),
    ],
)
def test_similar_titles(title, other, expected):
    assert is_similar(title, other) is expected


@pytest.mark.django_db
@pytest.mark.parametrize("others", [1, 12])
def test_the_items_page_runs_the_same_queries_however_many_others(
    client, reviewer, dana, robin, others, django_assert_num_queries
):
    credit = waiting(dana, "Weeding the collection", days=1)
    for n in range(others):
        other = waiting(dana, f"Weeding the collection {n}", days=2)
        services.credit_decide(credit=other, by=robin, status="approved")
        services.credit_correct(credit=other, by=robin, value=2, reason="Two hours")

    with django_assert_num_queries(14):
        response = client.get(reverse("admin:credits_credit_change", args=[credit.pk]))

    assert len(response.context["similar"]) == others


def registration(person, *, ended_days_ago, **fields):
    ends_at = NOW - datetime.timedelta(days=ended_days_ago, minutes=1)
    event = make_event(f"Event for {person.email} {ended_days_ago}", ends_on=NOW)
    event.begins_at = ends_at - datetime.timedelta(hours=1)
    event.ends_at = ends_at
    event.save()
    return Registration.objects.create(person=person, event=event, **fields)


@pytest.mark.django_db
def test_the_index_shows_what_waits_with_counts_ages_and_links(
    client, reviewer, dana, sam
):
    waiting(dana, "Claim", days=4)
    waiting(sam, "Claim too", days=9)
    waiting(dana, "New event", days=2, source="new_event")
    registration(dana, ended_days_ago=6)
    registration(sam, ended_days_ago=3)
    registration(sam, ended_days_ago=-5)  # not over yet
    registration(dana, ended_days_ago=30, attendance="attended")
    registration(make_person("x@example.org"), ended_days_ago=40, status="cancelled")

    response = client.get(reverse("admin:index"))

    rows = [
        (row["label"], row["count"], row["age"], row["link"])
        for row in review_queue(reviewer)
    ]
    registrations = reverse("admin:events_registration_changelist")
    assert rows == [
        ("Claims of existing events", 2, "9 days", f"{CHANGELIST}?kind=claim"),
        ("New independent events", 1, "2 days", f"{CHANGELIST}?kind=new_event"),
        (
            "Registrations awaiting attendance",
            2,
            "6 days",
            f"{registrations}?status__exact=registered&attendance__exact=pending"
            "&event_ended=yes",
        ),
    ]
    text = response.text
    assert "What waits for review" in text
    assert f'<a href="{CHANGELIST}?kind=claim">Claims of existing events</a>' in text
    assert "Not part of ASPeN CE yet." in text


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 30])
def test_the_index_runs_the_same_queries_whatever_waits(
    client, reviewer, count, django_assert_num_queries
):
    make_many_waiting(count)

    # Session, user, two for permissions, the recent actions, and one query
    # each for the pending credits and the registrations awaiting attendance.
    with django_assert_num_queries(7):
        response = client.get(reverse("admin:index"))

    assert response.status_code == 200


@pytest.mark.django_db
def test_staff_without_review_permissions_see_no_summary(client):
    client.force_login(make_person("new@example.org", "", is_staff=True))

    response = client.get(reverse("admin:index"))

    assert "What waits for review" not in response.text
