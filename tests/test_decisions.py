"""Deciding credits in the admin: approve, deny, bulk approve, corrections.

Each decision is a Decision row that is never edited, and the person gets the
email the rules call for: credit assigned when they asked for it, always one
for a denial or a correction, with the reason.
"""

from datetime import date
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from aspen_ce.models import OutboundEmail
from credits import services
from credits.models import Credit, Decision
from review.forms import DENIAL_SENTENCES
from tests.conftest import category, make_credit, make_person
from tests.pageforms import form_data

CHANGELIST = reverse("admin:credits_credit_changelist")


def url(name, credit):
    return reverse(f"admin:credits_credit_{name}", args=[credit.pk])


def pending(person, title="Weeding the collection", *, email=False, **fields):
    fields.setdefault("source", Credit.Source.NEW_EVENT)
    credit = make_credit(
        person, on=date(2025, 5, 1), status="pending", title=title, **fields
    )
    if email:
        Credit.objects.filter(pk=credit.pk).update(email_on_assigned=True)
        credit.refresh_from_db()
    return credit


@pytest.fixture
def reviewer(client, robin):
    client.force_login(robin)
    return robin


@pytest.mark.django_db
def test_approving_from_the_items_page_records_it_and_sends_the_asked_for_email(
    client, reviewer, dana, django_capture_on_commit_callbacks
):
    credit = pending(dana, email=True, value="2")
    page = client.get(url("approve", credit))
    assert "Approve this credit?" in page.text

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("approve", credit), {"value": "2", "category": credit.category_id}
        )

    assert response.status_code == 302
    decision = Decision.objects.get()
    assert (
        decision.credit,
        decision.decided_by,
        decision.from_status,
        decision.to_status,
        decision.from_value,
        decision.to_value,
        decision.reason,
    ) == (credit, reviewer, "pending", "approved", Decimal(2), Decimal(2), "")
    credit.refresh_from_db()
    assert (credit.status, credit.decided_at) == ("approved", decision.decided_at)
    assert [m.to for m in mail.outbox] == [["dana@example.org"]]
    assert mail.outbox[0].subject == (
        "Your CE credit is assigned: Weeding the collection"
    )
    assert OutboundEmail.objects.get().sent_at is not None


@pytest.mark.django_db
def test_approving_sends_no_email_when_the_person_did_not_ask(
    client, reviewer, dana, django_capture_on_commit_callbacks
):
    credit = pending(dana)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("approve", credit), {"value": "1", "reason": ""})

    assert Credit.objects.get().status == "approved"
    assert mail.outbox == []


@pytest.mark.django_db
def test_after_a_decision_the_next_waiting_item_opens(client, reviewer, dana, sam):
    first = pending(dana, "First")
    following = pending(sam, "Second")

    response = client.post(url("approve", first), {"value": "1"})

    assert response.url == url("change", following)
    response = client.post(url("approve", following), {"value": "1"})
    assert response.url == CHANGELIST


@pytest.mark.django_db
def test_a_denial_needs_a_reason(client, reviewer, dana):
    credit = pending(dana)

    response = client.post(url("deny", credit), {"common_reason": "", "reason": " "})

    assert response.status_code == 200
    assert "Give the reason for the denial" in response.text
    assert Credit.objects.get().status == "pending"
    assert not Decision.objects.exists()


@pytest.mark.django_db
def test_denying_with_a_common_reason_records_it_and_emails_it(
    client, reviewer, dana, django_capture_on_commit_callbacks
):
    credit = pending(dana, "Board meeting")

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url("deny", credit),
            {"common_reason": "meeting", "reason": "Only the training part counts."},
        )

    decision = Decision.objects.get()
    expected = (
        "It was a meeting rather than training; meetings do not earn CE credit. "
        "Only the training part counts."
    )
    assert (decision.to_status, decision.reason) == ("denied", expected)
    assert decision.reason.startswith(DENIAL_SENTENCES["meeting"])
    assert Credit.objects.get().status == "denied"
    (email,) = mail.outbox
    assert email.to == ["dana@example.org"]
    assert email.subject == "Your CE credit was not approved: Board meeting"
    assert f"Reason: {expected}" in email.body


