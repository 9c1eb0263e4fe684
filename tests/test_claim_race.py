"""Two claims of one event by one person at the same moment: real concurrent
transactions on PostgreSQL. The checks in Python pass for both; the unique
constraint lets one through and the other gets the clear refusal."""

import datetime
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections
from django.utils import timezone

from credits import services
from credits.models import Credit
from tests.conftest import make_event, make_person

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite serialises writers; the race needs PostgreSQL",
    ),
]


def test_two_racing_claims_give_one_claim_and_one_refusal(monkeypatch):
    person = make_person("sam@example.org")
    event = make_event(
        "Webinar", ends_on=timezone.localdate() - datetime.timedelta(days=3)
    )
    checked = threading.Barrier(2)
    outcomes = []
    refusal = services.claim_refusal

    def refusal_then_wait(**kwargs):
        # Both requests pass the checks before either writes.
        answer = refusal(**kwargs)
        checked.wait(timeout=10)
        return answer

    def claim():
        try:
            services.credit_claim(person=person, event=event)
            outcomes.append("claimed")
        except ValidationError as error:
            outcomes.append(error.messages[0])
        finally:
            connections.close_all()

    monkeypatch.setattr(services, "claim_refusal", refusal_then_wait)
    threads = [threading.Thread(target=claim) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["You already have a credit for this event.", "claimed"]
    assert Credit.objects.filter(person=person, event=event).count() == 1
