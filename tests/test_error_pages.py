"""Plain-words pages for a stale form, a missing page and a server error."""

import pytest
from django.test import Client
from django.urls import reverse


@pytest.mark.django_db
def test_a_stale_form_explains_that_nothing_was_saved(sam):
    client = Client(enforce_csrf_checks=True)
    client.force_login(sam)

    response = client.post(reverse("credits:new_event"), {"title": "Kept?"})

    assert response.status_code == 403
    assert "Nothing was saved." in response.text
    assert "Return to Continuing Education Home Page" in response.text


@pytest.mark.django_db
def test_a_missing_page_says_so_in_the_site_layout(client, sam):
    client.force_login(sam)

    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert "Page not found" in response.text