@pytest.mark.django_db
def test_bulk_approving_ten_items_records_ten_decisions_and_the_asked_for_emails(
    client, reviewer, dana, sam, django_capture_on_commit_callbacks
):
    credits = [
        pending(dana if n % 2 else sam, f"Session {n}", email=n < 4) for n in range(10)
    ]
    step = {"action": "approve", "_selected_action": [c.pk for c in credits]}

    confirm = client.post(CHANGELIST, step)
    assert "Approve 10 credits?" in confirm.text
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(CHANGELIST, {**step, "confirm": "yes", "reason": ""})

    assert response.status_code == 302
    assert (
        Decision.objects.filter(to_status="approved", decided_by=reviewer).count() == 10
    )
    assert set(Decision.objects.values_list("credit", flat=True)) == {
        c.pk for c in credits
    }
    assert not Credit.objects.exclude(status="approved").exists()
    # Sessions 0 to 3 asked for the email: 0 and 2 are Sam's, 1 and 3 Dana's.
    assert sorted(m.subject for m in mail.outbox) == [
        f"Your CE credit is assigned: Session {n}" for n in range(4)
    ]


@pytest.mark.django_db
def test_bulk_decisions_skip_registrations_and_decided_items(
    client, reviewer, dana, django_capture_on_commit_callbacks
):
    waiting = pending(dana, "Waiting")
    registration = pending(dana, "Registered", source=Credit.Source.REGISTRATION)
    decided = make_credit(
        dana, on=date(2025, 5, 2), status="denied", title="Old", source="claim"
    )

    # Everything is selected in the unfiltered list.
    response = client.post(
        CHANGELIST + "?status=all&kind=all",
        {
            "action": "deny",
            "_selected_action": [waiting.pk, registration.pk, decided.pk],
            "confirm": "yes",
            "common_reason": "duplicate",
        },
        follow=True,
    )

    assert list(Decision.objects.values_list("credit", flat=True)) == [waiting.pk]
    text = " ".join(str(m) for m in response.context["messages"])
    assert "Denied 1 credit." in text
    assert "is decided by marking attendance" in text
    assert "“Old” was already denied by the system" in text


@pytest.mark.django_db
def test_approving_may_correct_value_and_category_with_a_reason(
    client, reviewer, dana, django_capture_on_commit_callbacks
):
    credit = pending(dana, "Grant writing", value="3", code="LA")
    tech = category("TECH")

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url("approve", credit),
            {
                "value": "1.5",
                "category": tech.pk,
                "reason": "The certificate shows 90 minutes of database training.",
            },
        )

    decision = Decision.objects.get()
    assert (decision.from_value, decision.to_value) == (Decimal(3), Decimal("1.5"))
    assert (decision.from_category, decision.to_category) == (category("LA"), tech)
    credit.refresh_from_db()
    assert (credit.status, credit.value, credit.category) == (
        "approved",
        Decimal("1.5"),
        tech,
    )
    # The person did not ask for the assigned email, but a change is explained.
    (email,) = mail.outbox
    assert "You reported 3.0 credits; the reviewer assigned 1.5." in email.body
    assert "the reviewer placed it in Technology" in email.body
    assert "90 minutes of database training" in email.body


@pytest.mark.django_db
def test_changing_the_value_without_a_reason_is_refused(client, reviewer, dana):
    credit = pending(dana, value="3")

    response = client.post(url("approve", credit), {"value": "2", "reason": ""})

    assert "Give the reason for changing the value or category." in response.text
    assert not Decision.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("0", "A credit value must be more than 0."),
        ("0.25", "Credits come in steps of 0.5"),
        ("61", "One record can carry at most 60 credits."),
    ],
)
def test_a_corrected_value_follows_the_rules(client, reviewer, dana, value, message):
    credit = pending(dana, value="3")

    response = client.post(url("approve", credit), {"value": value, "reason": "x"})

    assert message in response.text
    assert Credit.objects.get().value == Decimal(3)


