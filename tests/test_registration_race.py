"""Two requests registering the same person at the same moment, and two
people taking the last seat: real concurrent transactions on PostgreSQL."""

import threading

import pytest
from django.db import connection, connections

from credits import registrations
from credits.models import Credit
from events.models import Registration
from tests.conftest import make_person
from tests.events_helpers import upcoming_event

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite serialises writers; the race needs PostgreSQL",
    ),
]


def run_together(*calls):
    """Run each call in its own thread and connection, started together."""
    barrier = threading.Barrier(len(calls))
    errors = []

    def run(call):
        try:
            barrier.wait()
            call()
        except Exception as error:  # reported by the test below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_two_racing_registrations_give_one_registration_and_one_credit():
    person = make_person("sam@example.org")
    event = upcoming_event()

    def register():
        registrations.registration_create(person=person, event=event)

    errors = run_together(*[register] * 4)

    assert errors == []
    assert Registration.objects.filter(person=person, event=event).count() == 1
    assert list(Credit.objects.values_list("status", flat=True)) == ["pending"]


def test_two_people_racing_for_the_last_seat_leave_one_waiting():
    people = [make_person(f"p{n}@example.org") for n in range(2)]
    event = upcoming_event(capacity=1)

    errors = run_together(
        *[
            lambda person=person: registrations.registration_create(
                person=person, event=event
            )
            for person in people
        ]
    )

    assert errors == []
    statuses = sorted(Registration.objects.values_list("status", flat=True))
    assert statuses == ["registered", "waiting"]
    assert Credit.objects.count() == 1
