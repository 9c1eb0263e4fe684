"""The whole main job through the test client: sign in, add a track, report
a new independent event, a reviewer approves it, the track counts it."""

from datetime import date
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse

from credits.models import Credit, Decision
from tests.conftest import PASSWORD, category, track_type


def sign_in(client, person):
    response = client.post(
        reverse("account_login"), {"login": person.email, "password": PASSWORD}
    )
    assert response.status_code == 302, response.content
    return response


@pytest.mark.django_db
def test_sign_in_add_track_report_event_approve_and_count(
    client, dana, robin, django_capture_on_commit_callbacks
):
    sign_in(client, dana)
    initial = track_type("Library Administrator, initial certification")

    # Add New Certification Track: choose the type, Go, fill in, Save.
    form_url = reverse("tracks:new") + f"?type={initial.pk}"
    assert client.get(form_url).status_code == 200
    response = client.post(form_url, {"started_on": "2025-01-01", "notes": ""})
    track = dana.tracks.get()
    assert response.url == reverse("tracks:detail", args=[track.pk])

    # Create New independent learning event.
    response = client.post(
        reverse("credits:new_event"),
        {
            "title": "Budgeting for small libraries",
            "kind": "workshop",
            "begins_at": "2025-10-14T09:00",
            "ends_at": "2025-10-14T12:00",
            "sponsor": "Montana Library Association",
            "presenter": "A. Trainer",
            "category": category("LA").pk,
            "credit_value": "3",
            "description": "",
            "email_on_assigned": "on",
        },
    )
    assert response.url == reverse("tracks:home")
    credit = dana.credits.get()
    assert (credit.status, credit.value, credit.earned_on) == (
        "pending",
        Decimal(3),
        date(2025, 10, 14),
    )
    assert "Pending" in client.get(reverse("tracks:home")).text

    # The reviewer approves it in the admin, through the confirmation page.
    client.logout()
    client.force_login(robin)
    changelist = reverse("admin:credits_credit_changelist")
    step = {"action": "approve", "_selected_action": [credit.pk]}
    confirm = client.post(changelist, step)
    assert "Approve 1 credit?" in confirm.text
    with django_capture_on_commit_callbacks(execute=True):
        client.post(changelist, {**step, "confirm": "yes", "reason": ""})

    decision = Decision.objects.get()
    assert (decision.decided_by, decision.from_status, decision.to_status) == (
        robin,
        "pending",
        "approved",
    )
    assert [m.to for m in mail.outbox] == [[dana.email]]
    assert "Budgeting for small libraries" in mail.outbox[0].subject

    # The track page shows the credit counted in Library Administration.
    client.logout()
    client.force_login(dana)
    page = client.get(reverse("tracks:detail", args=[track.pk]))
    rows = {category.code: row for category, row in page.context["summary"].rows}
    assert rows["LA"].counted == Decimal(3)
    assert page.context["summary"].progress.counted == Decimal(3)
    assert "You need 27 more credits in Library Administration" in page.text


@pytest.mark.django_db
def test_no_email_when_the_box_was_not_ticked(
    dana, robin, django_capture_on_commit_callbacks
):
    from credits import services
    from tests.conftest import make_event

    event = make_event(ends_on=date(2025, 5, 1))
    credit = services.credit_create(
        person=dana, event=event, source=Credit.Source.CLAIM
    )

    with django_capture_on_commit_callbacks(execute=True):
        services.credit_decide(credit=credit, by=robin, status="approved")

    assert mail.outbox == []


@pytest.mark.django_db
def test_denial_needs_a_reason_in_the_admin(client, dana, robin):
    from tests.conftest import make_credit

    credit = make_credit(
        dana, on=date(2025, 5, 1), status="pending", source=Credit.Source.CLAIM
    )
    client.force_login(robin)
    changelist = reverse("admin:credits_credit_changelist")

    response = client.post(
        changelist,
        {
            "action": "deny",
            "_selected_action": [credit.pk],
            "confirm": "yes",
            "reason": " ",
        },
    )

    assert "Give the reason for the denial" in response.text
    credit.refresh_from_db()
    assert credit.status == "pending"
