"""While pending, the person may change or withdraw a claim or a new event;
once decided, it is read-only."""

import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from credits import services
from credits.models import Credit, Decision
from tests.conftest import DENVER, category, make_credit, make_event
from tests.pageforms import form_data
from tests.test_evidence import SMALL_PDF

DAY = timezone.localdate() - datetime.timedelta(days=10)


@pytest.fixture
def new_event(sam):
    return services.independent_event_submit(
        person=sam,
        fields={
            "title": "Budgeting basics",
            "kind": "workshop",
            "begins_at": datetime.datetime.combine(DAY, datetime.time(9), DENVER),
            "ends_at": datetime.datetime.combine(DAY, datetime.time(12), DENVER),
            "sponsor": "Montana Library Association",
            "presenter": "A. Trainer",
            "topic": "",
            "category": category("LA"),
            "credit_value": Decimal(3),
            "description": "",
        },
    )


@pytest.fixture
def claim(sam):
    event = make_event("Catalogue webinar", ends_on=DAY)
    return services.credit_claim(person=sam, event=event)


def edit_url(credit):
    return reverse("credits:edit", args=[credit.pk])


@pytest.mark.django_db
def test_pending_new_event_is_changed_through_its_form(client, sam, new_event):
    client.force_login(sam)
    data = form_data(client.get(edit_url(new_event)).text)
    assert data["title"] == "Budgeting basics"
    assert data["credit_value"] == "3.0"

    data.update(title="Budgeting for small libraries", credit_value="2.5")
    data["category"] = str(category("TECH").pk)
    response = client.post(
        edit_url(new_event),
        {**data, "certificate": SimpleUploadedFile("c.pdf", SMALL_PDF)},
    )

    assert response.url == reverse("credits:detail", args=[new_event.pk])
    new_event.refresh_from_db()
    assert new_event.event.title == "Budgeting for small libraries"
    assert (new_event.value, new_event.category.code, new_event.status) == (
        Decimal("2.5"),
        "TECH",
        "pending",
    )
    assert new_event.evidence.get().original_name == "c.pdf"
    decision = new_event.decisions.get()
    assert (decision.from_value, decision.to_value, decision.to_status) == (
        Decimal(3),
        Decimal("2.5"),
        "pending",
    )
    assert decision.decided_by == sam
    assert new_event.decided_at is None


@pytest.mark.django_db
def test_a_change_of_title_only_records_no_decision(client, sam, new_event):
    client.force_login(sam)
    data = form_data(client.get(edit_url(new_event)).text)

    client.post(edit_url(new_event), {**data, "title": "Budgets"})

    assert not Decision.objects.exists()


@pytest.mark.django_db
def test_pending_claim_changes_only_its_email_choice(client, sam, claim):
    client.force_login(sam)
    page = client.get(edit_url(claim))
    assert "title" not in form_data(page.text)

    client.post(edit_url(claim), {"email_on_assigned": "on"})

    claim.refresh_from_db()
    assert claim.email_on_assigned is True


@pytest.mark.django_db
@pytest.mark.parametrize("fixture", ["new_event", "claim"])
def test_withdraw_records_a_decision_by_the_person(client, sam, request, fixture):
    credit = request.getfixturevalue(fixture)
    client.force_login(sam)
    url = reverse("credits:withdraw", args=[credit.pk])

    response = client.post(url, form_data(client.get(url).text))

    assert response.url == reverse("tracks:home")
    credit.refresh_from_db()
    assert credit.status == "withdrawn"
    decision = credit.decisions.get()
    assert (decision.decided_by, decision.from_status, decision.to_status) == (
        sam,
        "pending",
        "withdrawn",
    )


@pytest.mark.django_db
def test_pending_credit_page_offers_change_and_withdraw(client, sam, new_event):
    client.force_login(sam)

    page = client.get(reverse("credits:detail", args=[new_event.pk]))

    assert edit_url(new_event) in page.text
    assert reverse("credits:withdraw", args=[new_event.pk]) in page.text
    assert "Workshop" in page.text


