"""Registering puts a pending credit on the person's list at once; the
waiting list, cancelling and attendance decide what becomes of it."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone

from credits import registrations
from credits.models import Credit, Decision
from events.models import Registration
from tests.conftest import make_person, make_track
from tests.events_helpers import move_into_the_past, upcoming_event

pytestmark = pytest.mark.django_db


def test_registering_twice_in_a_row_gives_one_registration_and_one_credit(sam):
    event = upcoming_event()

    first, created_first = registrations.registration_create(person=sam, event=event)
    second, created_second = registrations.registration_create(person=sam, event=event)

    assert (created_first, created_second) == (True, False)
    assert first == second
    assert Registration.objects.filter(person=sam, event=event).count() == 1
    credit = Credit.objects.get(person=sam, event=event)
    assert (credit.status, credit.source, credit.value) == (
        "pending",
        "registration",
        Decimal(3),
    )


def test_the_database_refuses_a_second_registration_for_the_same_event(sam):
    event = upcoming_event()
    Registration.objects.create(person=sam, event=event)

    with pytest.raises(IntegrityError):
        Registration.objects.create(person=sam, event=event)


def test_double_click_on_register_makes_one_registration(client, sam):
    event = upcoming_event()
    client.force_login(sam)
    url = reverse("credits:register", args=[event.pk])

    client.post(url)
    response = client.post(url, follow=True)

    assert "You are already registered" in response.text
    assert sam.registrations.count() == 1
    assert sam.credits.count() == 1


def test_the_credit_is_dated_the_day_the_event_ends_in_montana(sam):
    event = upcoming_event(days=30)

    registrations.registration_create(person=sam, event=event)

    assert sam.credits.get().earned_on == event.ended_on


def test_third_person_waits_and_moves_up_when_the_first_cancels(
    sam, dana, terry, django_capture_on_commit_callbacks
):
    event = upcoming_event(capacity=2)
    with django_capture_on_commit_callbacks(execute=True):
        first, _ = registrations.registration_create(person=sam, event=event)
        registrations.registration_create(person=dana, event=event)
        third, _ = registrations.registration_create(person=terry, event=event)

    assert third.status == "waiting"
    assert not Credit.objects.filter(person=terry).exists()
    assert "waiting list" in mail.outbox[-1].subject

    with django_capture_on_commit_callbacks(execute=True):
        moved = registrations.registration_cancel(registration=first, by=sam)

    third.refresh_from_db()
    assert moved == [third]
    assert third.status == "registered"
    assert Credit.objects.get(person=terry, event=event).status == "pending"
    assert mail.outbox[-1].to == [terry.email]
    assert mail.outbox[-1].subject.startswith("You are registered")


def test_waiting_list_moves_up_in_the_order_people_joined(sam, dana, terry, casey):
    event = upcoming_event(capacity=1)
    first, _ = registrations.registration_create(person=sam, event=event)
    registrations.registration_create(person=dana, event=event)
    registrations.registration_create(person=terry, event=event)

    registrations.registration_cancel(registration=first, by=sam)

    statuses = dict(event.registrations.values_list("person__email", "status"))
    assert statuses == {
        sam.email: "cancelled",
        dana.email: "registered",
        terry.email: "waiting",
    }


def test_cancelling_before_the_event_voids_the_pending_credit_with_a_decision(sam):
    event = upcoming_event()
    registration, _ = registrations.registration_create(person=sam, event=event)

    registrations.registration_cancel(registration=registration, by=sam)

    credit = Credit.objects.get(person=sam, event=event)
    assert credit.status == "void"
    decision = credit.decisions.get()
    assert (decision.decided_by, decision.from_status, decision.to_status) == (
        sam,
        "pending",
        "void",
    )
    registration.refresh_from_db()
    assert registration.status == "cancelled"
    assert registration.cancelled_at is not None


def test_cancelling_removes_the_pending_credit_from_the_home_page(client, sam):
    event = upcoming_event(title="Weeding the collection")
    registration, _ = registrations.registration_create(person=sam, event=event)
    client.force_login(sam)
    assert "Pending" in client.get(reverse("tracks:home")).text

    registrations.registration_cancel(registration=registration, by=sam)

    # The rules: "Cancelling a registration removes the pending credit." The
    # void credit and its decision stay in the records, not on the list.
    page = client.get(reverse("tracks:home"))
    assert page.context["credit_rows"] == []
    assert "Weeding the collection" not in page.text
    assert Credit.objects.get(person=sam).status == "void"


def test_cancelling_is_refused_once_the_event_has_begun(sam):
    event = upcoming_event()
    registration, _ = registrations.registration_create(person=sam, event=event)
    move_into_the_past(event)

    with pytest.raises(ValidationError, match="has begun"):
        registrations.registration_cancel(registration=registration, by=sam)

    assert Credit.objects.get(person=sam).status == "pending"


def test_registering_again_after_cancelling_reopens_the_same_credit(sam):
    event = upcoming_event()
    registration, _ = registrations.registration_create(person=sam, event=event)
    registrations.registration_cancel(registration=registration, by=sam)

    again, created = registrations.registration_create(person=sam, event=event)

    assert (created, again.pk, again.status) == (True, registration.pk, "registered")
    credit = Credit.objects.get(person=sam, event=event)
    assert credit.status == "pending"
    assert list(credit.decisions.values_list("to_status", flat=True)) == [
        "pending",
        "void",
    ]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"status": "closed"}, "closed"),
        ({"in_catalogue": False}, "closed"),
        ({"days": -1}, "already begun"),
        (
            {"registration_opens_at": timezone.now() + timedelta(days=1)},
            "has not opened yet",
        ),
        (
            {"registration_closes_at": timezone.now() - timedelta(hours=1)},
            "has closed",
        ),
    ],
)
def test_registration_is_refused_when_the_event_does_not_take_it(sam, fields, message):
    event = upcoming_event(**fields)

    with pytest.raises(ValidationError, match=message):
        registrations.registration_create(person=sam, event=event)

    assert not Registration.objects.exists()
    assert not Credit.objects.exists()


def test_confirmation_email_carries_the_event_as_a_calendar_file(
    sam, django_capture_on_commit_callbacks
):
    event = upcoming_event(
        title="Grant writing", is_online=True, online_link="https://meet.example/x"
    )

    with django_capture_on_commit_callbacks(execute=True):
        registrations.registration_create(person=sam, event=event)

    (message,) = mail.outbox
    assert message.to == [sam.email]
    assert message.subject == "You are registered: Grant writing"
    name, content, mimetype = message.attachments[0]
    assert (name, mimetype) == ("event.ics", "text/calendar")
    text = content.decode() if isinstance(content, bytes) else content
    assert "SUMMARY:Grant writing" in text
    assert "https://meet.example/x" in text


def test_attended_approves_the_credit_and_it_counts_on_the_track_page(
    client, dana, robin
):
    track = make_track(
        dana, "Library Administrator, initial certification", date(2025, 1, 1)
    )
    event = upcoming_event(credit_value="4", code="LA")
    registration, _ = registrations.registration_create(person=dana, event=event)
    move_into_the_past(event)

    registrations.attendance_mark(
        registration=registration, attendance="attended", by=robin
    )

    credit = Credit.objects.get(person=dana)
    assert credit.status == "approved"
    decision = credit.decisions.get()
    assert (decision.decided_by, decision.to_status) == (robin, "approved")
    registration.refresh_from_db()
    assert registration.attendance_marked_by == robin
    client.force_login(dana)
    page = client.get(reverse("tracks:detail", args=[track.pk]))
    assert page.context["summary"].progress.counted == Decimal(4)
    assert "You need 26 more credits in Library Administration" in page.text


def test_missed_voids_the_credit_and_nothing_counts(client, dana, robin):
    track = make_track(
        dana, "Library Administrator, initial certification", date(2025, 1, 1)
    )
    event = upcoming_event(credit_value="4")
    registration, _ = registrations.registration_create(person=dana, event=event)
    move_into_the_past(event)

    registrations.attendance_mark(
        registration=registration, attendance="missed", by=robin
    )

    credit = Credit.objects.get(person=dana)
    assert credit.status == "void"
    client.force_login(dana)
    page = client.get(reverse("tracks:detail", args=[track.pk]))
    assert page.context["summary"].progress.counted == 0
    assert page.context["summary"].progress.pending == 0


def test_attended_sends_the_assigned_email_only_when_asked(
    sam, dana, robin, django_capture_on_commit_callbacks
):
    event = upcoming_event(title="Storytime skills")
    asked, _ = registrations.registration_create(
        person=sam, event=event, email_on_assigned=True
    )
    silent, _ = registrations.registration_create(person=dana, event=event)
    move_into_the_past(event)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        for registration in (asked, silent):
            registrations.attendance_mark(
                registration=registration, attendance="attended", by=robin
            )

    assert [m.to for m in mail.outbox] == [[sam.email]]
    assert mail.outbox[0].subject == "Your CE credit is assigned: Storytime skills"


def test_correcting_missed_to_attended_records_a_new_decision(sam, robin):
    event = upcoming_event()
    registration, _ = registrations.registration_create(person=sam, event=event)
    move_into_the_past(event)
    registrations.attendance_mark(
        registration=registration, attendance="missed", by=robin
    )

    changed = registrations.attendance_mark(
        registration=registration, attendance="attended", by=robin
    )
    unchanged = registrations.attendance_mark(
        registration=registration, attendance="attended", by=robin
    )

    assert (changed, unchanged) == (True, False)
    credit = Credit.objects.get(person=sam)
    assert credit.status == "approved"
    assert list(
        Decision.objects.order_by("pk").values_list("from_status", "to_status")
    ) == [("pending", "void"), ("void", "approved")]


def test_attendance_cannot_be_marked_before_the_event_or_for_the_waiting_list(
    sam, dana, robin
):
    event = upcoming_event(capacity=1)
    registered, _ = registrations.registration_create(person=sam, event=event)
    waiting, _ = registrations.registration_create(person=dana, event=event)

    with pytest.raises(ValidationError, match="has not begun"):
        registrations.attendance_mark(
            registration=registered, attendance="attended", by=robin
        )
    move_into_the_past(event)
    with pytest.raises(ValidationError, match="waiting list"):
        registrations.attendance_mark(
            registration=waiting, attendance="attended", by=robin
        )


def test_raising_the_capacity_moves_the_first_waiting_person_up(sam, dana):
    event = upcoming_event(capacity=1)
    registrations.registration_create(person=sam, event=event)
    registrations.registration_create(person=dana, event=event)

    moved = registrations.waiting_list_fill(event=event)
    assert moved == []
    event.capacity = 2
    event.save()
    moved = registrations.waiting_list_fill(event=event)

    assert [r.person for r in moved] == [dana]
    assert Credit.objects.get(person=dana).status == "pending"


def test_a_person_with_a_credit_for_the_event_cannot_register(sam):
    from credits import services

    event = upcoming_event()
    services.credit_create(person=sam, event=event, source=Credit.Source.CLAIM)

    with pytest.raises(ValidationError, match="already have a credit"):
        registrations.registration_create(person=sam, event=event)


def test_another_person_in_the_waiting_list_is_unaffected_by_a_cancellation(db):
    people = [make_person(f"p{n}@example.org") for n in range(3)]
    event = upcoming_event(capacity=2)
    for person in people:
        registrations.registration_create(person=person, event=event)
    waiting = Registration.objects.get(person=people[2])

    registrations.registration_cancel(registration=waiting, by=people[2])

    assert list(
        event.registrations.order_by("pk").values_list("status", flat=True)
    ) == ["registered", "registered", "cancelled"]
    assert not Credit.objects.filter(person=people[2]).exists()
