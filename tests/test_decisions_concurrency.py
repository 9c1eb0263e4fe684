"""Two coordinators deciding the same credit at the same moment: the row lock
makes one decision, and the other learns who made it. PostgreSQL only: SQLite
has no row locks (it locks the whole database)."""

import threading
from datetime import date

import pytest
from django.db import connection, connections

from credits import services
from credits.models import Credit, Decision
from tests.conftest import make_credit, make_person

pytestmark = [
    # serialized_rollback: the categories and groups of the data migrations
    # are restored for each test after a flush.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks need PostgreSQL"
    ),
]


def decide_at_once(credit, attempts):
    """Run each (reviewer, status, reason) in its own thread and connection,
    released together; returns what each one got."""
    start = threading.Barrier(len(attempts))
    results = [None] * len(attempts)

    def run(index, by, status, reason):
        try:
            start.wait()
            results[index] = services.credit_decide(
                credit=credit, by=by, status=status, reason=reason
            )
        except Exception as error:  # the test inspects what each thread got
            results[index] = error
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=run, args=(index, *attempt))
        for index, attempt in enumerate(attempts)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


def test_two_coordinators_deciding_one_credit_make_one_decision():
    dana = make_person("dana@example.org", "director")
    robin = make_person("robin@example.org", "", is_staff=True)
    kim = make_person("kim@example.org", "", is_staff=True)
    credit = make_credit(
        dana, on=date(2025, 5, 1), status="pending", source=Credit.Source.CLAIM
    )

    results = decide_at_once(
        credit, [(robin, "approved", ""), (kim, "denied", "Duplicate")]
    )

    decision = Decision.objects.get()
    winner = results.index(decision) if decision in results else None
    assert winner is not None, results
    refused = results[1 - winner]
    assert isinstance(refused, services.AlreadyDecided), refused
    assert refused.decision == decision
    who = decision.decided_by.get_full_name()
    assert f"was already {decision.get_to_status_display().lower()} by {who}" in (
        str(refused)
    )
    credit.refresh_from_db()
    assert credit.status == decision.to_status


def test_many_coordinators_at_once_still_make_one_decision():
    dana = make_person("dana@example.org", "director")
    reviewers = [
        make_person(f"reviewer{n}@example.org", "", is_staff=True) for n in range(4)
    ]
    credit = make_credit(
        dana, on=date(2025, 5, 1), status="pending", source=Credit.Source.CLAIM
    )

    results = decide_at_once(credit, [(r, "approved", "") for r in reviewers])

    assert Decision.objects.count() == 1
    assert sum(isinstance(r, Decision) for r in results) == 1
    assert sum(isinstance(r, services.AlreadyDecided) for r in results) == 3
