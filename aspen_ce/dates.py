"""Dates people type: plausible for continuing education, or refused."""

import datetime

from django.core.exceptions import ValidationError

EARLIEST = datetime.date(2000, 1, 1)
LATEST = datetime.date(2099, 12, 31)


def validate_plausible_date(value):
    """Refuse a date no CE record can have, such as the year 1 or 9999."""
    day = value.date() if isinstance(value, datetime.datetime) else value
    if not EARLIEST <= day <= LATEST:
        raise ValidationError(
            f"Check the year: enter a date between {EARLIEST.year} and {LATEST.year}."
        )