@pytest.mark.django_db
def test_decided_credit_is_read_only(client, sam, robin, new_event):
    services.credit_decide(credit=new_event, by=robin, status="approved")
    client.force_login(sam)

    page = client.get(reverse("credits:detail", args=[new_event.pk]))
    edit = client.get(edit_url(new_event))
    post = client.post(edit_url(new_event), {"title": "Changed"})
    withdraw = client.post(reverse("credits:withdraw", args=[new_event.pk]))

    assert edit_url(new_event) not in page.text
    assert "Withdraw" not in page.text
    assert edit.url == post.url == reverse("credits:detail", args=[new_event.pk])
    assert withdraw.url == reverse("credits:detail", args=[new_event.pk])
    new_event.refresh_from_db()
    assert (new_event.status, new_event.event.title) == ("approved", "Budgeting basics")
    assert new_event.decisions.count() == 1


@pytest.mark.django_db
def test_withdraw_after_a_reviewer_decided_says_who_decided(client, sam, robin, claim):
    client.force_login(sam)
    services.credit_decide(credit=claim, by=robin, status="approved")

    response = client.post(reverse("credits:withdraw", args=[claim.pk]), follow=True)

    assert "was already approved by" in response.text
    claim.refresh_from_db()
    assert claim.status == "approved"


@pytest.mark.django_db
def test_a_change_racing_a_decision_is_refused_by_the_service(sam, robin, new_event):
    stale = Credit.objects.get(pk=new_event.pk)
    services.credit_decide(credit=new_event, by=robin, status="denied", reason="Vendor")

    with pytest.raises(services.AlreadyDecided):
        services.credit_update(credit=stale, by=sam, email_on_assigned=True)


@pytest.mark.django_db
def test_a_registration_credit_is_neither_changed_nor_withdrawn_here(client, sam):
    credit = make_credit(sam, on=DAY, status="pending")
    client.force_login(sam)

    edit = client.get(edit_url(credit))
    withdraw = client.post(reverse("credits:withdraw", args=[credit.pk]), follow=True)

    assert edit.url == reverse("credits:detail", args=[credit.pk])
    assert "removed by cancelling the registration" in withdraw.text
    credit.refresh_from_db()
    assert credit.status == "pending"


@pytest.mark.django_db
def test_someone_elses_credit_cannot_be_changed_or_withdrawn(client, olive, new_event):
    client.force_login(olive)

    assert client.get(edit_url(new_event)).status_code == 404
    assert client.post(edit_url(new_event), {"title": "x"}).status_code == 404
    withdraw = client.post(reverse("credits:withdraw", args=[new_event.pk]))
    assert withdraw.status_code == 404
    new_event.refresh_from_db()
    assert new_event.status == "pending"


@pytest.mark.django_db
def test_withdraw_asks_first_and_refuses_other_methods_and_anonymous_visitors(
    client, sam, new_event
):
    url = reverse("credits:withdraw", args=[new_event.pk])

    assert client.post(url).url.startswith(reverse("account_login"))
    assert client.get(edit_url(new_event)).url.startswith(reverse("account_login"))
    client.force_login(sam)
    page = client.get(url)
    assert "Withdraw “Budgeting basics”?" in page.text
    assert form_data(page.text).keys() == {"csrfmiddlewaretoken"}
    assert client.put(url).status_code == 405
    assert client.put(edit_url(new_event)).status_code == 405
    new_event.refresh_from_db()
    assert new_event.status == "pending"


@pytest.mark.django_db
def test_editing_one_of_two_presentations_of_a_topic_is_not_refused(client, sam):
    fields = {
        "kind": "presenting",
        "begins_at": datetime.datetime.combine(DAY, datetime.time(9), DENVER),
        "ends_at": datetime.datetime.combine(DAY, datetime.time(12), DENVER),
        "sponsor": "Belt Library",
        "presenter": "Sam",
        "topic": "Weeding",
        "category": category("CMTS"),
        "credit_value": Decimal(6),
        "description": "",
    }
    services.independent_event_submit(person=sam, fields={**fields, "title": "A"})
    second = services.independent_event_submit(
        person=sam, fields={**fields, "title": "B"}
    )
    client.force_login(sam)
    data = form_data(client.get(edit_url(second)).text)
    assert data["workshop_hours"] == "3"

    response = client.post(edit_url(second), {**data, "title": "B, revised"})

    assert response.url == reverse("credits:detail", args=[second.pk])
    second.refresh_from_db()
    assert second.event.title == "B, revised"