@pytest.mark.django_db
def test_a_correction_of_an_approved_credit_is_a_new_decision(
    client, reviewer, dana, robin, django_capture_on_commit_callbacks
):
    credit = pending(dana, "Reference interview", value="3", email=True)
    first = services.credit_decide(credit=credit, by=robin, status="approved")
    mail.outbox.clear()
    page = client.get(url("correct", credit))
    assert page.context["form"]["seen_decision"].value() == first.pk

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("correct", credit),
            {
                "status": "approved",
                "value": "2",
                "category": category("LSP").pk,
                "reason": "The session lasted two hours.",
                "seen_decision": first.pk,
            },
        )

    assert response.url == url("change", credit)
    first_again = Decision.objects.get(pk=first.pk)
    assert (first_again.to_value, first_again.to_category.code) == (Decimal(3), "LA")
    latest = Decision.objects.exclude(pk=first.pk).get()
    assert (latest.from_status, latest.to_status) == ("approved", "approved")
    assert (latest.from_value, latest.to_value) == (Decimal(3), Decimal(2))
    assert latest.to_category == category("LSP")
    (email,) = mail.outbox
    assert email.subject == "Your CE credit was corrected: Reference interview"
    assert "Before: Approved, 3.0 credits in Library Administration" in email.body
    assert "Now:    Approved, 2.0 credits in Library Services to the Public" in (
        email.body
    )
    assert "Reason: The session lasted two hours." in email.body


@pytest.mark.django_db
def test_a_correction_needs_a_reason(client, reviewer, dana, robin):
    credit = pending(dana, value="3")
    services.credit_decide(credit=credit, by=robin, status="approved")

    response = client.post(
        url("correct", credit),
        {"status": "denied", "value": "3", "category": credit.category_id},
    )

    assert "Give the reason for the correction" in response.text
    assert Decision.objects.count() == 1


@pytest.mark.django_db
def test_a_correction_made_from_a_stale_page_is_refused(client, reviewer, dana, sam):
    credit = pending(dana, value="3")
    first = services.credit_decide(credit=credit, by=sam, status="approved")
    services.credit_correct(credit=credit, by=sam, value=Decimal(2), reason="Typo")

    response = client.post(
        url("correct", credit),
        {
            "status": "approved",
            "value": "1",
            "category": credit.category_id,
            "reason": "Late",
            "seen_decision": first.pk,
        },
        follow=True,
    )

    assert "was already approved by Sam Tester" in response.text
    assert Credit.objects.get().value == Decimal(2)


@pytest.mark.django_db
def test_a_decided_item_cannot_be_decided_again(client, reviewer, dana, sam):
    credit = pending(dana)
    services.credit_decide(credit=credit, by=sam, status="denied", reason="Dup")

    response = client.post(url("approve", credit), {"value": "1"}, follow=True)

    assert "was already denied by Sam Tester" in response.text
    assert Decision.objects.count() == 1
    assert Credit.objects.get().status == "denied"


@pytest.mark.django_db
def test_the_items_page_is_read_only_and_offers_the_decisions(client, reviewer, dana):
    credit = pending(dana)

    page = client.get(url("change", credit))

    assert page.context["has_change_permission"] is False
    assert 'name="_save"' not in page.text
    assert url("approve", credit) in page.text
    assert url("deny", credit) in page.text


@pytest.mark.django_db
def test_approving_a_new_event_can_add_it_to_the_catalogue(client, reviewer, dana):
    credit = pending(dana, "Makerspaces on a shoestring", value="3")
    event = credit.event
    event.in_catalogue = event.is_listed_for_claims = False
    event.save()

    client.post(
        url("approve", credit),
        {
            "value": "2",
            "category": category("LSP").pk,
            "reason": "Two hours",
            "add_to_catalogue": "on",
        },
    )

    event.refresh_from_db()
    assert (event.in_catalogue, event.is_listed_for_claims) == (True, True)
    assert (event.credit_value, event.category.code) == (Decimal(2), "LSP")


@pytest.mark.django_db
def test_adding_to_the_catalogue_is_offered_only_for_new_events(client, reviewer, dana):
    claim = pending(dana, source=Credit.Source.CLAIM)

    page = client.get(url("approve", claim))

    assert "add_to_catalogue" not in page.context["form"].fields


@pytest.mark.django_db
def test_a_decision_is_never_edited_nor_deleted(dana, robin):
    credit = pending(dana)
    decision = services.credit_decide(credit=credit, by=robin, status="approved")

    decision.reason = "changed"
    with pytest.raises(ValueError, match="never edited"):
        decision.save()
    with pytest.raises(ValueError, match="never deleted"):
        decision.delete()


