"""State Library staff mark attendance in the admin, one registration at a
time or for a whole event, and manage events with the rules' validation."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from credits import registrations
from credits.models import Credit
from events.models import DENVER, Event, Registration
from tests.conftest import category
from tests.events_helpers import move_into_the_past, upcoming_event

pytestmark = pytest.mark.django_db


def test_mark_one_registration_attended(client, sam, dana, robin):
    event = upcoming_event()
    chosen, _ = registrations.registration_create(person=sam, event=event)
    registrations.registration_create(person=dana, event=event)
    move_into_the_past(event)
    client.force_login(robin)

    response = client.post(
        reverse("admin:events_registration_changelist"),
        {"action": "mark_attended", "_selected_action": [chosen.pk]},
        follow=True,
    )

    assert "Marked 1 registration as attended." in response.text
    statuses = dict(Credit.objects.values_list("person__email", "status"))
    assert statuses == {sam.email: "approved", dana.email: "pending"}
    chosen.refresh_from_db()
    assert (chosen.attendance, chosen.attendance_marked_by) == ("attended", robin)


def test_mark_a_whole_event_missed_at_once(client, sam, dana, terry, robin):
    event = upcoming_event(capacity=2)
    for person in (sam, dana, terry):
        registrations.registration_create(person=person, event=event)
    move_into_the_past(event)
    client.force_login(robin)

    response = client.post(
        reverse("admin:events_event_changelist"),
        {"action": "mark_all_missed", "_selected_action": [event.pk]},
        follow=True,
    )

    assert "Marked 2 registrations as missed." in response.text
    assert sorted(Credit.objects.values_list("status", flat=True)) == ["void", "void"]
    assert Registration.objects.get(person=terry).attendance == "pending"


def test_marking_before_the_event_explains_why_nothing_changed(client, sam, robin):
    event = upcoming_event(title="Next week")
    registration, _ = registrations.registration_create(person=sam, event=event)
    client.force_login(robin)

    response = client.post(
        reverse("admin:events_registration_changelist"),
        {"action": "mark_attended", "_selected_action": [registration.pk]},
        follow=True,
    )

    assert "Marked 0 registrations as attended." in response.text
    assert "“Next week” has not begun" in response.text
    assert Credit.objects.get().status == "pending"


def test_a_participant_cannot_reach_the_registrations_admin(client, sam):
    client.force_login(sam)

    response = client.get(reverse("admin:events_registration_changelist"))

    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")


def test_registration_changelist_queries_stay_the_same(
    client, robin, django_assert_num_queries
):
    from tests.conftest import make_person

    client.force_login(robin)
    url = reverse("admin:events_registration_changelist")

    def load(count):
        event = upcoming_event(f"Event {count}")
        for n in range(count):
            person = make_person(f"p{count}-{n}@example.org")
            registrations.registration_create(person=person, event=event)
        client.get(url)  # warm the content types and permissions caches
        with django_assert_num_queries(7):
            assert client.get(url).status_code == 200

    load(2)
    load(20)


def event_form(**changes):
    data = {
        "title": "Strategic planning",
        "description": "",
        "kind": "workshop",
        "sponsor": "Montana State Library",
        "presenter": "",
        "begins_at_0": "2027-03-02",
        "begins_at_1": "09:00",
        "ends_at_0": "2027-03-02",
        "ends_at_1": "12:00",
        "place": "Helena",
        "online_link": "",
        "credit_value": "3",
        "category": category("LA").pk,
        "capacity": "",
        "registration_opens_at_0": "",
        "registration_opens_at_1": "",
        "registration_closes_at_0": "",
        "registration_closes_at_1": "",
        "status": "open",
        "in_catalogue": "on",
        "is_listed_for_claims": "on",
        "topic": "",
        "conference": "",
        "source_url": "",
        "submitted_by": "",
        "registrations-TOTAL_FORMS": "0",
        "registrations-INITIAL_FORMS": "0",
    }
    return {**data, **changes}


def test_staff_add_an_event_in_the_admin(client, robin):
    client.force_login(robin)

    response = client.post(reverse("admin:events_event_add"), event_form())

    assert response.status_code == 302, response.context["adminform"].errors
    assert Event.objects.get().title == "Strategic planning"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"ends_at_1": "08:00"}, "The end cannot be before the beginning."),
        ({"credit_value": "1.75"}, "Credits come in steps of 0.5"),
        ({"credit_value": "0"}, "A credit value must be more than 0."),
        ({"capacity": "0"}, "Ensure this value is greater than or equal to 1."),
        (
            {
                "registration_opens_at_0": "2027-02-01",
                "registration_opens_at_1": "09:00",
                "registration_closes_at_0": "2027-01-01",
                "registration_closes_at_1": "09:00",
            },
            "Registration cannot close before it opens.",
        ),
        (
            # Once a 500: the year 9999 overflowed on its way to UTC.
            {
                "begins_at_0": "9999-12-31",
                "ends_at_0": "9999-12-31",
                "ends_at_1": "23:30",
            },
            "Check the year: enter a date between 2000 and 2099.",
        ),
    ],
)
def test_event_admin_refuses_what_the_rules_refuse(client, robin, changes, message):
    client.force_login(robin)

    response = client.post(reverse("admin:events_event_add"), event_form(**changes))

    assert response.status_code == 200
    assert message in response.text
    assert not Event.objects.exists()


def test_raising_the_capacity_in_the_admin_registers_the_first_waiting(
    client, sam, dana, robin
):
    event = upcoming_event(capacity=1)
    registrations.registration_create(person=sam, event=event)
    registrations.registration_create(person=dana, event=event)
    client.force_login(robin)
    page = client.get(reverse("admin:events_event_change", args=[event.pk]))
    assert page.status_code == 200

    begins_at = event.begins_at.astimezone(DENVER)
    ends_at = event.ends_at.astimezone(DENVER)
    response = client.post(
        reverse("admin:events_event_change", args=[event.pk]),
        event_form(
            title=event.title,
            capacity="2",
            begins_at_0=begins_at.strftime("%Y-%m-%d"),
            begins_at_1=begins_at.strftime("%H:%M:%S"),
            ends_at_0=ends_at.strftime("%Y-%m-%d"),
            ends_at_1=ends_at.strftime("%H:%M:%S"),
            **{"registrations-TOTAL_FORMS": "2", "registrations-INITIAL_FORMS": "2"},
        ),
        follow=True,
    )

    assert "1 person(s) moved up from the waiting list." in response.text
    assert Registration.objects.get(person=dana).status == "registered"
    assert Credit.objects.get(person=dana).status == "pending"


def test_registrations_awaiting_attendance_lists_only_events_that_ended(
    client, sam, robin
):
    over = upcoming_event("Weeding workshop")
    registrations.registration_create(person=sam, event=over)
    move_into_the_past(over)
    registrations.registration_create(person=sam, event=upcoming_event("Storytime"))
    client.force_login(robin)

    response = client.get(
        reverse("admin:events_registration_changelist"),
        {
            "status__exact": "registered",
            "attendance__exact": "pending",
            "event_ended": "yes",
        },
    )

    shown = [r.event.title for r in response.context["cl"].result_list]
    assert shown == ["Weeding workshop"]


def test_moving_an_event_moves_its_pending_credits_and_records_a_new_value(
    client, sam, dana, robin
):
    event = upcoming_event("Strategic planning", days=30, credit_value="2")
    registrations.registration_create(person=sam, event=event)
    client.force_login(robin)
    new_day = (event.ends_at.astimezone(DENVER) + datetime.timedelta(days=7)).date()

    client.post(
        reverse("admin:events_event_change", args=[event.pk]),
        event_form(
            begins_at_0=new_day.isoformat(),
            ends_at_0=new_day.isoformat(),
            credit_value="3",
            capacity="",
            **{
                "registrations-TOTAL_FORMS": "1",
                "registrations-INITIAL_FORMS": "1",
                "registrations-0-id": Registration.objects.get().pk,
                "registrations-0-event": event.pk,
            },
        ),
    )

    credit = Credit.objects.get(person=sam)
    assert (credit.status, credit.earned_on, credit.value) == (
        "pending",
        new_day,
        Decimal(3),
    )
    [decision] = credit.decisions.all()
    assert (decision.from_value, decision.to_value, decision.to_status) == (
        Decimal(2),
        Decimal(3),
        "pending",
    )
