"""A person keeps their name, library and position up to date; their credits
and tracks stay theirs when they move."""

from datetime import date

import pytest
from django.urls import reverse

from aspen_ce.models import Library
from tests.conftest import make_credit, make_track
from tests.pageforms import form_data

URL = reverse("profile")


@pytest.mark.django_db
def test_moving_to_another_library_keeps_credits_and_tracks(client, sam):
    make_track(sam, "Library Staff", date(2025, 1, 1))
    make_credit(sam, on=date(2025, 2, 1))
    glasgow = Library.objects.create(name="Glasgow City-County Library", city="Glasgow")
    client.force_login(sam)
    data = form_data(client.get(URL).text)

    response = client.post(URL, {**data, "library": glasgow.pk, "position": "director"})

    assert response.url == URL
    sam.refresh_from_db()
    assert (sam.library, sam.position) == (glasgow, "director")
    assert (sam.tracks.count(), sam.credits.count()) == (1, 1)


@pytest.mark.django_db
def test_an_empty_name_is_refused_and_the_rest_kept(client, sam):
    client.force_login(sam)
    data = form_data(client.get(URL).text)

    response = client.post(URL, {**data, "first_name": "", "last_name": "Newname"})

    assert response.context["form"].errors["first_name"] == ["This field is required."]
    assert 'value="Newname"' in response.text
    sam.refresh_from_db()
    assert sam.last_name == "Tester"


@pytest.mark.django_db
def test_my_details_ask_anonymous_visitors_to_sign_in(client):
    response = client.get(URL)

    assert response.url.startswith(reverse("account_login"))
