"""Nobody reaches another person's track or credit; participants never reach
the admin."""

from datetime import date

import pytest
from django.urls import reverse

from tests.conftest import make_credit, make_track


@pytest.mark.django_db
def test_someone_elses_track_is_not_found(client, sam, olive):
    track = make_track(sam, "Library Staff", date(2024, 1, 1))
    client.force_login(olive)

    assert client.get(reverse("tracks:detail", args=[track.pk])).status_code == 404
    response = client.post(
        reverse("tracks:detail", args=[track.pk]), {"started_on": "2025-01-01"}
    )
    assert response.status_code == 404


@pytest.mark.django_db
def test_someone_elses_credit_is_not_found(client, sam, olive):
    credit = make_credit(sam, on=date(2025, 1, 10))
    client.force_login(olive)

    assert client.get(reverse("credits:detail", args=[credit.pk])).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url", ["/admin/", "/admin/credits/credit/", "/admin/tracks/tracktype/"]
)
def test_participant_is_sent_to_sign_in_from_the_admin(client, sam, url):
    client.force_login(sam)

    response = client.get(url)

    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["tracks:home", "tracks:new", "credits:new_event"])
def test_pages_ask_anonymous_visitors_to_sign_in(client, name):
    response = client.get(reverse(name))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
