"""Track types are data that administrators edit; the admin keeps them
completable: minimums never add up to more than the total."""

import pytest
from django.urls import reverse

from tests.conftest import category, make_person, track_type
from tracks.models import Requirement


@pytest.fixture
def admin_client(client, db):
    client.force_login(
        make_person("alex@example.org", "", is_staff=True, is_superuser=True)
    )
    return client


def staff_type_form(la_minimum, total="60"):
    staff = track_type("Library Staff")
    data = {
        "name": staff.name,
        "program": staff.program,
        "audience": staff.audience,
        "is_active": "on",
        "total_required": total,
        "specialization_threshold": "",
        "self_created_events_eligible": "on",
        "self_created_events_until": "",
        "description": "",
        "position": staff.position,
        "requirements-TOTAL_FORMS": "4",
        "requirements-INITIAL_FORMS": "4",
        "requirements-MIN_NUM_FORMS": "0",
        "requirements-MAX_NUM_FORMS": "1000",
    }
    for index, requirement in enumerate(staff.requirements.order_by("pk")):
        code = requirement.category.code
        data.update(
            {
                f"requirements-{index}-id": requirement.pk,
                f"requirements-{index}-track_type": staff.pk,
                f"requirements-{index}-category": category(code).pk,
                f"requirements-{index}-minimum": la_minimum if code == "LA" else "5",
            }
        )
    return staff, data


def test_minimums_above_the_total_are_refused(admin_client):
    staff, data = staff_type_form(la_minimum="70")

    response = admin_client.post(
        reverse("admin:tracks_tracktype_change", args=[staff.pk]), data
    )

    assert response.status_code == 200
    assert (
        "The category minimums add up to 85 credits, more than the track&#x27;s "
        "total of 60." in response.text
    )
    assert Requirement.objects.get(track_type=staff, category__code="LA").minimum == 5


def test_minimums_within_the_total_are_saved(admin_client):
    staff, data = staff_type_form(la_minimum="10")

    response = admin_client.post(
        reverse("admin:tracks_tracktype_change", args=[staff.pk]), data
    )

    assert response.status_code == 302
    assert Requirement.objects.get(track_type=staff, category__code="LA").minimum == 10
