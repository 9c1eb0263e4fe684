"""Credit values: a positive multiple of 0.5, at most 60 (the rules file)."""

from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Cast

MAX_CREDIT_VALUE = Decimal(60)
CREDIT_VALUE_FIELD = {"max_digits": 4, "decimal_places": 1}


def validate_credit_value(value):
    try:
        value = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        raise ValidationError("Enter a number of credits, such as 1 or 2.5.") from None
    if not value.is_finite():
        raise ValidationError("Enter a number of credits, such as 1 or 2.5.")
    if value <= 0:
        raise ValidationError("A credit value must be more than 0.")
    if value > MAX_CREDIT_VALUE:
        raise ValidationError("One record can carry at most 60 credits.")
    # The comparison is exact; arithmetic on a value as small as 1e-9999
    # would underflow to 0 and pass the half-step test.
    if value != value.quantize(Decimal("0.1")) or (value * 2) % 1:
        raise ValidationError(
            "Credits come in steps of 0.5 (0.5, 1, 1.5, 2 ...). "
            f"{value:g} is not one of them."
        )


def credit_value_constraints(field, prefix):
    """Database checks that refuse what validate_credit_value refuses."""
    doubled = models.F(field) * 2
    return [
        models.CheckConstraint(
            condition=models.Q(**{f"{field}__gt": 0, f"{field}__lte": 60}),
            name=f"{prefix}_{field}_range",
        ),
        models.CheckConstraint(
            condition=models.lookups.Exact(
                doubled, Cast(doubled, models.IntegerField())
            ),
            name=f"{prefix}_{field}_half_steps",
        ),
    ]


class CreditValueField(forms.DecimalField):
    """A form field whose only messages are the rules' own, in plain words."""

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", None)
        kwargs.setdefault("max_digits", None)
        kwargs.setdefault("decimal_places", None)
        kwargs.setdefault("validators", [validate_credit_value])
        kwargs.setdefault("widget", forms.NumberInput(attrs={"step": "0.5"}))
        super().__init__(**kwargs)
