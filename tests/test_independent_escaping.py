"""What a person types is shown back as text, never run: on their pages, in
other people's drop-downs and in the reviewers' admin."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from credits.models import Credit
from tests.conftest import make_credit, make_event
from tests.pageforms import form_data
from tests.test_independent_event import URL, typed

SCRIPT = "<script>alert('x')</script>"
ESCAPED = "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;"


@pytest.fixture
def credit(client, sam):
    client.force_login(sam)
    data = form_data(client.get(URL).text)
    data.update(typed(title=f"Budgets {SCRIPT}", sponsor=SCRIPT, description=SCRIPT))
    assert client.post(URL, data).url == reverse("tracks:home")
    return Credit.objects.get()


@pytest.mark.django_db
def test_script_in_a_title_is_text_on_the_home_page(client, credit):
    page = client.get(reverse("tracks:home"))

    assert f"Budgets {ESCAPED}" in page.text
    assert SCRIPT not in page.text


@pytest.mark.django_db
def test_script_is_text_on_the_credit_page(client, credit):
    page = client.get(reverse("credits:detail", args=[credit.pk]))

    assert ESCAPED in page.text
    assert SCRIPT not in page.text


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["changelist", "change"])
def test_script_in_a_title_is_text_in_the_admin(client, credit, robin, page):
    client.force_login(robin)
    args = [credit.pk] if page == "change" else []

    response = client.get(reverse(f"admin:credits_credit_{page}", args=args))

    assert response.status_code == 200
    assert ESCAPED in response.text
    assert SCRIPT not in response.text


@pytest.mark.django_db
def test_script_in_a_catalogue_title_is_text_in_the_drop_down_and_claim_page(
    client, olive
):
    day = timezone.localdate() - datetime.timedelta(days=3)
    event = make_event(SCRIPT, ends_on=day)
    client.force_login(olive)

    home = client.get(reverse("tracks:home"))
    claim = client.get(reverse("credits:claim", args=[event.pk]))

    assert ESCAPED in home.text and SCRIPT not in home.text
    assert ESCAPED in claim.text and SCRIPT not in claim.text


@pytest.mark.django_db
def test_script_is_text_in_a_warning_and_a_message(client, sam):
    day = timezone.localdate() - datetime.timedelta(days=10)
    make_credit(sam, on=day, title=f"Budgets {SCRIPT}")
    client.force_login(sam)
    data = form_data(client.get(URL).text)
    data.update(typed(title=f"Budgets {SCRIPT}"))

    shown = client.post(URL, data)
    saved = client.post(URL, form_data(shown.text), follow=True)

    assert f"You already have “Budgets {ESCAPED}”" in shown.text
    assert SCRIPT not in shown.text
    assert f"“Budgets {ESCAPED}” is saved" in saved.text
    assert SCRIPT not in saved.text
