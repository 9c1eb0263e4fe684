"""Credit values: positive multiples of 0.5, at most 60; form and database."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import IntegrityError

from aspen_ce.values import CreditValueField
from credits.models import Credit
from tests.conftest import make_credit


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        (
            "0.25",
            "Credits come in steps of 0.5 (0.5, 1, 1.5, 2 ...). "
            "0.25 is not one of them.",
        ),
        (
            "1.75",
            "Credits come in steps of 0.5 (0.5, 1, 1.5, 2 ...). "
            "1.75 is not one of them.",
        ),
        ("0", "A credit value must be more than 0."),
        (
            "1e-999999999",
            "Credits come in steps of 0.5 (0.5, 1, 1.5, 2 ...). "
            "1e-999999999 is not one of them.",
        ),
        ("-1", "A credit value must be more than 0."),
        ("60.5", "One record can carry at most 60 credits."),
        ("two", "Enter a number."),
    ],
)
def test_invalid_credit_values_are_refused_with_a_message(typed, message):
    field = CreditValueField()

    with pytest.raises(Exception) as refused:
        field.clean(typed)

    assert refused.value.messages == [message]


@pytest.mark.parametrize("typed", ["0.5", "2.5", "60", "1"])
def test_half_steps_are_accepted(typed):
    assert CreditValueField().clean(typed) == Decimal(typed)


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["0", "-1", "1.2", "61"])
def test_database_refuses_a_value_the_rules_refuse(sam, value):
    credit = make_credit(sam, on=date(2025, 1, 10), value="1")

    with pytest.raises(IntegrityError):
        Credit.objects.filter(pk=credit.pk).update(value=Decimal(value))