@pytest.mark.django_db
def test_the_person_sees_the_latest_decision_and_its_reason(client, dana, robin):
    credit = pending(dana, value="3")
    services.credit_decide(credit=credit, by=robin, status="approved")
    services.credit_correct(
        credit=credit, by=robin, value=Decimal(2), reason="It lasted two hours."
    )
    client.force_login(dana)

    page = client.get(reverse("credits:detail", args=[credit.pk]))

    assert "Latest decision: Approved" in page.text
    assert "Credits changed from 3.0 to 2.0." in page.text
    assert "Reason: It lasted two hours." in page.text


@pytest.mark.django_db
def test_a_registrations_credit_is_left_to_attendance(client, reviewer, dana):
    credit = pending(dana, source=Credit.Source.REGISTRATION)

    response = client.post(url("approve", credit), {"value": "1"}, follow=True)

    assert "decided by marking attendance" in response.text
    assert Credit.objects.get().status == "pending"
    assert "Approve…" not in client.get(url("change", credit)).text


@pytest.mark.django_db
def test_a_denied_event_never_joins_the_catalogue(dana, robin):
    credit = pending(dana)

    with pytest.raises(ValidationError):
        services.credit_decide(
            credit=credit,
            by=robin,
            status="denied",
            reason="Meeting",
            add_to_catalogue=True,
        )

    assert not Decision.objects.exists()


@pytest.mark.django_db
def test_only_a_new_event_joins_the_catalogue(dana, robin):
    claim = pending(dana, source=Credit.Source.CLAIM)

    with pytest.raises(ValidationError):
        services.credit_decide(
            credit=claim, by=robin, status="approved", add_to_catalogue=True
        )

    assert not Decision.objects.exists()
    assert Credit.objects.get().status == "pending"


@pytest.mark.django_db
def test_bulk_approve_reports_an_item_another_coordinator_denied_meanwhile(
    client, reviewer, dana, django_capture_on_commit_callbacks
):
    first = pending(dana, "Grant writing")
    second = pending(dana, "Storytime skills")
    other = make_person("kim@example.org", "", is_staff=True)
    services.credit_decide(credit=first, by=other, status="denied", reason="Duplicate.")

    # The list opens on pending items only; the confirmation posts both ids.
    response = client.post(
        CHANGELIST,
        {
            "action": "approve",
            "_selected_action": [first.pk, second.pk],
            "confirm": "yes",
        },
        follow=True,
    )

    text = " ".join(str(m) for m in response.context["messages"])
    assert "Approved 1 credit." in text
    assert "“Grant writing” was already denied by Kim Tester" in text
    first.refresh_from_db()
    assert first.status == "denied"


@pytest.mark.django_db
def test_approving_a_credit_the_person_changed_meanwhile_asks_to_look_again(
    client, reviewer, dana
):
    credit = pending(dana, "Grant writing", value="1")
    page = client.get(url("approve", credit))
    data = form_data(page.text)
    Credit.objects.filter(pk=credit.pk).update(value=Decimal(4))

    response = client.post(url("approve", credit), {**data, "reason": "Fine."})

    assert "The person changed this credit while you were looking at it" in (
        response.text
    )
    credit.refresh_from_db()
    assert (credit.status, credit.value) == ("pending", Decimal(4))
    assert not Decision.objects.exists()


@pytest.mark.django_db
def test_a_registration_credit_is_corrected_in_value_not_in_status(
    client, reviewer, dana
):
    credit = make_credit(dana, on=date(2025, 5, 1), value="3")

    response = client.post(
        url("correct", credit),
        {
            "status": "denied",
            "value": "3",
            "category": credit.category_id,
            "reason": "Left early.",
        },
    )

    assert "Select a valid choice" in response.text
    credit.refresh_from_db()
    assert credit.status == "approved"


@pytest.mark.django_db
def test_denying_a_credit_the_person_changed_meanwhile_asks_to_look_again(
    client, reviewer, dana
):
    credit = pending(dana, "Grant writing")
    data = form_data(client.get(url("deny", credit)).text)
    Credit.objects.filter(pk=credit.pk).update(category=category("TECH"))

    response = client.post(url("deny", credit), {**data, "common_reason": "duplicate"})

    assert "The person changed this credit while you were looking at it" in (
        response.text
    )
    credit.refresh_from_db()
    assert credit.status == "pending"
