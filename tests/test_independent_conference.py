"""A conference: one form, several sessions, each its own credit and category."""

import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from credits.models import Credit, Evidence
from tests.conftest import category
from tests.pageforms import form_data
from tests.test_evidence import SMALL_PDF

URL = reverse("credits:conference")
DAY = timezone.localdate() - datetime.timedelta(days=20)


def session(index, title, begins, ends, code, value):
    prefix = f"session-{index}-"
    return {
        prefix + "title": title,
        prefix + "presenter": "Panel",
        prefix + "begins_at": f"{DAY:%Y-%m-%d}T{begins}",
        prefix + "ends_at": f"{DAY:%Y-%m-%d}T{ends}",
        prefix + "category": str(category(code).pk),
        prefix + "credit_value": value,
    }


def fill_in(client, *sessions, **fields):
    data = form_data(client.get(URL).text)
    data.update(
        conference="MLA Annual Conference", sponsor="Montana Library Association"
    )
    data.update(fields)
    for filled in sessions:
        data.update(filled)
    return client.post(URL, data)


@pytest.mark.django_db
def test_each_session_becomes_its_own_pending_credit_with_its_category(client, sam):
    client.force_login(sam)
    pdf = SimpleUploadedFile("attendance.pdf", SMALL_PDF)

    response = fill_in(
        client,
        session(0, "Budgets", "09:00", "10:30", "LA", "1.50"),
        session(1, "Makerspaces", "11:00", "12:00", "TECH", "1"),
        certificate=pdf,
        email_on_assigned="on",
    )

    assert response.url == reverse("tracks:home")
    credits = sam.credits.order_by("event__begins_at")
    assert [
        (c.event.title, c.category.code, c.value, c.earned_on, c.status)
        for c in credits
    ] == [
        ("Budgets", "LA", Decimal("1.5"), DAY, "pending"),
        ("Makerspaces", "TECH", Decimal(1), DAY, "pending"),
    ]
    assert {c.event.conference for c in credits} == {"MLA Annual Conference"}
    assert {c.event.kind for c in credits} == {"conference session"}
    assert {c.source for c in credits} == {"new_event"}
    assert all(c.email_on_assigned for c in credits)
    assert Evidence.objects.filter(original_name="attendance.pdf").count() == 2


@pytest.mark.django_db
def test_overlapping_sessions_warn_once_then_save(client, sam):
    client.force_login(sam)

    shown = fill_in(
        client,
        session(0, "Budgets", "09:00", "10:30", "LA", "1.5"),
        session(1, "Makerspaces", "10:00", "11:00", "TECH", "1"),
    )

    assert shown.status_code == 200
    assert "The sessions “Budgets” and “Makerspaces” overlap in time." in shown.text
    assert not Credit.objects.exists()
    assert client.post(URL, form_data(shown.text)).url == reverse("tracks:home")
    assert sam.credits.count() == 2


@pytest.mark.django_db
def test_back_to_back_sessions_do_not_warn(client, sam):
    client.force_login(sam)

    response = fill_in(
        client,
        session(0, "Budgets", "09:00", "10:00", "LA", "1"),
        session(1, "Makerspaces", "10:00", "11:00", "TECH", "1"),
    )

    assert response.url == reverse("tracks:home")


@pytest.mark.django_db
def test_a_form_without_sessions_is_refused(client, sam):
    client.force_login(sam)

    response = fill_in(client)

    assert "Fill in at least one session." in response.text
    assert not Credit.objects.exists()


@pytest.mark.django_db
def test_a_bad_session_is_refused_next_to_it_and_keeps_what_was_typed(client, sam):
    client.force_login(sam)

    response = fill_in(
        client,
        session(0, "Budgets", "09:00", "10:00", "LA", "1"),
        session(1, "Makerspaces", "10:00", "11:00", "TECH", "0.25"),
    )

    assert response.status_code == 200
    errors = response.context["sessions"].errors[1]["credit_value"]
    assert errors == [
        "Credits come in steps of 0.5 (0.5, 1, 1.5, 2 ...). 0.25 is not one of them."
    ]
    assert 'value="Budgets"' in response.text
    assert not Credit.objects.exists()


@pytest.mark.django_db
def test_conference_page_asks_anonymous_visitors_to_sign_in(client):
    response = client.get(URL)

    assert response.url.startswith(reverse("account_login"))
