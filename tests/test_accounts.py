"""Sign-up with library and position, email confirmation, password reset."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from aspen_ce.models import Library, User
from tests.conftest import PASSWORD


def signup_data(chosen, **changes):
    return {
        "first_name": "Nora",
        "last_name": "Newcomer",
        "email": "nora@example.org",
        "library": chosen.pk,
        "position": "director",
        "password1": "a-much-better-password-77",
        "password2": "a-much-better-password-77",
        **changes,
    }


@pytest.mark.django_db
def test_sign_up_then_confirm_the_email_then_land_on_the_ce_home_page(client):
    belt = Library.objects.create(name="Belt Library", city="Belt")

    response = client.post(reverse("account_signup"), signup_data(belt))

    assert response.status_code == 302
    nora = User.objects.get(email="nora@example.org")
    assert (nora.first_name, nora.last_name, nora.library, nora.position) == (
        "Nora",
        "Newcomer",
        belt,
        "director",
    )
    [message] = mail.outbox
    link = re.search(r"http://testserver(/accounts/confirm-email/\S+/)", message.body)

    confirmed = client.post(link.group(1))

    assert confirmed.url == reverse("tracks:home")
    assert client.get(reverse("tracks:home")).status_code == 200


@pytest.mark.django_db
def test_sign_up_without_a_library_keeps_what_was_typed(client):
    belt = Library.objects.create(name="Belt Library", city="Belt")

    response = client.post(reverse("account_signup"), signup_data(belt, library=""))

    assert response.status_code == 200
    assert response.context["form"].errors["library"] == ["This field is required."]
    assert 'value="nora@example.org"' in response.text
    assert 'value="Newcomer"' in response.text
    assert not User.objects.exists()


@pytest.mark.django_db
def test_unconfirmed_email_cannot_sign_in(client):
    belt = Library.objects.create(name="Belt Library", city="Belt")
    client.post(reverse("account_signup"), signup_data(belt))
    client.logout()

    response = client.post(
        reverse("account_login"),
        {"login": "nora@example.org", "password": "a-much-better-password-77"},
    )

    assert response.url == reverse("account_email_verification_sent")


@pytest.mark.django_db
def test_password_reset_sends_a_link_that_sets_a_new_password(client, sam):
    client.post(reverse("account_reset_password"), {"email": sam.email})

    [message] = mail.outbox
    path = re.search(
        r"http://testserver(/accounts/password/reset/key/\S+/)", message.body
    )
    form_page = client.get(path.group(1), follow=True)
    client.post(
        form_page.redirect_chain[-1][0],
        {
            "password1": "another-good-password-88",
            "password2": "another-good-password-88",
        },
    )

    sam.refresh_from_db()
    assert sam.check_password("another-good-password-88")
    assert not sam.check_password(PASSWORD)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name", ["account_login", "account_signup", "account_reset_password"]
)
def test_account_pages_use_the_site_layout_and_local_bootstrap(client, name):
    page = client.get(reverse(name))

    assert page.status_code == 200
    assert "/static/bootstrap/css/bootstrap.min.css" in page.text
    # Nothing is loaded from another host (a random CSRF token may well
    # contain the letters "cdn", so the addresses are checked instead).
    assert not re.search(r'(src|href)="(https?:)?//', page.text)
